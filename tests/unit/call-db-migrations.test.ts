import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../lib/call/types';
import { numberNormaliser, type Numbering } from '../../lib/journal/number-key';
import { phone } from '../../lib/phone/default-kit';
import { CALL_DB_NAME, CallDb, saveCall } from '../../lib/store/call-db';

const RU_OFFICE: Numbering = {
  country: 'RU',
  dialRules: { outsideLinePrefix: '9', international: 'idd', domestic: 'national', extensionMaxDigits: 4 },
};
const normalise = numberNormaliser(phone, RU_OFFICE);

const v1 = (id: string, over: Partial<CallRecord>): CallRecord => ({
  id,
  direction: 'outbound',
  phase: 'ended',
  account: 'sip:1001@pbx',
  localNumber: '1001',
  remoteNumber: '984951234567',
  remoteName: '',
  startedAt: 1000,
  sipCallId: `${id}@h`,
  outcome: 'answered',
  ...over,
});

/** Writes records into a version-1 database exactly as the first builds did. */
async function seedVersion1(indexedDB: IDBFactory, records: CallRecord[]): Promise<void> {
  const old = new Dexie(CALL_DB_NAME, { indexedDB, IDBKeyRange });
  old.version(1).stores({ calls: 'id, startedAt, sipCallId, [direction+startedAt], [outcome+startedAt]' });
  await old.table('calls').bulkAdd(records);
  old.close();
}

describe('call store schema versions', () => {
  it('creates version 2 on a fresh install, deriving keys on every write', async () => {
    const db = new CallDb({ indexedDB: new IDBFactory(), IDBKeyRange, normalise });
    await saveCall(db, v1('a', { remoteName: 'Anna Petrova' }));
    expect(db.verno).toBe(2);
    expect(await db.calls.get('a')).toMatchObject({
      remoteE164: '+74951234567',
      nameKeys: [
        expect.stringMatching(/^anna\u0001/),
        expect.stringMatching(/^petrova\u0001/),
        // Pairs of one name's words: a full name is found without reading each word's calls.
        expect.stringMatching(/^anna\u0002petrova\u0001/),
        expect.stringMatching(/^petrova\u0002anna\u0001/),
      ],
    });
    // Changing the name or number re-derives the keys.
    await db.calls.update('a', { remoteName: 'Olga', remoteNumber: '984957654321' });
    expect(await db.calls.get('a')).toMatchObject({
      remoteE164: '+74957654321',
      nameKeys: [expect.stringMatching(/^olga/)],
    });
    db.close();
  });

  it('upgrades version 1: dialled numbers gain E.164, names become searchable, unanswered misses open', async () => {
    const indexedDB = new IDBFactory();
    await seedVersion1(indexedDB, [
      v1('out', { remoteNumber: '984951234567', startedAt: 1000 }),
      v1('in-missed-old', { direction: 'inbound', remoteNumber: '84951234567', outcome: 'missed', startedAt: 500 }),
      v1('in-missed', { direction: 'inbound', remoteNumber: '+74951234567', outcome: 'missed', startedAt: 2000 }),
      v1('ext', { remoteNumber: '2000', remoteName: 'Reception', startedAt: 3000 }),
      v1('pl', { direction: 'inbound', remoteNumber: '0048221234567', outcome: 'missed', startedAt: 4000 }),
    ]);
    const db = new CallDb({ indexedDB, IDBKeyRange, normalise });
    const all = await db.calls.orderBy('startedAt').toArray();
    expect(db.verno).toBe(2);
    expect(all.map((c) => [c.id, c.remoteE164, c.missedOpen])).toEqual([
      // Talked with at 1000: the earlier miss is settled; the later one is open.
      ['in-missed-old', '+74951234567', undefined],
      ['out', '+74951234567', undefined],
      ['in-missed', '+74951234567', 1],
      ['ext', '2000', undefined],
      ['pl', '+48221234567', 1],
    ]);
    // The records themselves are unchanged.
    expect(all.find((c) => c.id === 'out')).toMatchObject({ remoteNumber: '984951234567', outcome: 'answered' });
    expect(await db.calls.where('nameKeys').startsWith('recep').primaryKeys()).toEqual(['ext']);
    expect(
      await db.calls.where('[remoteE164+startedAt]').between(['+74951234567', 0], ['+74951234567', 9e12]).count(),
    ).toBe(3);
    db.close();
  });

  it('upgrades an empty version-1 store', async () => {
    const indexedDB = new IDBFactory();
    await seedVersion1(indexedDB, []);
    const db = new CallDb({ indexedDB, IDBKeyRange, normalise });
    expect(await db.calls.count()).toBe(0);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['calls', 'recordings', 'reminders', 'trash']);
    db.close();
  });
});
