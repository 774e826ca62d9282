import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { pbxRecordingUrl, safeUrl } from '../../lib/journal/recording-url';
import { deleteRecordingsBefore, recordingSpace } from '../../lib/journal/retention';
import { deleteCalls, purgeTrash, restoreBatch, UNDO_MS } from '../../lib/journal/trash';
import { missedCallerCount } from '../../lib/journal/missed-store';
import { CallDb } from '../../lib/store/call-db';
import { importCalls } from '../../lib/journal/import-store';
import { generateCalls } from '../support/journal-data';
import { Selection } from '../../components/journal/selection';

let db: CallDb;
const calls = generateCalls(50, Date.UTC(2026, 5, 1), 10 * 86_400_000, 3, 10);
beforeEach(async () => {
  db = new CallDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  await importCalls(
    db,
    calls.map((call) => ({ call })),
  );
});

const recording = (id: string, callId: string, createdAt: number, size: number) => ({
  id,
  callId,
  createdAt,
  mimeType: 'audio/webm',
  size,
  durationMs: 1000,
  blob: new Blob([new Uint8Array(size)]),
});

describe('delete with undo', () => {
  it('restores a deleted batch exactly, missed-call marks included', async () => {
    const before = await db.calls.orderBy('id').toArray();
    const missedBefore = await missedCallerCount(db);
    const batch = await deleteCalls(
      db,
      before.map((c) => c.id),
      1000,
    );
    expect(await db.calls.count()).toBe(0);
    expect(await missedCallerCount(db)).toBe(0);
    expect(await restoreBatch(db, batch)).toBe(50);
    expect(await db.calls.orderBy('id').toArray()).toEqual(before);
    expect(await missedCallerCount(db)).toBe(missedBefore);
    expect(await db.trash.count()).toBe(0);
  });

  it('deletes for good, recordings too, once the undo window has passed', async () => {
    const [a, b] = calls;
    await db.recordings.bulkPut([recording('r1', a!.id, 1, 10), recording('r2', b!.id, 2, 20)]);
    await deleteCalls(db, [a!.id], 1000);
    expect(await purgeTrash(db, 1000 + UNDO_MS - 1)).toBe(0);
    expect(await purgeTrash(db, 1000 + UNDO_MS + 1)).toBe(1);
    expect((await db.recordings.toArray()).map((r) => r.id)).toEqual(['r2']);
  });
});

describe('recording retention', () => {
  it('shows the space recordings take and deletes those before a date, keeping the calls', async () => {
    await db.recordings.bulkPut([
      recording('old', calls[0]!.id, 100, 1000),
      recording('mid', calls[1]!.id, 200, 2000),
      recording('new', calls[2]!.id, 300, 4000),
    ]);
    expect(await recordingSpace(db)).toEqual({ count: 3, bytes: 7000, oldest: 100 });
    expect(await deleteRecordingsBefore(db, 250)).toBe(2);
    expect(await recordingSpace(db)).toEqual({ count: 1, bytes: 4000, oldest: 300 });
    expect(await db.calls.count()).toBe(50);
  });
});

describe('PBX recording URLs', () => {
  const call = {
    id: 'c1',
    sipCallId: 'abc@pbx',
    remoteNumber: '+7 495',
    localNumber: '1001',
    startedAt: new Date(2026, 5, 1, 10).getTime(),
  };
  const rec = {
    local: false,
    urlHeader: 'X-Recording-URL',
    urlTemplate: 'https://pbx.example.com/rec/{date}/{sipCallId}.wav?n={remote}',
  };
  it('takes the header when it carries an http(s) URL, else fills the template', () => {
    expect(pbxRecordingUrl(rec, call, 'https://pbx/r/1.wav')).toBe('https://pbx/r/1.wav');
    expect(pbxRecordingUrl(rec, call, 'javascript:alert(1)')).toBe(
      'https://pbx.example.com/rec/2026-06-01/abc%40pbx.wav?n=%2B7%20495',
    );
    expect(pbxRecordingUrl({ ...rec, urlTemplate: '' }, call, undefined)).toBeUndefined();
    expect(safeUrl('https://x/a b')).toBeUndefined();
    expect(safeUrl(`https://x/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});

describe('selection', () => {
  it('selects some, or all but some, and counts them', () => {
    const some = Selection.none().toggle('a', true).toggle('b', true).toggle('a', false);
    expect([some.has('a'), some.has('b'), some.count(10), some.chosen()]).toEqual([false, true, 1, ['b']]);
    const all = Selection.everything().toggle('x', false);
    expect([all.has('x'), all.has('y'), all.count(10), all.isEmpty(10), all.isEmpty(1)]).toEqual([
      false,
      true,
      9,
      false,
      true,
    ]);
  });
});
