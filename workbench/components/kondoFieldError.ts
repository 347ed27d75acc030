// Workbench entry of kondoFieldError, the message under a settings input in kondoSetup. It takes
// the errors of the last save as a property and calls no Apex.
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoFieldError',
  description:
    "The server's messages for one setting, shown under its input on the setup page. Shown inside kondoSetup.",
  width: 'narrow',
  states: {
    error: {
      label: 'One message',
      description: 'The save refused the task window: its message shows.',
      props: () => ({
        field: 'taskWindowDays',
        errors: [
          {
            section: 'settings',
            rowIndex: null,
            field: 'taskWindowDays',
            message: 'Enter a whole number of days from 0 to 3650.',
          },
          {
            section: 'mappings',
            rowIndex: 0,
            field: 'targetField',
            message: 'Another mapping already writes Lead.Title.',
          },
        ],
      }),
    },
    none: {
      label: 'No message',
      description: 'No error for this setting: nothing shows.',
      props: () => ({ field: 'taskWindowDays', errors: [] }),
    },
  },
});
