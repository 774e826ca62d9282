// Lab self-check: real Kamailio/rtpengine/sipp/Chromium, so long timeouts and
// one file at a time. Run: scripts/lab/in-netns.sh npx vitest run --config tests/lab/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/lab/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
