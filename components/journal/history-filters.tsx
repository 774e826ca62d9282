import { useEffect, useState } from 'preact/hooks';
import { CALL_DIRECTIONS, CALL_OUTCOMES } from '../../lib/call/types';
import type { JournalFilter } from '../../lib/journal/filter';
import { keyOf, t } from '../i18n';

/** `YYYY-MM-DD` of a local day for a date input, or ''. */
function dayValue(ms: number | undefined, endExclusive = false): string {
  if (ms === undefined) return '';
  const d = new Date(endExclusive ? ms - 1 : ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight of a date input's day (or of the day after, for the end of a range). */
function dayStart(value: string, next = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  return new Date(+m[1]!, +m[2]! - 1, +m[3]! + (next ? 1 : 0)).getTime();
}

/**
 * Search and filters of the history: a number in any format or a name, dates, direction,
 * outcome, account and queue (the last two only when the journal has more than one).
 */
export function HistoryFilters(props: {
  filter: JournalFilter;
  onChange: (f: JournalFilter) => void;
  accounts: string[];
  queues: string[];
}) {
  const { filter, onChange } = props;
  const [text, setText] = useState(filter.text ?? '');
  // Typing is debounced; the list follows 150 ms after the last key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.text ?? '') !== text) onChange(withValue(filter, 'text', text || undefined));
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);
  const set = <K extends keyof JournalFilter>(k: K, v: JournalFilter[K] | undefined) =>
    onChange(withValue(filter, k, v));
  return (
    <form class="history-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div class="search">
        <label for="history-search">{t('historySearch')}</label>
        <input
          id="history-search"
          type="search"
          value={text}
          placeholder={t('historySearchHint')}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <div class="filter">
        <label for="history-from">{t('historyFrom')}</label>
        <input
          id="history-from"
          type="date"
          value={dayValue(filter.from)}
          onChange={(e) => set('from', dayStart(e.currentTarget.value))}
        />
      </div>
      <div class="filter">
        <label for="history-to">{t('historyTo')}</label>
        <input
          id="history-to"
          type="date"
          value={dayValue(filter.to, true)}
          onChange={(e) => set('to', dayStart(e.currentTarget.value, true))}
        />
      </div>
      <div class="filter">
        <label for="history-direction">{t('historyDirection')}</label>
        <select
          id="history-direction"
          value={filter.direction ?? ''}
          onChange={(e) => set('direction', (e.currentTarget.value || undefined) as JournalFilter['direction'])}
        >
          <option value="">{t('historyAny')}</option>
          {CALL_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(keyOf('direction', d))}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="history-outcome">{t('historyOutcome')}</label>
        <select
          id="history-outcome"
          value={filter.outcome ?? ''}
          onChange={(e) => set('outcome', (e.currentTarget.value || undefined) as JournalFilter['outcome'])}
        >
          <option value="">{t('historyAny')}</option>
          {CALL_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(keyOf('outcome', o))}
            </option>
          ))}
        </select>
      </div>
      {props.accounts.length > 1 && (
        <div class="filter">
          <label for="history-account">{t('historyAccount')}</label>
          <select
            id="history-account"
            value={filter.account ?? ''}
            onChange={(e) => set('account', e.currentTarget.value || undefined)}
          >
            <option value="">{t('historyAny')}</option>
            {props.accounts.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.queues.length > 0 && (
        <div class="filter">
          <label for="history-queue">{t('historyQueue')}</label>
          <select
            id="history-queue"
            value={filter.queue ?? ''}
            onChange={(e) => set('queue', e.currentTarget.value || undefined)}
          >
            <option value="">{t('historyAny')}</option>
            {props.queues.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}

function withValue<K extends keyof JournalFilter>(
  f: JournalFilter,
  k: K,
  v: JournalFilter[K] | undefined,
): JournalFilter {
  const next = { ...f };
  if (v === undefined) delete next[k];
  else next[k] = v;
  return next;
}
