import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The in-page call pop-up is not part of the content script that runs on every page: the content
 * script imports it from {@link CALL_POPUP_SCRIPT} the first time the background shows a call in
 * the tab. The module runs in the content script's isolated world (pages cannot see or reach it)
 * and registers its factory under {@link CALL_POPUP_GLOBAL} of that world's global object.
 */
export interface CallPopupModule {
  /**
   * Handles a `show` message from the background, as received: the module validates it (the
   * content script only checked its sender and type).
   */
  show(message: unknown): void;
}

/** Creates the pop-up of one page; `ctx` removes it when the extension is reloaded or updated. */
export type CallPopupFactory = (ctx: ContentScriptContext) => CallPopupModule;

/** The built pop-up script, listed in web_accessible_resources so content scripts may import it. */
export const CALL_POPUP_SCRIPT = '/call-popup.js';

/** The property of the isolated world's global object that holds the {@link CallPopupFactory}. */
export const CALL_POPUP_GLOBAL = '__ctiCallPopup';
