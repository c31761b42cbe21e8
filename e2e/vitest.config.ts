import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium at a time (the machines have 2 cores), generous timeouts
// because a cold browser start is slow on a shared machine. Times here are limits against hangs,
// not performance assertions.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A cold browser on a busy 2-core machine can take a few seconds for what usually takes
    // 100 ms (a PBKDF2 of 600k iterations, a worker waking): polls wait up to 10 s.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
