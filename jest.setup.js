// Registers the accessibility matchers (toBeAccessible) for every component test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
