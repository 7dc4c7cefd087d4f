/**
 * ESLint (flat config): the recommended sets of ESLint, typescript-eslint and React's rules of
 * hooks, the Office.js rules of eslint-plugin-office-addins, and the boundaries between the layers
 * (README, Layout), enforced with no-restricted-imports. No style rules: formatting is not linted.
 * test/lint/boundaries.test.ts proves each boundary rule catches what it forbids.
 */
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A relative import that reaches one of `folders` of src/ (any depth of `../`). */
const into = (folders) => `^(\\.\\./)+(${folders.map(escape).join('|')})(/|$)`;

const NODE = {
  regex: `^(node:|(${builtinModules.map(escape).join('|')})(/.*)?$)`,
  message: 'Node built-ins are not available here: this code runs in the browser (task pane, demo page) or is the pure engine.',
};
const UI_AND_FILES = {
  regex: '^(react|react-dom|@fluentui/.*|exceljs|jszip|pdfjs-dist|mammoth|@microsoft/office-js|playwright-core)(/.*)?$',
  message: 'The engine (src/domain) is pure TypeScript: no React, no files (ExcelJS, JSZip, pdf.js, mammoth), no Office.',
};
const TESTS = {
  regex: into(['test', 'fixtures', 'bench', 'scripts']),
  message: 'Shipped code does not import tests, fixtures, the benchmark or scripts.',
};
const layer = (folders, message) => ({ regex: into(folders), message });

/**
 * One entry per layer of src/ (the entries do not overlap: a later entry would replace an earlier
 * one's options for the same rule, not add to them).
 */
export const BOUNDARIES = {
  'src/domain': [
    layer(['office', 'files', 'cli', 'taskpane', 'demo', 'commands', 'fake-excel'], 'The engine (src/domain) imports no adapter: the adapters import it.'),
    NODE,
    UI_AND_FILES,
    TESTS,
  ],
  'src/office': [layer(['files', 'cli', 'taskpane', 'demo', 'fake-excel'], 'The Office adapter imports the engine only (the fake Excel is for tests, bench and demo).'), NODE, TESTS],
  'src/fake-excel': [layer(['office', 'files', 'cli', 'taskpane', 'demo', 'commands'], 'The fake Excel is a component of its own: it imports the engine only.'), NODE, TESTS],
  'src/taskpane': [
    layer(['fake-excel', 'cli', 'demo'], 'The task pane talks to Excel through src/office, never to the fake (the demo page wires the fake in).'),
    // Files only through the browser readers (src/files/browser), each loaded on demand with import().
    { regex: '^(\\.\\./)+files/(?!browser/)', message: 'The task pane reads files only through src/files/browser (browser readers, loaded on demand).' },
    NODE,
    TESTS,
  ],
  'src/commands': [layer(['fake-excel', 'files', 'cli', 'demo'], 'The ribbon commands are part of the add-in shell: no fake, no files.'), NODE, TESTS],
  'src/files': [layer(['office', 'fake-excel', 'taskpane', 'demo', 'cli'], 'Files and the command line do not import Office code.'), TESTS],
  'src/cli': [layer(['office', 'fake-excel', 'taskpane', 'demo'], 'The command line does not import Office code.'), TESTS],
  'src/demo': [NODE, TESTS],
  bench: [{ regex: into(['test']), message: 'The benchmark imports its fixtures from fixtures/, not from test/.' }],
  scripts: [{ regex: into(['test']), message: 'Scripts import fixtures from fixtures/, not from test/.' }],
  fixtures: [{ regex: into(['test']), message: 'Fixtures do not import tests.' }],
};

const boundaryConfigs = Object.entries(BOUNDARIES).map(([dir, patterns]) => ({
  name: `boundaries/${dir}`,
  files: [`${dir}/**/*.{ts,tsx,js,mjs,cjs}`],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

/** no-restricted-imports does not see import() and require(): the engine has no use for either. */
const DYNAMIC = 'The engine (src/domain) loads no module at run time (no import(), no require()).';
boundaryConfigs.push({
  name: 'boundaries/src/domain/dynamic',
  files: ['src/domain/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: DYNAMIC }, { selector: "CallExpression[callee.name='require']", message: DYNAMIC }],
  },
});

/** The plugin's load-and-sync rules follow one function's text: right for the add-in shell. */
const OFFICE_FLOW_RULES = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
};
const OFFICE_RULES = {
  'office-addins/no-context-sync-in-loop': 'warn',
  'office-addins/no-navigational-load': 'warn',
  'office-addins/no-office-initialize': 'error',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'office-js/**', 'docs/**', 'samples/**', 'src/**/*.generated.ts', '.stryker-tmp*/**', 'reports/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'project/all',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The sanitizers of untrusted text (terminal, journal, file names) match control characters on purpose.
      'no-control-regex': 'off',
      // `_name` says "deliberately unused" (a destructured field left out, a parameter kept for its position).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    name: 'project/node-scripts',
    files: ['**/*.{js,cjs,mjs}', 'bench/**', 'scripts/**', 'fixtures/**', 'test/**', 'bin/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Plain Node scripts and configurations: require() is their module system.
    name: 'project/commonjs',
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    name: 'project/browser',
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'project/react-hooks',
    files: ['src/**/*.tsx', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  {
    // The add-in shell: the plugin's rules as it recommends them.
    name: 'project/office-addins-shell',
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: { ...OFFICE_FLOW_RULES, ...OFFICE_RULES, 'office-addins/no-empty-load': 'warn' },
  },
  {
    // The Office adapter queues its loads in helpers (readSheet, JournalReader) to keep to one sync
    // per read: the flow rules, which do not follow a call, would flag every read after one, and
    // no-empty-load takes a load of a named constant for an empty one.
    name: 'project/office-addins-adapter',
    files: ['src/office/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: OFFICE_RULES,
  },
  {
    // Until the domain's redesign (issue 13) lands: it rewrites these files, lint must not force edits in them meanwhile.
    name: 'project/domain-in-redesign',
    files: ['src/domain/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'warn' },
  },
  ...boundaryConfigs,
);
