// Workbench entry of kondoMatchSettings, the settings of kondoSetup's "Matching" card. It calls
// no Apex: the draft and the fields to choose from are the local org's, from the real
// SetupController.getSetup. Edits are sent up as `settingchange` events (kondoSetup's own entry
// and tests show them saved).
import { orgSetupPage, settingError } from '../fixtures/setupProps';
import { defineEntry, type StateContext } from '../src/types';

async function orgProps(context: StateContext): Promise<Record<string, unknown>> {
  const page = await orgSetupPage(context);
  return { configuration: page.configuration, fieldOptions: page.fieldOptions, errors: [] };
}

export default defineEntry({
  component: 'kondoMatchSettings',
  description:
    'The Contact and Lead field that holds LinkedIn URLs and which object is matched first. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    org: {
      label: 'Local org',
      description:
        'The org’s match fields; only the fields the server marks matchable are offered.',
      user: 'admin',
      props: orgProps,
    },
    errors: {
      label: 'Field error',
      description: 'The server refused a Lead match field: its message shows under the picker.',
      user: 'admin',
      props: async (context) => ({
        ...(await orgProps(context)),
        errors: [
          settingError(
            'leadMatchField',
            'The Lead match field must be an existing, filterable URL or text field of Lead.'
          ),
        ],
      }),
    },
  },
});
