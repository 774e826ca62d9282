import { z } from 'zod';
import type { AddressEntry, CrmDb } from '../../lib/store/crm-db';
import { defineAdapter } from './define';
import { CrmError, rejectUnsupported, unsupported } from './errors';
import { crmRecord, fields, matches } from './normalize';
import type { CrmClient, CrmRecord, RecordKind, RelatedGroup } from './types';

/** Words of a text for search: lower case, split on anything that is not a letter or digit. */
export function searchWords(...texts: string[]): string[] {
  const words = texts.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}@.]+/u)).filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, 64);
}

function toRecord(connection: string, e: AddressEntry): CrmRecord {
  return crmRecord({
    connection,
    kind: e.kind,
    id: e.id,
    title: e.name,
    subtitle: e.company,
    fields: fields([
      ['email', 'Email', e.emails.join(', ')],
      ['phone', 'Phone', e.phones.join(', ')],
      ['note', 'Note', e.note],
    ]),
    phones: e.phones,
  });
}

function client(connection: string, db: CrmDb): CrmClient {
  const entryOf = async (id: string) => {
    const e = await db.contacts.get(id);
    if (!e) throw new CrmError('not-found', `address book entry ${id} is gone`);
    return e;
  };
  return {
    async lookupByNumber(e164) {
      const found = await db.contacts.where('phones').equals(e164).toArray();
      return matches(found.map((e) => toRecord(connection, e)));
    },
    async search(query) {
      const [first, ...rest] = searchWords(query);
      if (!first) return [];
      const digits = query.replace(/\D/g, '');
      const byWord = await db.contacts.where('words').startsWith(first).limit(200).toArray();
      const found = byWord.filter((e) => rest.every((w) => e.words.some((x) => x.startsWith(w))));
      if (digits.length >= 5) {
        const byPhone = await db.contacts
          .filter((e) => e.phones.some((p) => p.includes(digits)))
          .limit(50)
          .toArray();
        found.push(...byPhone);
      }
      return matches(found.map((e) => toRecord(connection, e)));
    },
    async related(record) {
      const e = await entryOf(record.id);
      const groups: RelatedGroup[] = [];
      if (e.kind === 'contact' && e.company) {
        const companies = await db.contacts
          .where('words')
          .startsWith(searchWords(e.company)[0] ?? '')
          .toArray();
        const company = companies.filter((c) => c.kind === 'company' && c.name === e.company);
        if (company.length > 0) {
          groups.push({
            kind: 'company',
            items: company.slice(0, 5).map((c) => ({ id: c.id, title: c.name })),
            more: false,
          });
        }
      }
      if (e.kind === 'company') {
        const people = (await db.contacts.where('kind').equals('contact').toArray()).filter(
          (c) => c.company === e.name,
        );
        if (people.length > 0) {
          groups.push({
            kind: 'contact',
            items: people.slice(0, 25).map((c) => ({ id: c.id, title: c.name })),
            more: people.length > 25,
          });
        }
      }
      return groups;
    },
    async create(kind, prefill) {
      if (kind !== 'contact' && kind !== 'company') unsupported(`creating a ${kind}`);
      const entry: AddressEntry = {
        id: crypto.randomUUID(),
        kind,
        name: prefill.name.trim().slice(0, 256),
        company: kind === 'contact' && prefill.about?.kind === 'company' ? prefill.about.title : '',
        phones: prefill.phone ? [prefill.phone] : [],
        emails: [],
        note: prefill.note ?? '',
        words: [],
        updatedAt: Date.now(),
      };
      entry.words = searchWords(entry.name, entry.company);
      await db.contacts.add(entry);
      return toRecord(connection, entry);
    },
    async link(call, record) {
      const e = await entryOf(record.id);
      if (!call.remote.startsWith('+') || e.phones.includes(call.remote)) return;
      await db.contacts.update(e.id, { phones: [...e.phones, call.remote], updatedAt: Date.now() });
    },
    // The call journal already keeps every call; the address book has no activity log.
    logCall: () => rejectUnsupported('logging calls'),
    recordUrl() {
      return undefined;
    },
    dispositions() {
      return Promise.resolve([]);
    },
  };
}

const KINDS: readonly RecordKind[] = ['contact', 'company'];

/** Contacts and companies kept by the extension itself (imported from CSV or vCard): no CRM API needed. */
export const addressBook = defineAdapter({
  name: 'address-book',
  label: 'Address book',
  capabilities: ['lookup', 'search', 'related', 'create', 'link'],
  kinds: KINDS,
  fields: [
    { key: 'email', label: 'Email' },
    { key: 'phone', label: 'Phone' },
    { key: 'note', label: 'Note' },
  ],
  defaultFields: ['email', 'note'],
  configSchema: z.object({}).strict(),
  defaults: () => ({}),
  secrets: [],
  origins: () => [],
  connect(_config, deps) {
    if (!deps.addressBook) throw new CrmError('config', 'the address book store is not available here');
    return client(deps.connectionId, deps.addressBook);
  },
});
