// Workbench entry of kondoSettingField, the frame of one setting in the setup page's cards: the
// "Edited" mark and the server's message on the input it holds (a slot, empty here: the cards'
// entries and kondoSetup's show it around their inputs). It calls no Apex.
import { settingError } from '../fixtures/setupProps';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoSettingField',
  description:
    'One setting of a settings card: marked Edited while it differs from what is saved, its input marked invalid with the server’s message. Shown inside the setup page’s cards.',
  width: 'narrow',
  states: {
    edited: {
      label: 'Edited',
      description: 'The setting differs from what is saved: the Edited mark shows.',
      props: () => ({ field: 'taskWindowDays', editedFields: ['taskWindowDays'], errors: [] }),
    },
    invalid: {
      label: 'Refused',
      description: 'The last save refused this setting (its input, in the cards, shows why).',
      props: () => ({
        field: 'taskWindowDays',
        editedFields: [],
        errors: [settingError('taskWindowDays', 'Enter a whole number of days from 0 to 3650.')],
      }),
    },
  },
});
