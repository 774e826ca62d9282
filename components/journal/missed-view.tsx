import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import type { MissedGroup } from '../../lib/journal/missed';
import { markHandled, missedGroups } from '../../lib/journal/missed-store';
import { formatInternational } from '../../lib/phone/default-kit';
import { t, type MessageKey } from '../i18n';
import { request } from '../page-request';
import { formatWhen } from './format';
import type { JournalDb } from './journal-db';
import { RemindersList } from './reminders-list';

const replySchema = z.union([
  z.object({ ok: z.literal(true), id: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** `YYYY-MM-DDTHH:MM:SS` in local time for a datetime-local input. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Missed calls, one entry per caller until the agent talks with them (Omnidesk's grouping): call
 * back, mark handled, or be reminded at a chosen time by a notification that dials when clicked.
 */
export function MissedView(props: { journal: JournalDb; canDial: boolean; dial: (number: string) => void }) {
  const [groups, setGroups] = useState<MissedGroup[] | null>(null);
  const [reminders, setReminders] = useState(0);
  useEffect(() => {
    const sub = liveQuery(() => missedGroups(props.journal.db)).subscribe({
      next: setGroups,
      error: () => setGroups([]),
    });
    return () => sub.unsubscribe();
  }, [props.journal]);
  if (groups === null) return <p>{t('counting')}</p>;
  return (
    <section class="missed-view" aria-label={t('tabMissed')}>
      <RemindersList version={reminders} />
      {groups.length === 0 ? (
        <p class="empty">{t('missedNone')}</p>
      ) : (
        <ul class="missed" aria-label={t('tabMissed')}>
          {groups.map((g) => (
            <MissedEntry key={g.key} group={g} {...props} onReminder={() => setReminders((n) => n + 1)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MissedEntry(props: {
  group: MissedGroup;
  journal: JournalDb;
  canDial: boolean;
  dial: (number: string) => void;
  onReminder: () => void;
}) {
  const g = props.group;
  const shown = g.number.startsWith('+') ? formatInternational(g.number) : g.number;
  const label = g.name ? `${g.name} ${shown}` : shown;
  const [when, setWhen] = useState(() => localInput(Date.now() + 15 * 60_000));
  const [status, setStatus] = useState('');
  const remind = async () => {
    const at = new Date(when).getTime();
    if (!Number.isFinite(at)) return setStatus(t('errReminderTime'));
    const reply = z.safeParse(
      replySchema,
      await request({ type: 'setReminder', reminder: { number: g.number, name: g.name, when: at } }).catch(() => null),
    );
    if (!reply.success) setStatus(t('errEngine'));
    else setStatus(reply.data.ok ? t('reminderSet', formatWhen(at)) : t(reply.data.error as MessageKey));
    if (reply.success && reply.data.ok) props.onReminder();
  };
  return (
    <li class="missed-entry" aria-label={label}>
      <div class="who">
        <strong>{g.name || shown}</strong> {g.name && <span>{shown}</span>}
      </div>
      <div class="when">{t('missedTimes', String(g.count), formatWhen(g.lastAt))}</div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!props.canDial}
          onClick={() => props.dial(g.number)}
          aria-label={t('redial', label)}
        >
          {t('callBack')}
        </button>
        <button
          type="button"
          onClick={() => void markHandled(props.journal.db, g.key, Date.now())}
          aria-label={t('markHandledFor', label)}
        >
          {t('markHandled')}
        </button>
        <label class="inline">
          {t('remindAt')}
          <input type="datetime-local" step={1} value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => void remind()} aria-label={t('remindFor', label)}>
          {t('remind')}
        </button>
      </div>
      <p role="status">{status}</p>
    </li>
  );
}
