import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import * as z from 'zod/mini';
import { scanConfigMessageSchema } from '../../lib/protocol/content';
import { setupCallPopup } from './call-popup-loader';
import { setupClickToCall } from './click-to-call';
import { domReady, HighlightStyle } from './highlight-style';
import './number-actions.css';

// Runs on every web page and frame, so it stays small: number matching happens in the background.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  // Starts before the page is parsed only to settle the number marks' style rule while that is
  // free (see highlight-style.ts); everything that touches the page waits for the DOM.
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const style = new HighlightStyle();
    style.adopt(document);
    // Asks for its configuration at once: a site where click-to-call is off drops the style rule
    // while the document is still nearly empty, where that costs nothing.
    const clickToCall = setupClickToCall(ctx, style);
    let popup: ReturnType<typeof setupCallPopup> | undefined;
    browser.runtime.onMessage.addListener((raw: unknown, sender) => {
      // Only our background may drive the page (messages from other tabs carry sender.tab).
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      // The call pop-up validates its own messages, in its module loaded on the first call.
      if ((raw as { type?: unknown } | null)?.type === 'show') popup?.show(raw);
      const msg = z.safeParse(scanConfigMessageSchema, raw);
      if (msg.success) clickToCall.configure(msg.data.config);
      return undefined;
    });
    await domReady();
    // The call pop-up belongs to the top page; every frame gets click-to-call.
    if (window === window.top) popup = setupCallPopup(ctx);
  },
});
