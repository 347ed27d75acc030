// Registers the accessibility matchers (toBeAccessible) for every component test, and resolves
// every `@salesforce/label/c.<name>` import to the label's value in force-app/**/labels, as the
// platform does (sfdx-lwc-jest alone would give the string "c.<name>"). A test may still
// jest.mock a label of its own.
const { registerSa11yMatcher } = require('@sa11y/jest');
const { customLabelValues } = require('./scripts/lib/labels.ts');

registerSa11yMatcher();

for (const [mockName, mockValue] of customLabelValues(__dirname)) {
  for (const namespace of ['c', 'kondo']) {
    jest.mock(
      `@salesforce/label/${namespace}.${mockName}`,
      () => ({ __esModule: true, default: mockValue }),
      { virtual: true }
    );
  }
}
