import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import * as z from 'zod/mini';
import { toContentSchema } from '../../lib/protocol/content';
import { setupCallPopup } from './call-popup-host';
import { setupClickToCall } from './click-to-call';
import { domReady, HighlightStyle } from './highlight-style';
import '../../components/call-card.css';
import './popup.css';
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
      const msg = z.safeParse(toContentSchema, raw);
      if (!msg.success) return undefined;
      if (msg.data.type === 'show') popup?.show(msg.data.call);
      else clickToCall.configure(msg.data.config);
      return undefined;
    });
    await domReady();
    // The call pop-up belongs to the top page; every frame gets click-to-call.
    if (window === window.top) popup = setupCallPopup(ctx);
  },
});
