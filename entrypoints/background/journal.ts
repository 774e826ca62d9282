import { liveQuery, type Subscription } from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { missedCallerCount } from '../../lib/journal/missed-store';
import { purgeTrash } from '../../lib/journal/trash';
import { numberNormaliser, type Numbering } from '../../lib/journal/number-key';
import { appLog } from '../../lib/log/app-log';
import type { PhoneKit } from '../../lib/phone/kit';
import type { DialReply } from '../../lib/protocol/offscreen';
import type { ReminderRequest } from '../../lib/protocol/pages';
import type { Settings } from '../../lib/settings/schema';
import { CallDb } from '../../lib/store/call-db';
import type { ReminderEntry } from '../../lib/store/journal-tables';
import { showMissed } from './badge';
import { loadSettings } from './settings-store';

const log = appLog.scope('journal');

/** Alarm and notification names of callback reminders. */
const REMINDER = 'callback:';

/**
 * The journal in the background: the store with the agent's numbering (so numbers become E.164
 * the same way everywhere), the missed-call count on the badge, and callback reminders: an alarm
 * at the chosen time shows a notification whose click dials.
 */
export class JournalService {
  readonly db = new CallDb();
  private missed: Subscription | undefined;

  constructor(
    private readonly dial: (number: string) => Promise<DialReply>,
    /** The background's phone kit (metadata fetched once, never bundled into the worker). */
    private readonly kit: () => Promise<PhoneKit>,
  ) {
    browser.alarms.onAlarm.addListener((alarm) => void this.remind(alarm).catch((e: unknown) => log.error(String(e))));
    const clicked = (id: string) => void this.callBack(id).catch((e: unknown) => log.error(String(e)));
    browser.notifications.onClicked.addListener(clicked);
    browser.notifications.onButtonClicked.addListener((id) => clicked(id));
    browser.storage.onChanged.addListener((changes, area) => {
      // The home country or dialling rules may have changed: the store and the engine follow.
      if (area === 'local' && 'settings' in changes) {
        void Promise.all([this.applySettings(), this.pushNumbering()]).catch((e: unknown) => log.warn(String(e)));
      }
    });
  }

  /** On every start: numbering from the settings, the live badge count, old trash purged. */
  async start(): Promise<void> {
    await this.applySettings();
    this.missed?.unsubscribe();
    this.missed = liveQuery(() => missedCallerCount(this.db)).subscribe({
      next: (n) => void showMissed(n).catch((e: unknown) => log.warn(`badge: ${String(e)}`)),
      error: (e: unknown) => log.error(`missed count: ${String(e)}`),
    });
    await purgeTrash(this.db, Date.now());
  }

  /** The numbering the store and the offscreen engine use, from the saved settings. */
  async numbering(settings?: Settings): Promise<Numbering> {
    const s = settings ?? (await loadSettings()).settings;
    return { country: s.clickToCall.defaultCountry, dialRules: s.dialRules };
  }

  /** Sends the numbering to the offscreen engine, which writes the calls (Chrome/Edge). */
  async pushNumbering(): Promise<void> {
    if (import.meta.env.MANIFEST_VERSION !== 3) return;
    const n = await this.numbering();
    await browser.runtime.sendMessage({ target: 'offscreen', type: 'numbering', ...n });
  }

  private async applySettings(): Promise<void> {
    const [kit, numbering] = await Promise.all([this.kit(), this.numbering()]);
    this.db.normalise = numberNormaliser(kit, numbering);
  }

  /** Schedules a callback reminder; refuses a time that has passed. */
  async setReminder(
    req: ReminderRequest,
    now = Date.now(),
  ): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
    if (req.when < now - 1000) return { ok: false, error: 'errReminderPast' };
    const entry: ReminderEntry = {
      id: crypto.randomUUID(),
      when: req.when,
      number: req.number,
      name: req.name,
      createdAt: now,
    };
    await this.db.reminders.put(entry);
    await browser.alarms.create(`${REMINDER}${entry.id}`, { when: Math.max(req.when, now + 1000) });
    return { ok: true, id: entry.id };
  }

  async cancelReminder(id: string): Promise<{ ok: true }> {
    await browser.alarms.clear(`${REMINDER}${id}`);
    await this.db.reminders.delete(id);
    await browser.notifications.clear(`${REMINDER}${id}`);
    return { ok: true };
  }

  listReminders(): Promise<ReminderEntry[]> {
    return this.db.reminders.orderBy('when').toArray();
  }

  private async remind(alarm: Browser.alarms.Alarm): Promise<void> {
    if (!alarm.name.startsWith(REMINDER)) return;
    const reminder = await this.db.reminders.get(alarm.name.slice(REMINDER.length));
    if (!reminder) return;
    const who = reminder.name ? `${reminder.name} (${reminder.number})` : reminder.number;
    const base = {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('reminderTitle'),
      message: t('reminderMessage', who),
      requireInteraction: true,
    };
    // Firefox has no notification buttons: a click on the notification itself dials everywhere.
    await browser.notifications
      .create(alarm.name, { ...base, buttons: [{ title: t('reminderCall') }] })
      .catch(() => browser.notifications.create(alarm.name, base));
  }

  /** A click on a reminder's notification (or its Call button) dials the caller back. */
  private async callBack(notificationId: string): Promise<void> {
    if (!notificationId.startsWith(REMINDER)) return;
    const id = notificationId.slice(REMINDER.length);
    const reminder = await this.db.reminders.get(id);
    await browser.notifications.clear(notificationId);
    if (!reminder) return;
    await this.db.reminders.delete(id);
    const reply = await this.dial(reminder.number);
    if (!reply.ok) log.warn(`reminder ${id} could not dial: ${reply.error}`);
  }
}
