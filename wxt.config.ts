import { defineConfig } from 'wxt';

// One build serves Chrome/Edge (MV3: service worker + offscreen document) and Firefox (MV2:
// persistent background page that also runs the SIP engine).
export default defineConfig({
  imports: false,
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'notifications', 'tabs', ...(manifestVersion === 3 ? ['offscreen'] : [])],
    action: { default_title: '__MSG_extName__' },
    ...(manifestVersion === 2
      ? { browser_specific_settings: { gecko: { id: 'cti-phone@example.org', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});
