// `npm run lint`: rules that catch defects (a promise nobody awaits, a value never used, a
// `return promise` that skips its catch), not matters of taste; formatting is prettier's.
//
// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 (the project's `tsc`)
// no longer has: it gets TypeScript 6 (the `typescript6` alias in package.json) instead, by
// resolving its `require('typescript')` there. Remove this once typescript-eslint supports 7.
import Module from 'node:module';

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTypescript6(request, ...rest) {
  const target =
    request === 'typescript' || request.startsWith('typescript/') ? `typescript6${request.slice('typescript'.length)}` : request;
  return resolveFilename.call(this, target, ...rest);
};

const { default: js } = await import('@eslint/js');
const { default: tseslint } = await import('typescript-eslint');

const defects = {
  // A promise left floating loses its error (an unhandled rejection ends the CLI).
  '@typescript-eslint/no-floating-promises': 'error',
  // An async function where a void callback is expected: its rejection goes nowhere.
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
  '@typescript-eslint/await-thenable': 'error',
  // `return promise` inside try skips the catch and the finally runs too early.
  '@typescript-eslint/return-await': ['error', 'in-try-catch'],
  '@typescript-eslint/only-throw-error': 'error',
  // A driver's error passed on as it came (unknown) is fine; a string or a number is not.
  '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
  '@typescript-eslint/no-unused-vars': [
    'error',
    { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
  ],
  // A value import used only as a type loads its module for nothing (verbatimModuleSyntax keeps it).
  '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
  'no-async-promise-executor': 'error',
  'no-self-compare': 'error',
  'prefer-rest-params': 'error',
  'no-constant-binary-expression': 'error',
  'no-unsafe-finally': 'error',
  eqeqeq: ['error', 'always', { null: 'ignore' }],
};

export default [
  // The tree carries disable comments for rules this set leaves off (no-control-regex: a terminal
  // program matches escape codes on purpose); they are not errors.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { ignores: ['dist/**', 'node_modules/**', '.test-tmp/**', 'bench/data/**', 'bench/results/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: defects,
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        globalThis: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-binary-expression': 'error',
      'no-self-compare': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
];
