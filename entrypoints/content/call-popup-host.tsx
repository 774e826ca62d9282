import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import * as z from 'zod/mini';
import type { CallRecord } from '../../lib/call/types';
import { toContentSchema } from '../../lib/protocol/content';
import { CallCard, type CallAction } from '../../components/call-card';

/**
 * Shows the call the background sends to this tab in a Shadow DOM pop-up; created only when a
 * call arrives, so pages without calls are never touched.
 */
export function setupCallPopup(ctx: ContentScriptContext): { show(call: CallRecord | null): void } {
  let ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  let shown: CallRecord | null = null;

  const act = (action: CallAction) => {
    if (!shown) return;
    void browser.runtime.sendMessage({ target: 'background', type: action, callId: shown.id }).catch(() => undefined);
  };

  const show = async (call: CallRecord | null) => {
    shown = call;
    if (!call) {
      const current = ui;
      ui = undefined;
      if (current) {
        const created = await current;
        render(null, created.uiContainer);
        created.remove();
      }
      return;
    }
    ui ??= createShadowRootUi(ctx, {
      name: 'cti-call-popup',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: () => undefined,
    }).then((created) => {
      created.mount();
      return created;
    });
    const { uiContainer } = await ui;
    if (shown) {
      render(
        <div class="floating">
          <CallCard call={shown} onAction={act} />
        </div>,
        uiContainer,
      );
    }
  };

  browser.runtime
    .sendMessage({ target: 'background', type: 'hello' })
    .then((reply: unknown) => {
      const msg = z.safeParse(toContentSchema, reply);
      if (msg.success && msg.data.type === 'show') void show(msg.data.call);
    })
    .catch(() => undefined);
  return { show: (call) => void show(call) };
}
