import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import * as z from 'zod/mini';
import { callRecordSchema, type CallRecord } from '../call/types';

/** Name of the IndexedDB database shared by every extension context. */
export const CALL_DB_NAME = 'cti-calls';

/**
 * The call store. Indexes follow the queries the UI makes: newest first (`startedAt`), by SIP
 * Call-ID (engine updates after a restart), by direction and outcome over time (history filters).
 */
export class CallDb extends Dexie {
  calls!: EntityTable<CallRecord, 'id'>;

  constructor(options?: DexieOptions) {
    super(CALL_DB_NAME, options);
    this.version(1).stores({
      calls: 'id, startedAt, sipCallId, [direction+startedAt], [outcome+startedAt]',
    });
    // Every write path goes through validation, so a bad record can never land in the store.
    this.calls.hook('creating', (_key, obj) => {
      z.parse(callRecordSchema, obj);
    });
    this.calls.hook('updating', (mods, _key, obj) => {
      z.parse(callRecordSchema, { ...obj, ...mods });
      return undefined;
    });
  }
}

/** Saves the current state of a call (insert or replace). */
export async function saveCall(db: CallDb, call: CallRecord): Promise<void> {
  await db.calls.put(call);
}

/** The newest calls first. */
export async function recentCalls(db: CallDb, limit = 10): Promise<CallRecord[]> {
  return db.calls.orderBy('startedAt').reverse().limit(limit).toArray();
}
