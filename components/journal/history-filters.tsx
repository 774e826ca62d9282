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
      <Choice
        id="history-direction"
        label={t('historyDirection')}
        value={filter.direction}
        options={CALL_DIRECTIONS.map((d) => [d, t(keyOf('direction', d))])}
        onChange={(v) => set('direction', v as JournalFilter['direction'])}
      />
      <Choice
        id="history-outcome"
        label={t('historyOutcome')}
        value={filter.outcome}
        options={CALL_OUTCOMES.map((o) => [o, t(keyOf('outcome', o))])}
        onChange={(v) => set('outcome', v as JournalFilter['outcome'])}
      />
      {props.accounts.length > 1 && (
        <Choice
          id="history-account"
          label={t('historyAccount')}
          value={filter.account}
          options={props.accounts.map((a) => [a, a])}
          onChange={(v) => set('account', v)}
        />
      )}
      {props.queues.length > 0 && (
        <Choice
          id="history-queue"
          label={t('historyQueue')}
          value={filter.queue}
          options={props.queues.map((q) => [q, q])}
          onChange={(v) => set('queue', v)}
        />
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

/** One select filter: "Any" or one of the values (value, words). */
function Choice(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div class="filter">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
      >
        <option value="">{t('historyAny')}</option>
        {props.options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}
