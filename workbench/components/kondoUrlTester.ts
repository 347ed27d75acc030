// Workbench entry of kondoUrlTester, the LinkedIn URL tester in kondoSetup's "Matching" card. It
// takes no properties: the real SetupController.testMatch answers each test as the viewing user.
import { apexError } from '../src/apexRuntime';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoUrlTester',
  description:
    'Tests a LinkedIn URL: the key Kondo normalises it to and the Contacts and Leads that carry it, or why it is rejected. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description:
        'Test any URL against the org, e.g. https://www.linkedin.com/in/amelia-hart-ops/.',
      user: 'admin',
    },
    'server-failure': {
      label: 'Server failure',
      description:
        'Every test fails on the server (simulated): the error panel shows after a test.',
      apex: {
        'SetupController.testMatch': () => {
          throw apexError('The records could not be read.');
        },
      },
    },
  },
});
