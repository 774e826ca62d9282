import type { CallDb } from '../store/call-db';

/** Space the extension's own recordings take. */
export interface RecordingSpace {
  count: number;
  bytes: number;
  /** The oldest recording's start, if any. */
  oldest: number | null;
}

/** Counts the recordings and their bytes (sizes are stored with each, no blob is read). */
export async function recordingSpace(db: CallDb): Promise<RecordingSpace> {
  let count = 0;
  let bytes = 0;
  let oldest: number | null = null;
  await db.recordings.each((r) => {
    count++;
    bytes += r.size;
    oldest = oldest === null ? r.createdAt : Math.min(oldest, r.createdAt);
  });
  return { count, bytes, oldest };
}

/** ReadyScript's retention tool: deletes recordings made before `before`; the calls stay. */
export async function deleteRecordingsBefore(db: CallDb, before: number): Promise<number> {
  return db.recordings.where('createdAt').below(before).delete();
}
