// Workbench entry of kondoConfigurationTransfer, the "Export and import" card of kondoSetup. The
// export calls the real SetupController.exportConfiguration as the viewing user; a picked file is
// handed to the page as an `importfile` event (kondoSetup's own entry and tests show it imported).
import { apexError } from '../src/apexRuntime';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoConfigurationTransfer',
  description:
    'Export and import of the whole configuration, to move it between orgs. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    ready: {
      label: 'Ready',
      description: 'The export downloads the org’s saved configuration as JSON.',
      user: 'admin',
      props: () => ({ saving: false }),
    },
    saving: {
      label: 'Saving',
      description: 'The page is saving: no file can be picked until it is done.',
      props: () => ({ saving: true }),
    },
    'export-failed': {
      label: 'Export failure',
      description: 'Every export fails on the server (simulated): the toast says why.',
      apex: {
        'SetupController.exportConfiguration': () => {
          throw apexError('The configuration could not be read.');
        },
      },
    },
  },
});
