// ESLint flat config: typescript-eslint with type information, plus the house's boundaries
// (docs/architecture.md, Layout): no `window` in the worker, and import zones
// (`import-x/no-restricted-paths`, as Bitwarden's `import/no-restricted-paths`) for every boundary
// between folders, tests included: a test sits beside the code it tests and obeys the same rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// Every extension folder but providers/ (which has its own zone and message for the sandbox).
const EXTENSION_BUT_PROVIDERS = [
  './src/core',
  './src/ext',
  './src/background',
  './src/popup',
  './src/options',
  './src/content',
  './src/ui',
];

/** Who may not import whom. `target` imports, `from` is imported; paths from the repository root. */
const ZONES = [
  {
    target: './src/core',
    from: './src/providers',
    message:
      'core/ is platform-neutral: it knows no platform. Give the platform behaviour to its adapter (src/providers/registry.ts) and let the caller pass it in.',
  },
  {
    target: ['./src/core', './src/providers'],
    from: ['./src/background', './src/popup', './src/options', './src/content', './src/ext'],
    message:
      'core/ and providers/ run unchanged in Node: they import no browser context and no browser binding (ext/).',
  },
  {
    target: './src/providers',
    from: './sandbox',
    message:
      'Providers never import the sandbox: it is an independent implementation, so a mistake on one side shows as a failing test. Compare the two in integration/.',
  },
  {
    target: EXTENSION_BUT_PROVIDERS,
    from: './sandbox',
    message:
      'The extension never imports sandbox/ (tests included); integration/, e2e/, bench/ and scripts/ may.',
  },
  {
    target: ['./src/popup', './src/options'],
    from: ['./src/background', './src/content'],
    message:
      'Pages talk to the worker only through the message map (src/core/messages.ts) and storage.',
  },
  {
    target: ['./src/popup', './src/options', './src/content', './src/ui'],
    from: ['./src/core/message-map.ts', './src/core/message-dispatch.ts', './src/ext/listen.ts'],
    message:
      "Request schemas and the dispatcher are the worker's: senders need only the types in src/core/messages.ts (and the weight stays out of the popup's first paint).",
  },
  {
    target: './src/content',
    from: ['./src/background', './src/popup', './src/options'],
    message:
      'The content script talks to the worker only through the message map and imports no page code.',
  },
  {
    target: './src/background',
    from: ['./src/popup', './src/options', './src/content'],
    message: 'The worker talks to the other contexts only through messages and storage.',
  },
  {
    target: ['./src/ext', './src/ui'],
    from: ['./src/background', './src/popup', './src/options', './src/content'],
    message:
      'ext/ and ui/ are shared by the contexts: they import none of them (pass what they need in).',
  },
  {
    target: './sandbox',
    from: './src',
    message: 'The sandbox is an independent implementation: it never imports the extension.',
  },
];

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
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: ZONES }],
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
    },
  },
  {
    files: ['src/core/**', 'src/providers/**'],
    ignores: ['**/*.test.ts'],
    rules: {
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
