import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  CALL_POPUP_GLOBAL,
  CALL_POPUP_SCRIPT,
  type CallPopupFactory,
  type CallPopupModule,
} from '../call-popup/contract';

/**
 * The top frame's side of the call pop-up: asks the background whether a call is on when the page
 * loads, and hands every `show` message to the pop-up module, importing it on the first call.
 * Messages are handed over in the order they arrived, also while the module is still loading.
 */
export function setupCallPopup(ctx: ContentScriptContext): { show(message: unknown): void } {
  let module: Promise<CallPopupModule | undefined> | undefined;

  const load = () =>
    (module ??= import(/* @vite-ignore */ browser.runtime.getURL(CALL_POPUP_SCRIPT)).then(
      () => {
        const factory = (globalThis as Record<string, unknown>)[CALL_POPUP_GLOBAL] as CallPopupFactory | undefined;
        return factory?.(ctx);
      },
      () => {
        // Not loadable now (the extension was reloaded meanwhile): try again with the next call.
        module = undefined;
        return undefined;
      },
    ));

  const show = (message: unknown) => {
    // Nothing to close on a page that never showed a call: do not load the module for that.
    if (!module && (message as { call?: unknown } | null)?.call === null) return;
    void load().then((popup) => popup?.show(message));
  };

  browser.runtime
    .sendMessage({ target: 'background', type: 'hello' })
    .then(show)
    .catch(() => undefined);
  return { show };
}
