// Jest for the Lightning Web Components, on top of sfdx-lwc-jest (which strips TypeScript
// itself). Coverage is measured on the .ts sources, never on the compiled .js beside them,
// and the thresholds live here so that a local `npm test` fails exactly as CI does.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  moduleFileExtensions: ['ts', 'js', 'html', 'json'],
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js'],
  testMatch: ['<rootDir>/force-app/**/lwc/**/__tests__/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/tools/'],
  collectCoverageFrom: [
    'force-app/**/lwc/**/*.ts',
    '!force-app/**/lwc/**/__tests__/**',
    '!force-app/**/lwc/**/__mocks__/**',
  ],
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  coverageThreshold: {
    global: { statements: 90, branches: 90, functions: 90, lines: 90 },
  },
};
