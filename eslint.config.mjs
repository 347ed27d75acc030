// ESLint flat config, run at zero warnings (`--max-warnings 0`).
// Components: Salesforce's LWC rules for TypeScript (recommended-ts) with typescript-eslint's
// parser, so the type-aware rules can run on the same pass. Scripts, workbench and client:
// typescript-eslint's type-checked rules for Node. The project service types each file with
// the nearest tsconfig.json, so the client workspace is linted with client/tsconfig.json.
import { createRequire } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const lwcRecommendedTs = require('@salesforce/eslint-config-lwc/recommended-ts');

const componentFiles = ['force-app/**/lwc/**/*.ts'];
const nodeFiles = ['scripts/**/*.ts', 'workbench/**/*.ts', 'client/**/*.ts', 'types/**/*.ts'];
const typeAware = {
  parser: tseslint.parser,
  parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'tools/**',
      'coverage/**',
      'artifacts/**',
      '.sf/**',
      '.sfdx/**',
      '.code-analyzer/**',
      'force-app/**/lwc/**/*.js',
      'workbench/dist/**',
      'workbench/.cache/**',
      '**/*.d.ts',
    ],
  },
  ...lwcRecommendedTs.map((config) => ({ ...config, files: componentFiles })),
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({
    ...config,
    files: [...componentFiles, ...nodeFiles],
  })),
  {
    files: [...componentFiles, ...nodeFiles],
    languageOptions: { ...typeAware },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      'import/core-modules': ['lwc'],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The platform resolves c/*, lightning/* and @salesforce/* at deploy time; tsc checks them.
      'import/no-unresolved': 'off',
      'import/named': 'off',
      'import/namespace': 'off',
      'import/default': 'off',
      'import/no-named-as-default-member': 'off',
    },
  },
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: {
      // Jest mocks and DOM queries are untyped by nature; the assertions carry the checking.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: nodeFiles,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // node:test's describe() and it() return promises that the runner itself awaits.
    files: ['scripts/**/*.test.ts', 'client/**/*.test.ts', 'workbench/**/*.test.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['*.js', '*.mjs', '.ci/**/*.js'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'module' },
  },
  {
    files: ['client/bin/*.cjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
  },
  {
    files: ['jest.config.js', 'jest.setup.js'],
    languageOptions: { sourceType: 'commonjs' },
  }
);
