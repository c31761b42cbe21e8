import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything beside the code it tests, in Node.
// Real-browser tests live in e2e/ and have their own config.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'sandbox/**/*.test.ts',
      'integration/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Code under test speaks both languages, as the worker does (pages load one at a time).
    setupFiles: ['src/core/i18n-both.ts'],
    testTimeout: 20_000,
  },
});
