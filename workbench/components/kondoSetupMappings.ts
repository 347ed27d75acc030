// Workbench entry of kondoSetupMappings, the "Field mappings" card of kondoSetup. It takes its
// data from the setup page as properties and calls no Apex; edits are sent up as `change`
// events, so this entry shows each state as the parent passes it (kondoSetup's own entry and
// tests show the edits round trip).
import { CONFIGURED, FIELD_OPTIONS, PROPERTIES } from '../fixtures/setup';
import { defineEntry } from '../src/types';

const common = { fieldOptions: FIELD_OPTIONS, properties: PROPERTIES };

export default defineEntry({
  component: 'kondoSetupMappings',
  description:
    'The field mappings (Kondo property to Contact or Lead field) and the fields shown in Kondo, per object. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    data: {
      label: 'Mapped',
      description:
        'Three Contact and three Lead mappings (one custom property) and five fields shown in Kondo.',
      props: () => ({
        ...common,
        mappings: CONFIGURED.mappings,
        readBackFields: CONFIGURED.readBackFields,
        errors: [],
      }),
    },
    empty: {
      label: 'Nothing mapped',
      description: 'A fresh install: only the buttons to add mappings and fields.',
      props: () => ({ ...common, mappings: [], readBackFields: [], errors: [] }),
    },
    errors: {
      label: 'Row errors',
      description:
        'The server refused an import: each error shows at its row (the field a list cannot go into is not offered, so its picker is empty), a section-wide one above the lists.',
      props: () => ({
        ...common,
        mappings: [
          ...CONFIGURED.mappings,
          { objectName: 'Lead', kondoProperty: 'labels', targetField: 'Status' },
          { objectName: 'Lead', kondoProperty: 'location', targetField: 'Title' },
        ],
        readBackFields: [...CONFIGURED.readBackFields, { objectName: 'Contact', field: 'Email' }],
        errors: [
          {
            section: 'mappings',
            rowIndex: 6,
            field: 'targetField',
            message: 'Lead Status (PICKLIST) cannot hold the Kondo property labels.',
          },
          {
            section: 'mappings',
            rowIndex: 7,
            field: 'targetField',
            message: 'Another mapping already writes Lead.Title.',
          },
          {
            section: 'readBackFields',
            rowIndex: 5,
            field: 'field',
            message: 'Contact.Email is listed twice.',
          },
          {
            section: 'readBackFields',
            rowIndex: null,
            field: 'readBackFields',
            message: 'At most 200 fields.',
          },
        ],
      }),
    },
  },
});
