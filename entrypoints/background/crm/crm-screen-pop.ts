import { browser } from 'wxt/browser';
import { appLog } from '../../../lib/log/app-log';
import { screenPopConfig, screenPopUrl } from '../../../providers/crm/screen-pop';
import type { CrmClients } from './crm-clients';
import { chosenRecord, type Session } from './crm-session';

const log = appLog.scope('screen-pop');
const TABS_KEY = 'screenPopTabs';

/**
 * Screen-pop connections: when a call rings or is answered, open the CRM page of the template (or
 * the found record, `{recordUrl}`) in a tab, reusing the tab opened for the previous call so the
 * agent's browser does not fill with tabs. The tab becomes the active one, so the call pop-up
 * follows it there.
 */
export class ScreenPop {
  constructor(private readonly clients: CrmClients) {}

  open(s: Session, when: 'ring' | 'answer'): void {
    void this.run(s, when).catch((e: unknown) => log.warn(String(e)));
  }

  private async run(s: Session, when: 'ring' | 'answer'): Promise<void> {
    const { list } = await this.clients.get();
    for (const c of list) {
      if (c.connection.adapter !== 'screen-pop') continue;
      const config = screenPopConfig(c.connection.config);
      if (!config || config.when !== when) continue;
      if (s.call.direction === 'outbound' && !config.outbound) continue;
      if (config.url.includes('{recordUrl}')) await s.looked;
      const record = chosenRecord(s);
      const url = screenPopUrl(config, {
        e164: s.number,
        number: (s.number || s.call.remoteNumber).replace(/^\+/, ''),
        name: record?.title ?? s.call.remoteName,
        callId: s.call.id,
        direction: s.call.direction,
        recordUrl: record?.url ?? '',
        id: record?.id ?? '',
      });
      if (url) await this.show(c.connection.id, url, config.reuseTab);
    }
  }

  private async show(connection: string, url: string, reuse: boolean): Promise<void> {
    const stored = (await browser.storage.session.get(TABS_KEY).catch(() => ({}))) as Record<
      string,
      Record<string, number> | undefined
    >;
    const tabs = stored[TABS_KEY] ?? {};
    const previous = reuse ? tabs[connection] : undefined;
    const tab =
      previous !== undefined
        ? await browser.tabs.update(previous, { url, active: true }).catch(() => undefined)
        : undefined;
    const shown = tab ?? (await browser.tabs.create({ url, active: true }));
    if (shown.windowId !== undefined)
      await browser.windows?.update(shown.windowId, { focused: true }).catch(() => undefined);
    if (shown.id !== undefined)
      await browser.storage.session.set({ [TABS_KEY]: { ...tabs, [connection]: shown.id } }).catch(() => undefined);
  }
}
