// Workbench entry of kondoErrorPanel (used inside the other components to show errors).
import { apexError } from '../src/apexRuntime';
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoErrorPanel',
  description:
    'Shows an error as a short sentence and the readable messages behind it, never a stack trace. Used by the other components.',
  width: 'narrow',
  states: {
    apex: {
      label: 'Apex error',
      description: 'An AuraHandledException from a controller; its code prefix is not shown.',
      props: () => ({
        friendlyMessage: 'The LinkedIn conversations could not be loaded.',
        errors: apexError('QUERY_FAILED: The conversations could not be read. Try again later.'),
      }),
    },
    'field-errors': {
      label: 'Field errors',
      description: 'A UI API save error with page and field errors: every message is listed.',
      props: () => ({
        friendlyMessage: 'The mapping could not be saved.',
        errors: {
          body: {
            pageErrors: [{ message: 'Only one mapping may target a field.' }],
            fieldErrors: {
              Target_Field__c: [{ message: 'Lead.Twitter__c is not writable for you.' }],
            },
          },
        },
      }),
    },
    'nothing-readable': {
      label: 'Nothing readable',
      description: 'An error without any message: only the sentence shows.',
      props: () => ({ errors: {} }),
    },
  },
});
