import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);

// One build serves Chrome/Edge (MV3: service worker + offscreen document) and Firefox (MV2:
// persistent background page that also runs the SIP engine).
export default defineConfig({
  imports: false,
  // Separate output folders let several builds (and their e2e runs) work side by side.
  outDir: process.env.CTI_OUT_DIR ?? '.output',
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'notifications',
      'tabs',
      ...(manifestVersion === 3 ? ['offscreen'] : []),
      // Callback reminders and CRM outbox retries wake the background with alarms.
      'alarms',
      // Recordings must outlast storage pressure.
      'unlimitedStorage',
    ],
    // CRM origins are asked for one by one when an admin sets up a connection (issue 4).
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    // The content script imports the call pop-up only when a call is shown (entrypoints/call-popup).
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['call-popup.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]
        : ['call-popup.js'],
    ...(manifestVersion === 2
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cti-phone@example.org',
              strict_min_version: '115.0',
              // Calls and caller data go only to the PBX and CRMs the user or admin configures.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Phone-number metadata (the set chosen in lib/phone/metadata-choice.ts) is fetched by the
    // background on first use, never bundled into content scripts.
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: require.resolve('libphonenumber-js/metadata.max.json'),
        relativeDest: 'phone-metadata.json',
      });
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});
