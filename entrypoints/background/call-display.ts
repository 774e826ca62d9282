import { browser } from 'wxt/browser';
import { serialQueue } from '../../lib/async/serial';
import type { CallRecord } from '../../lib/call/types';
import type { EngineState } from '../../lib/engine/state';
import type { ToContent } from '../../lib/protocol/content';
import type { ShowWithCrm } from '../../lib/protocol/content-crm';
import type { CrmView } from '../../lib/crm/view';
import { t } from '../../components/i18n';

/** The call a pop-up should show: a ringing inbound call first, then a live one, then an ended one. */
export function featuredCall(state: EngineState): CallRecord | null {
  const calls = state.calls;
  return (
    calls.find((c) => c.direction === 'inbound' && c.phase === 'ringing') ??
    calls.find((c) => c.phase === 'connected') ??
    calls.find((c) => c.phase !== 'ended') ??
    calls.at(-1) ??
    null
  );
}

const SHOWN_KEY = 'shownTab';

/**
 * Decides where a call appears: in the active web tab of the focused window (its content script
 * renders the pop-up), or, when no page can show it, as a desktop notification with Accept and
 * Reject. Moves the pop-up when the agent switches tabs.
 */
export class CallDisplay {
  private state: EngineState | undefined;
  private shownTab: number | undefined;
  private notified: string | undefined;
  private readonly serial = serialQueue();

  constructor(
    private readonly actions: { answer(id: string): void; reject(id: string): void },
    /** The CRM side (issue 4): what to show with a call, and an ended call held for its wrap-up. */
    private readonly crm?: { view(callId: string): CrmView | undefined; wrapUpCall(): CallRecord | null },
  ) {
    browser.notifications.onButtonClicked.addListener((id, button) => {
      if (!id.startsWith('incoming-')) return;
      const callId = id.replace(/^incoming-/, '');
      if (button === 0) this.actions.answer(callId);
      else this.actions.reject(callId);
    });
  }

  /** Restores which tab shows a pop-up after a service-worker restart. */
  async restore(): Promise<void> {
    const stored: Record<string, unknown> = await browser.storage.session.get(SHOWN_KEY).catch(() => ({}));
    const tab = stored[SHOWN_KEY];
    if (typeof tab === 'number') this.shownTab = tab;
  }

  /** The engine's state changed. */
  async update(state: EngineState): Promise<void> {
    this.state = state;
    await this.render();
  }

  /** What a freshly loaded page should show: the call, if it is the page the agent looks at. */
  async hello(tabId: number): Promise<ToContent | ShowWithCrm> {
    const call = this.current();
    const target = await activeWebTab();
    if (call && target === tabId) await this.setShown(tabId);
    return this.showMessage(call && target === tabId ? call : null);
  }

  /** The content script in `tabId` may act on `callId` only while it shows that call. */
  mayAct(tabId: number, callId: string): boolean {
    return this.shownTab === tabId && this.current()?.id === callId;
  }

  /** The call to show: the engine's featured call, else one held for its wrap-up. */
  private current(): CallRecord | null {
    return (this.state ? featuredCall(this.state) : null) ?? this.crm?.wrapUpCall() ?? null;
  }

  private showMessage(call: CallRecord | null): ShowWithCrm {
    const crm = call ? this.crm?.view(call.id) : undefined;
    return { type: 'show', call, ...(crm ? { crm } : {}) };
  }

  /**
   * Re-evaluates where the pop-up goes (new state, tab switch, window focus). Renders run one at
   * a time and each draws the latest state, so a quick ringing → connected never arrives at a
   * page in the wrong order.
   */
  render(): Promise<void> {
    return this.serial(() => this.draw());
  }

  private async draw(): Promise<void> {
    const call = this.current();
    let target = call ? await activeWebTab() : undefined;
    if (this.shownTab !== undefined && this.shownTab !== target) {
      await send(this.shownTab, { type: 'show', call: null });
      await this.setShown(undefined);
    }
    if (call && target !== undefined) {
      if (await send(target, this.showMessage(call))) await this.setShown(target);
      else target = undefined;
    }
    await this.notify(
      call && target === undefined && call.direction === 'inbound' && call.phase === 'ringing' ? call : null,
    );
  }

  private async setShown(tab: number | undefined): Promise<void> {
    if (this.shownTab === tab) return;
    this.shownTab = tab;
    await browser.storage.session.set({ [SHOWN_KEY]: tab ?? null }).catch(() => undefined);
  }

  private async notify(call: CallRecord | null): Promise<void> {
    const id = call ? `incoming-${call.id}` : undefined;
    if (this.notified && this.notified !== id) {
      await browser.notifications.clear(this.notified);
      this.notified = undefined;
    }
    if (!call || !id || this.notified === id) return;
    this.notified = id;
    const base = {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('incomingCall'),
      message: call.remoteName ? `${call.remoteName} (${call.remoteNumber})` : call.remoteNumber,
      requireInteraction: true,
    };
    const buttons = [{ title: t('accept') }, { title: t('reject') }];
    // Firefox has no notification buttons: there the notification only tells.
    await browser.notifications.create(id, { ...base, buttons }).catch(() => browser.notifications.create(id, base));
  }
}

/** The active http(s) tab of the last focused window, if any. */
async function activeWebTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.id || !tab.url || !/^https?:/.test(tab.url)) return undefined;
  return tab.id;
}

/** Sends to the top frame's content script; false when the tab has none. */
async function send(tabId: number, msg: ToContent | ShowWithCrm): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}
