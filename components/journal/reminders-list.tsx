import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { t } from '../i18n';
import { request } from '../page-request';
import { formatWhen } from './format';

const remindersSchema = z.array(
  z.object({ id: z.string(), when: z.number(), number: z.string(), name: z.string(), createdAt: z.number() }),
);
type Reminder = z.infer<typeof remindersSchema>[number];

/** The callback reminders still to come, each with Cancel; `version` changes when one is added. */
export function RemindersList(props: { version: number }) {
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const load = () =>
    void request({ type: 'listReminders' }).then((raw) => {
      const parsed = z.safeParse(remindersSchema, raw);
      setReminders(parsed.success ? parsed.data.filter((r) => r.when > Date.now() - 60_000) : []);
    });
  useEffect(load, [props.version]);
  if (reminders.length === 0) return null;
  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('remindersHeading')}</h2>
      <ul class="reminders" aria-label={t('remindersHeading')}>
        {reminders.map((r) => {
          const who = r.name ? `${r.name} ${r.number}` : r.number;
          return (
            <li key={r.id}>
              {t('reminderAt', formatWhen(r.when), who)}{' '}
              <button
                type="button"
                aria-label={t('reminderCancelFor', who)}
                onClick={() => void request({ type: 'cancelReminder', id: r.id }).then(load)}
              >
                {t('cancel')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
