// Workbench entry of kondoSetupMappings, the "Field mappings" card of kondoSetup. It calls no
// Apex and shows what the setup page passes: the fields and Kondo properties to choose from come
// from the local org's real SetupController.getSetup; the mappings are sample rows. Edits are
// sent up as `mappingschange` events (kondoSetup's own entry and tests show the edits round trip).
import type { FieldOption, PropertyOption } from '../../types/dto/setup';
import { orgSetupPage, SAMPLE_MAPPINGS, SAMPLE_READ_BACK } from '../fixtures/setupProps';
import { defineEntry, type StateContext } from '../src/types';

/** The org's catalog, as the admin's setup page receives it. */
async function catalog(
  context: StateContext
): Promise<{ fieldOptions: FieldOption[]; properties: PropertyOption[] }> {
  const page = await orgSetupPage(context);
  return { fieldOptions: page.fieldOptions, properties: page.properties };
}

export default defineEntry({
  component: 'kondoSetupMappings',
  description:
    'The field mappings (Kondo property to Contact or Lead field) and the fields shown in Kondo, per object. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    data: {
      label: 'Mapped',
      description:
        'Three Contact and three Lead mappings (one custom property) and five fields shown in Kondo, over the org’s fields.',
      user: 'admin',
      props: async (context) => ({
        ...(await catalog(context)),
        mappings: SAMPLE_MAPPINGS,
        readBackFields: SAMPLE_READ_BACK,
        savedMappings: SAMPLE_MAPPINGS,
        savedReadBackFields: SAMPLE_READ_BACK,
        errors: [],
      }),
    },
    edited: {
      label: 'Edited rows',
      description:
        'Since the last save a mapping was changed and one added, and two shown fields swapped: the changed and added rows are marked.',
      user: 'admin',
      props: async (context) => {
        const [first, second, ...rest] = SAMPLE_READ_BACK;
        return {
          ...(await catalog(context)),
          mappings: [
            { ...SAMPLE_MAPPINGS[0]!, targetField: 'Department' },
            ...SAMPLE_MAPPINGS.slice(1),
            {
              objectName: 'Lead',
              kondoProperty: 'notes',
              targetField: 'Description',
              overwritePolicy: 'OVERWRITE',
            },
          ],
          readBackFields: [second!, first!, ...rest],
          savedMappings: SAMPLE_MAPPINGS,
          savedReadBackFields: SAMPLE_READ_BACK,
          errors: [],
        };
      },
    },
    empty: {
      label: 'Nothing mapped',
      description: 'A fresh install: only the buttons to add mappings and fields.',
      user: 'admin',
      props: async (context) => ({
        ...(await catalog(context)),
        mappings: [],
        readBackFields: [],
        errors: [],
      }),
    },
    errors: {
      label: 'Row errors',
      description:
        'The server refused an import: each error marks the picker at fault in its row (the field a list cannot go into is not offered, so its picker is empty), a shown field’s error shows under it, a section-wide one above the lists.',
      user: 'admin',
      props: async (context) => ({
        ...(await catalog(context)),
        mappings: [
          ...SAMPLE_MAPPINGS,
          { objectName: 'Lead', kondoProperty: 'labels', targetField: 'Status' },
          { objectName: 'Lead', kondoProperty: 'location', targetField: 'Title' },
        ],
        readBackFields: [...SAMPLE_READ_BACK, { objectName: 'Contact', field: 'Email' }],
        errors: [
          {
            section: 'mappings',
            rowIndex: 6,
            field: 'targetField',
            message:
              'Lead Status cannot hold the Kondo property Kondo labels: choose a field of another type.',
          },
          {
            section: 'mappings',
            rowIndex: 7,
            field: 'targetField',
            message: 'Another mapping already writes Title.',
          },
          {
            section: 'readBackFields',
            rowIndex: 5,
            field: 'field',
            message: 'Email is listed twice.',
          },
          {
            section: 'readBackFields',
            rowIndex: null,
            field: 'readBackFields',
            message: 'At most 200 fields can be shown.',
          },
        ],
      }),
    },
  },
});
