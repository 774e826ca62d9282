import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import * as z from 'zod/mini';
import { callRecordSchema, type CallRecord } from '../call/types';
import type { NumberNormaliser } from '../journal/number-key';
import { basicNormaliser, upgradeToV2 } from './migrations';
import { derivedFields, DERIVED_FROM, journalMarks, type StoredCall } from './stored-call';
import type { RecordingEntry, ReminderEntry, TrashEntry } from './journal-tables';
import { settleMissed } from './settle-missed';

/** Name of the IndexedDB database shared by every extension context. */
export const CALL_DB_NAME = 'cti-calls';

/**
 * The call store. Indexes follow the queries the UI makes: newest first (`startedAt`), by SIP
 * Call-ID (engine updates after a restart), by direction and outcome over time (history filters).
 */
export class CallDb extends Dexie {
  /** Writes take plain records: the store derives its own fields (see the hooks below). */
  calls!: Table<StoredCall, string, CallRecord & Partial<StoredCall>>;
  // ---- journal (issue 6)
  recordings!: EntityTable<RecordingEntry, 'id'>;
  reminders!: EntityTable<ReminderEntry, 'id'>;
  trash!: EntityTable<TrashEntry, 'id'>;
  /** Turns remote numbers into match keys; set once the home country and dialling rules are known. */
  normalise: NumberNormaliser;

  constructor(options?: DexieOptions & { normalise?: NumberNormaliser }) {
    super(CALL_DB_NAME, options);
    this.normalise = options?.normalise ?? basicNormaliser;
    this.version(1).stores({
      calls: 'id, startedAt, sipCallId, [direction+startedAt], [outcome+startedAt]',
    });
    // Version 2 (the journal): match keys for search, name search, filters by account and queue,
    // open missed calls, recordings, callback reminders and the undo trash.
    this.version(2)
      .stores({
        calls:
          'id, startedAt, sipCallId, [direction+startedAt], [outcome+startedAt], [remoteE164+startedAt], *nameKeys, [account+startedAt], [queue+startedAt], [missedOpen+remoteE164]',
        recordings: 'id, callId, createdAt',
        reminders: 'id, when',
        trash: 'id, batch',
      })
      .upgrade((tx) => upgradeToV2(tx, this.normalise));
    // Every write path goes through validation, so a bad record can never land in the store; the
    // fields the indexes need are derived here, so no writer can forget them.
    this.calls.hook('creating', (_key, obj) => {
      z.parse(callRecordSchema, obj);
      Object.assign(obj, derivedFields(obj, this.normalise));
    });
    this.calls.hook('updating', (mods, _key, obj) => {
      const next = { ...obj, ...mods } as StoredCall;
      z.parse(callRecordSchema, next);
      const stale =
        Object.keys(mods).some((k) => DERIVED_FROM.includes(k)) ||
        next.remoteE164 === undefined ||
        next.nameKeys === undefined;
      return stale ? derivedFields(next, this.normalise) : undefined;
    });
  }
}

/**
 * Saves the current state of a call (insert or replace). An ended call also settles the caller's
 * missed calls: a missed call opens an entry, a conversation closes the earlier ones.
 */
export async function saveCall(db: CallDb, call: CallRecord): Promise<void> {
  await db.transaction('rw', db.calls, async () => {
    const stored = await db.calls.get(call.id);
    // The engine knows nothing of the journal's own marks: keep them across its updates.
    await db.calls.put({ ...call, ...journalMarks(stored) });
    if (call.phase === 'ended') await settleMissed(db, call.id);
  });
}

/** The newest calls first. */
export async function recentCalls(db: CallDb, limit = 10): Promise<StoredCall[]> {
  return db.calls.orderBy('startedAt').reverse().limit(limit).toArray();
}
