import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCallPopup } from './call-popup';
import { CALL_POPUP_GLOBAL, type CallPopupFactory } from './contract';

// Loaded by the content script (dynamic import into its isolated world) when a call is first
// shown in a tab; pages that never see a call never load it.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CALL_POPUP_GLOBAL] = createCallPopup satisfies CallPopupFactory;
});
