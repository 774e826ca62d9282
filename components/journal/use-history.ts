import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { planSearch, type JournalFilter, type SearchPlan } from '../../lib/journal/filter';
import { countMatching, historyPage } from '../../lib/journal/query';
import type { StoredCall } from '../../lib/store/stored-call';
import type { JournalDb } from './journal-db';

/** Rows read per step while the agent scrolls. */
export const PAGE_SIZE = 100;

/** What the history list shows. */
export interface HistoryState {
  rows: StoredCall[];
  /** More rows exist beyond the loaded ones. */
  more: boolean;
  /** Matching calls in all (null while counting). */
  total: number | null;
  plan: SearchPlan | null;
  loadMore: () => void;
  failed: boolean;
}

/**
 * The calls matching a filter, newest first, kept live: the loaded rows are one query that Dexie
 * re-runs when the store changes (a call ends, an import lands), and scrolling near the end loads
 * the next page into it.
 */
export function useHistory(journal: JournalDb | null, filter: JournalFilter): HistoryState {
  const plan = useMemo(() => (journal ? planSearch(filter.text, journal.toKey) : null), [journal, filter.text]);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [rows, setRows] = useState<StoredCall[]>([]);
  const [more, setMore] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(filter);

  useEffect(() => setLimit(PAGE_SIZE), [key]);
  useEffect(() => {
    if (!journal) return;
    const sub = liveQuery(() => historyPage(journal.db, filter, plan, limit)).subscribe({
      next: (page) => {
        setRows(page.calls);
        setMore(page.next !== null);
        setFailed(false);
      },
      error: () => setFailed(true),
    });
    return () => sub.unsubscribe();
  }, [journal, key, plan, limit]);
  useEffect(() => {
    if (!journal) return;
    setTotal(null);
    const sub = liveQuery(() => countMatching(journal.db, filter, plan)).subscribe({
      next: setTotal,
      error: () => setTotal(null),
    });
    return () => sub.unsubscribe();
  }, [journal, key, plan]);

  return {
    rows,
    more,
    total,
    plan,
    failed,
    loadMore: () => more && setLimit((l) => Math.max(l, rows.length) + PAGE_SIZE),
  };
}
