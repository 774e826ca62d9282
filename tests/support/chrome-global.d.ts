import type { browser } from 'wxt/browser';

// Code the tests evaluate inside the extension's service worker uses `chrome` directly.
declare global {
  const chrome: typeof browser;
}
