import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { connect, endCall, startCall } from '../../lib/call/machine';
import type { CallRecord } from '../../lib/call/types';
import { CallDb, recentCalls, saveCall } from '../../lib/store/call-db';

let db: CallDb;
beforeEach(() => {
  db = new CallDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});

const call = (id: string, startedAt: number): CallRecord =>
  startCall({
    id,
    direction: 'inbound',
    account: 'sip:1001@pbx',
    localNumber: '1001',
    remoteNumber: '2000',
    remoteName: 'Anna',
    sipCallId: `${id}@host`,
    now: startedAt,
  });

describe('call store', () => {
  it('keeps one record per call, updated as it progresses', async () => {
    const ringing = call('a', 1000);
    await saveCall(db, ringing);
    const talking = connect(ringing, 2000);
    await saveCall(db, talking);
    await saveCall(db, endCall(talking, { by: 'local' }, 5000));
    const all = await db.calls.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: 'a', phase: 'ended', outcome: 'answered', talkDurationMs: 3000 });
  });

  it('lists the newest calls first, limited', async () => {
    for (let i = 0; i < 15; i++) await saveCall(db, call(`c${i}`, 1000 + i));
    const recent = await recentCalls(db, 10);
    expect(recent.map((c) => c.id)).toEqual(['c14', 'c13', 'c12', 'c11', 'c10', 'c9', 'c8', 'c7', 'c6', 'c5']);
  });

  it('finds a call by its SIP Call-ID', async () => {
    await saveCall(db, call('x', 1));
    expect((await db.calls.where('sipCallId').equals('x@host').first())?.id).toBe('x');
  });

  it('refuses a record that breaks the schema, on insert and on update', async () => {
    await expect(db.calls.put({ ...call('bad', 1), direction: 'sideways' } as unknown as CallRecord)).rejects.toThrow();
    await saveCall(db, call('ok', 1));
    await expect(db.calls.update('ok', { remoteName: 'x'.repeat(1000) })).rejects.toThrow();
    expect(await db.calls.count()).toBe(1);
  });
});
