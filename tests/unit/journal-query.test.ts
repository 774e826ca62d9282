import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../lib/call/types';
import { matches, planSearch, type JournalFilter } from '../../lib/journal/filter';
import { numberKey, numberNormaliser, type Numbering } from '../../lib/journal/number-key';
import { allMatching, countMatching, historyPage } from '../../lib/journal/query';
import { phone } from '../../lib/phone/default-kit';
import { DEFAULT_DIAL_RULES } from '../../lib/phone/dial-rules';
import { CallDb } from '../../lib/store/call-db';
import type { StoredCall } from '../../lib/store/stored-call';
import { generateCalls } from '../support/journal-data';

const RU: Numbering = { country: 'RU', dialRules: DEFAULT_DIAL_RULES };
const toKey = (q: string) => numberKey(phone, RU, q, 'inbound') || null;
const END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const calls: CallRecord[] = generateCalls(3000, END, 60 * DAY, 7, 300);
let db: CallDb;
let stored: StoredCall[];

beforeAll(async () => {
  db = new CallDb({ indexedDB: new IDBFactory(), IDBKeyRange, normalise: numberNormaliser(phone, RU) });
  await db.calls.bulkPut(calls);
  stored = await db.calls.toArray();
});

/** The known answer: every stored call checked one by one, newest first. */
function expected(f: JournalFilter): string[] {
  const plan = planSearch(f.text, toKey);
  return stored
    .filter((c) => matches(c, f, plan))
    .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1))
    .map((c) => c.id);
}

async function pages(f: JournalFilter, size: number): Promise<string[]> {
  const plan = planSearch(f.text, toKey);
  const ids: string[] = [];
  let cursor;
  for (;;) {
    const page = await historyPage(db, f, plan, size, cursor);
    ids.push(...page.calls.map((c) => c.id));
    if (!page.next) return ids;
    cursor = page.next;
  }
}

const FILTERS: Record<string, JournalFilter> = {
  everything: {},
  'missed in the last week': { outcome: 'missed', from: END - 7 * DAY },
  'inbound to one account': { direction: 'inbound', account: 'sip:1002@pbx' },
  'a queue, answered': { queue: 'sales', outcome: 'answered' },
  'a number typed nationally': { text: '8 (495) 000-00-07' },
  'the same number, international': { text: '+7 495 000 00 07' },
  'a number beginning': { text: '+7 495 000 01' },
  'a name': { text: 'anna' },
  'a full name, either order, the last word begun': { text: 'petrova ann' },
  'a full name as written': { text: 'Anna Petrova' },
  'the beginning of a name, with accents typed or not': { text: 'wisniew' },
  'a name since a date': { text: 'kowalski', from: END - 20 * DAY },
  'two words of a name and a company': { text: 'Petrova samara', direction: 'inbound' },
};

describe('history queries', () => {
  it.each(Object.entries(FILTERS))('pages through "%s" exactly as a full scan would', async (_name, f) => {
    const want = expected(f);
    expect(want.length).toBeGreaterThan(0);
    expect(await pages(f, 50)).toEqual(want);
    expect(await countMatching(db, f, planSearch(f.text, toKey))).toBe(want.length);
  });

  it('finds a number whatever format it was stored in', () => {
    const ids = expected({ text: '84950000007' });
    const forms = new Set(ids.map((id) => stored.find((c) => c.id === id)!.remoteNumber));
    expect(forms).toEqual(new Set(['+74950000007', '84950000007']));
  });

  it('reads every matching call for export in pages', async () => {
    const f = { direction: 'outbound' as const };
    const out: string[] = [];
    for await (const chunk of allMatching(db, f, null, 200)) out.push(...chunk.map((c) => c.id));
    expect(out).toEqual(expected(f));
  });

  it('keeps calls of the same millisecond apart across pages', async () => {
    const twin = { ...calls[0]!, id: 'twin-b' };
    await db.calls.bulkPut([{ ...calls[0]!, id: 'twin-a' }, twin]);
    stored = await db.calls.toArray();
    expect(await pages({}, 7)).toEqual(expected({}));
  });
});
