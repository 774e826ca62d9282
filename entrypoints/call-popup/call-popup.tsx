import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import * as z from 'zod/mini';
import type { CallRecord } from '../../lib/call/types';
import { showWithCrmSchema } from '../../lib/protocol/content-crm';
import { CallCard, type CallAction } from '../../components/call-card';
import type { CallPopupModule } from './contract';
import cardCss from '../../components/call-card.css?inline';
import crmCss from '../../components/crm/crm.css?inline';
import popupCss from './popup.css?inline';
import type { CrmView } from '../../lib/crm/view';
import { CrmPanel } from '../../components/crm/crm-panel';
import { CallVariables } from '../../components/call-variables';
import { pageCrmActs } from './crm-acts';

/** Host element of the pop-up's shadow root. */
export const CALL_POPUP_HOST = 'cti-call-popup';

/**
 * Shows the call the background sends to this tab in a Shadow DOM pop-up. The shadow root is
 * created when a call arrives and removed when the background closes the pop-up.
 */
export function createCallPopup(ctx: ContentScriptContext): CallPopupModule {
  let root: { host: HTMLElement; container: HTMLElement } | undefined;
  let shown: CallRecord | null = null;
  let crm: CrmView | undefined;

  const act = (action: CallAction) => {
    if (!shown) return;
    void browser.runtime.sendMessage({ target: 'background', type: action, callId: shown.id }).catch(() => undefined);
  };

  const close = () => {
    if (!root) return;
    render(null, root.container);
    root.host.remove();
    root = undefined;
  };
  ctx.onInvalidated(close);

  return {
    show(message) {
      const msg = z.safeParse(showWithCrmSchema, message);
      if (!msg.success) return;
      shown = msg.data.call;
      crm = msg.data.crm;
      if (!shown) return close();
      root ??= mount();
      render(
        <div class="floating">
          <CallCard call={shown} onAction={act}>
            <CallVariables call={shown} />
            {crm && <CrmPanel key={shown.id} view={crm} call={shown} acts={pageCrmActs(shown.id)} idPrefix="cti" />}
          </CallCard>
        </div>,
        root.container,
      );
    },
  };
}

/** An open shadow root at the end of the page, isolated from the page's styles. */
function mount(): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement(CALL_POPUP_HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // The host resets every inherited and page-set property, so the page's CSS cannot reach in.
  style.textContent = `:host{all:initial !important}\n${cardCss}\n${crmCss}\n${popupCss}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  (document.body ?? document.documentElement).append(host);
  return { host, container };
}
