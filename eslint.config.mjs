// `npm run lint`. ESLint's and typescript-eslint's recommended rules, every rule of Microsoft's
// eslint-plugin-office-addins (its `recommended` and `react` configs), React's hooks rules, the import walls, and
// eslint-config-prettier last so no rule argues with Prettier (`npm run format:check` owns layout).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import walls from './scripts/eslint-walls.cjs';

// The plugin's own `recommended` config registers its private copy of the @typescript-eslint plugin
// (8.8, with TypeScript 5.9) and runs Prettier as a rule; we take its rules and use our own parser.
const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, 'error']));
// Its `react` config starts with eslint-plugin-react's recommended config; reach that plugin through it.
const [reactRecommended] = officeAddins.configs.react;
const react = reactRecommended.plugins.react;

export default defineConfig([
  globalIgnores(['dist/', 'data/', 'coverage/', '.certs/', 'test-results/', 'bench/results/', '.pg-test/', 'test/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { walls },
    rules: {
      // As the plugin's recommended config has them.
      'no-delete-var': 'error',
      'no-eval': 'error',
      'no-inner-declarations': 'error',
      'no-octal': 'error',
      // A leading underscore marks a parameter or binding kept on purpose (an interface's signature, a rest sibling).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'walls/import-walls': 'error',
    },
  },
  {
    // Everywhere Office.js may run; the server has none (its walls forbid it), and its ExcelJS cells
    // (`cell.value`) would read to these rules as unloaded Office proxies.
    files: ['**/*.{ts,tsx,mts,cts}'],
    ignores: ['src/server/**'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  {
    // The Excel host's own tests read before load and sync on purpose, to prove the host refuses as
    // Excel does (PropertyNotLoaded), and sync through `host.context.sync()`, which these rules do not
    // recognise as a sync (they look for a variable named `context`). Anywhere else the rules stay on.
    files: ['test/excel-host/**/*.test.ts'],
    rules: {
      'office-addins/load-object-before-read': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/call-sync-after-load': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    ...reactRecommended,
    settings: { react: { version: 'detect' } },
  },
  {
    // The rules of hooks, and every effect, memo and callback naming what it reads (no exceptions in
    // src). The plugin's React Compiler rules are left out: this code is not compiled by it.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // tsconfig compiles JSX with the automatic runtime ("jsx": "react-jsx"): React need not be in scope.
  { files: ['**/*.tsx'], ...react.configs.flat['jsx-runtime'] },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  prettier,
]);
