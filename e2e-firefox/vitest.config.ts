import { defineConfig } from 'vitest/config';

// Real-Firefox tests (e2e-firefox/harness.ts): one browser at a time, with the Chromium suite's
// limits against hangs (not performance assertions).
export default defineConfig({
  test: {
    include: ['e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
