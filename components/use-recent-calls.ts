import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { CallRecord } from '../lib/call/types';
import { CallDb, recentCalls } from '../lib/store/call-db';

let db: CallDb | undefined;

/** The newest calls from the store, kept live as the engine writes. */
export function useRecentCalls(limit: number): CallRecord[] {
  const [calls, setCalls] = useState<CallRecord[]>([]);
  useEffect(() => {
    db ??= new CallDb();
    const store = db;
    const sub = liveQuery(() => recentCalls(store, limit)).subscribe({ next: setCalls, error: () => setCalls([]) });
    return () => sub.unsubscribe();
  }, [limit]);
  return calls;
}
