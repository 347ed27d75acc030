// Workbench entry of kondoSetupSection, the card of each section of kondoSetup (its content is a
// slot, empty here: kondoSetup's entry shows the sections filled). It calls no Apex.
import { defineEntry } from '../src/types';

export default defineEntry({
  component: 'kondoSetupSection',
  description:
    'One section of the setup page: its card with title and icon, the landmark the section navigation and the error summary move focus to. Shown inside kondoSetup.',
  width: 'wide',
  states: {
    titled: {
      label: 'Titled',
      description: 'The Field mappings section, without its content.',
      props: () => ({
        name: 'mappings',
        heading: 'Field mappings',
        iconName: 'utility:merge_field',
      }),
    },
  },
});
