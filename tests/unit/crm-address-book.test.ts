import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../providers/crm';
import { searchWords } from '../../providers/crm/address-book';
import { CrmError } from '../../providers/crm/errors';
import type { CrmClient } from '../../providers/crm/types';
import { CrmDb, type AddressEntry } from '../../lib/store/crm-db';
import { CALLERS } from '../support/crm/harness';

const entry = (
  id: string,
  name: string,
  company: string,
  phones: string[],
  kind: AddressEntry['kind'] = 'contact',
): AddressEntry => ({
  id,
  kind,
  name,
  company,
  phones,
  emails: [],
  note: '',
  words: searchWords(name, company),
  updatedAt: 1,
});

describe('the address-book adapter (IndexedDB)', () => {
  let db: CrmDb;
  let book: CrmClient;
  beforeAll(async () => {
    db = new CrmDb({ indexedDB, IDBKeyRange });
    await db.contacts.bulkAdd([
      entry('1', 'Ivan Petrov', 'Romashka LLC', [CALLERS.known.e164]),
      entry('2', 'Anna Smirnova', 'Smirnov & Partners', [CALLERS.shared.e164]),
      entry('3', 'Oleg Smirnov', 'Smirnov & Partners', [CALLERS.shared.e164]),
      entry('4', 'Romashka LLC', '', ['+74951110000'], 'company'),
    ]);
    book = ADAPTERS['address-book'].connect({}, { connectionId: 'book', fetch, timeoutMs: 1000, addressBook: db });
  });
  afterAll(() => db.delete());

  it('found, many, none', async () => {
    expect((await book.lookupByNumber(CALLERS.known.e164)).map((r) => [r.title, r.subtitle])).toEqual([
      ['Ivan Petrov', 'Romashka LLC'],
    ]);
    expect((await book.lookupByNumber(CALLERS.shared.e164)).map((r) => r.title).sort()).toEqual(
      [...CALLERS.shared.names].sort(),
    );
    expect(await book.lookupByNumber(CALLERS.unknown.e164)).toEqual([]);
  });
  it('searches by words of the name or company, and by digits', async () => {
    expect((await book.search('smir')).map((r) => r.id).sort()).toEqual(['2', '3']);
    expect((await book.search('oleg smir')).map((r) => r.id)).toEqual(['3']);
    expect((await book.search('4951234')).map((r) => r.id)).toEqual(['1']);
    expect(await book.search('   ')).toEqual([]);
  });
  it('relates a contact to its company and a company to its people', async () => {
    const [ivan] = await book.lookupByNumber(CALLERS.known.e164);
    expect(await book.related(ivan!)).toEqual([
      { kind: 'company', items: [{ id: '4', title: 'Romashka LLC' }], more: false },
    ]);
  });
  it('creates a contact with the number, attaches another number, and cannot log calls', async () => {
    const created = await book.create('contact', { name: 'Pavel Sidorov', phone: '+74959990011' });
    expect((await book.lookupByNumber('+74959990011')).map((r) => r.id)).toEqual([created.id]);
    const call = {
      id: 'c1',
      direction: 'inbound' as const,
      remote: '+74950001122',
      local: '1001',
      startedAt: 1,
      talkSeconds: 0,
    };
    await book.link(call, created);
    expect((await book.lookupByNumber('+74950001122')).map((r) => r.id)).toEqual([created.id]);
    await expect(book.create('deal', { name: 'x' })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(book.logCall(call, { subject: 's', summary: '' }, created)).rejects.toBeInstanceOf(CrmError);
  });
});
