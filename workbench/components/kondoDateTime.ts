// Workbench entry of kondoDateTime, the date-time format of kondoSetup and kondoSyncHealth.
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoDateTime',
  description:
    "A date and time in the setup page's one format, in the viewer's locale and time zone. Shown inside kondoSetup and kondoSyncHealth.",
  width: 'narrow',
  states: {
    value: {
      label: 'A date-time',
      description: 'An Apex ISO 8601 date-time.',
      props: () => ({ value: '2026-05-04T09:30:00.000Z' }),
    },
  },
});
