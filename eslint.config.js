// ESLint flat config: typescript-eslint with type information, plus the house's boundaries
// (architecture.md): no `window` in the worker, content code never imports background code,
// core/ and providers/ import no context and no sandbox, the sandbox imports nothing from src/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-firefox/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      '.e2e-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      // Handlers are async by contract (they answer messages with a promise) even when they do
      // not await; the rule would force noise like Promise.resolve() wrappers.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/background/**'],
    languageOptions: { globals: { ...globals.serviceworker, window: 'off', document: 'off' } },
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The service worker has no window; use self or globalThis.' },
        { name: 'document', message: 'The service worker has no DOM.' },
        { name: 'localStorage', message: 'Not available in the worker; use core/storage.' },
      ],
      ...restrict(
        ['**/popup/**', '**/options/**', '**/content/**', '**/sandbox/**'],
        'The worker talks to other contexts only through messages and storage.',
      ),
    },
  },
  {
    files: ['src/content/**'],
    rules: restrict(
      ['**/background/**', '**/popup/**', '**/options/**', '**/sandbox/**'],
      'Content code may not import background or page code.',
    ),
  },
  {
    files: ['src/popup/**', 'src/options/**'],
    rules: restrict(
      ['**/background/**', '**/content/**', '**/sandbox/**'],
      'Pages talk to the worker only through messages and storage.',
    ),
  },
  {
    files: ['src/core/**', 'src/providers/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...restrict(
        ['**/background/**', '**/popup/**', '**/options/**', '**/content/**', '**/sandbox/**'],
        'core/ and providers/ are platform-neutral and import no context.',
      ),
      'no-restricted-globals': [
        'error',
        {
          name: 'chrome',
          message: 'No chrome.* in core/ or providers/: they run unchanged in Node.',
        },
      ],
    },
  },
  {
    files: ['sandbox/**'],
    rules: restrict(
      ['**/src/**'],
      'The sandbox is an independent implementation: it never imports the extension.',
    ),
  },
  {
    // No markup from strings in the extension's UI: text goes in as text. It also keeps the one
    // web-ext lint warning explained in docs/firefox.md (preact's code for this prop) unused.
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: render text, not markup (docs/firefox.md).',
        },
      ],
    },
  },
);
