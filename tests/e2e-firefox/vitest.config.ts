import { defineConfig } from 'vitest/config';

// End-to-end in Firefox: the BUILT Firefox (MV2) extension in Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi, against the real local PBX. Runs inside the loopback-only
// network namespace after scripts/lab/firefox-ice.sh (see there why).
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
