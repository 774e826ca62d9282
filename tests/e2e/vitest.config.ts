import { defineConfig } from 'vitest/config';

// End-to-end: the BUILT extension in Debian's Chromium against the real local PBX. Runs inside a
// loopback-only network namespace (scripts/lab/in-netns.sh); files run one after another because
// they share the PBX and its agents.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
