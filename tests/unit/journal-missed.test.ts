import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { connect, endCall, startCall } from '../../lib/call/machine';
import type { CallRecord } from '../../lib/call/types';
import { markHandled, missedCallerCount, missedGroups } from '../../lib/journal/missed-store';
import { CallDb, saveCall } from '../../lib/store/call-db';

let db: CallDb;
beforeEach(() => {
  db = new CallDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});

let t = 1_000_000;
/** Plays a call through the engine's state machine, saving each state as the engine does. */
async function play(
  number: string,
  direction: 'inbound' | 'outbound',
  answered: boolean,
  name = '',
): Promise<CallRecord> {
  t += 60_000;
  let c = startCall({
    id: `c${t}`,
    direction,
    account: 'sip:1001@pbx',
    localNumber: '1001',
    remoteNumber: number,
    remoteName: name,
    sipCallId: `${t}@x`,
    now: t,
  });
  await saveCall(db, c);
  if (answered) {
    c = connect(c, t + 5000);
    await saveCall(db, c);
  }
  c = endCall(c, { by: 'remote' }, t + 20_000);
  await saveCall(db, c);
  return c;
}

describe('missed calls', () => {
  it('groups a caller’s missed calls until the agent talks with them', async () => {
    await play('+74951234567', 'inbound', false, 'Anna');
    await play('+74951234567', 'inbound', false);
    await play('+48221234567', 'inbound', false, 'Jan');
    expect(await missedCallerCount(db)).toBe(2);
    const groups = await missedGroups(db);
    expect(groups.map((g) => [g.number, g.name, g.count])).toEqual([
      ['+48221234567', 'Jan', 1],
      ['+74951234567', 'Anna', 2],
    ]);

    // A call back nobody answers changes nothing; one that is answered closes the entry.
    await play('+74951234567', 'outbound', false);
    expect(await missedCallerCount(db)).toBe(2);
    await play('+74951234567', 'outbound', true);
    expect((await missedGroups(db)).map((g) => g.number)).toEqual(['+48221234567']);

    // A new miss after the talk is a new entry of one.
    await play('+74951234567', 'inbound', false);
    expect((await missedGroups(db)).find((g) => g.number === '+74951234567')?.count).toBe(1);
  });

  it('closes an entry marked handled, and keeps the mark through the engine’s later writes', async () => {
    const c = await play('+74951234567', 'inbound', false);
    expect(await markHandled(db, '+74951234567', 5)).toBe(1);
    expect(await missedCallerCount(db)).toBe(0);
    await saveCall(db, { ...c, endReason: 'busy-here' });
    expect(await db.calls.get(c.id)).toMatchObject({ handledAt: 5 });
    expect(await missedCallerCount(db)).toBe(0);
  });

  it('treats calls answered elsewhere and rejected calls as no missed call', async () => {
    t += 60_000;
    const base = startCall({
      id: 'x',
      direction: 'inbound',
      account: 'a',
      localNumber: '1',
      remoteNumber: '+74951234567',
      remoteName: '',
      sipCallId: 'x',
      now: t,
    });
    await saveCall(db, endCall(base, { by: 'remote', elsewhere: true }, t + 1));
    await saveCall(db, endCall({ ...base, id: 'y' }, { by: 'local' }, t + 2));
    expect(await missedCallerCount(db)).toBe(0);
  });
});
