import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { recentCalls } from '../lib/store/call-db';
import type { StoredCall } from '../lib/store/stored-call';
import { openJournalDb } from './journal/journal-db';

/** The newest calls from the store, kept live as the engine writes. */
export function useRecentCalls(limit: number): StoredCall[] {
  const [calls, setCalls] = useState<StoredCall[]>([]);
  useEffect(() => {
    let sub: Subscription | undefined;
    let gone = false;
    // Opened with the agent's numbering, so an upgrade started here stores E.164 as the engine does.
    void openJournalDb().then(
      ({ db }) => {
        if (!gone)
          sub = liveQuery(() => recentCalls(db, limit)).subscribe({ next: setCalls, error: () => setCalls([]) });
      },
      () => setCalls([]),
    );
    return () => {
      gone = true;
      sub?.unsubscribe();
    };
  }, [limit]);
  return calls;
}
