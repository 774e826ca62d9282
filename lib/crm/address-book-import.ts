import ICAL from 'ical.js';
import Papa from 'papaparse';
import type { AddressEntry } from '../store/crm-db';

/** One row of an address book import, before its numbers are normalised (the background does that). */
export type ImportRow = Pick<AddressEntry, 'kind' | 'name' | 'company' | 'phones' | 'emails' | 'note'>;

/** Most rows one import takes. */
export const MAX_IMPORT_ROWS = 20_000;

const cut = (s: unknown, max: number) => (typeof s === 'string' ? s.trim().slice(0, max) : '');

/** Column names people use, in English, Russian and Polish, mapped to ours. */
const COLUMNS: Record<string, keyof ImportRow | 'first' | 'last' | 'type'> = {
  name: 'name',
  'full name': 'name',
  fio: 'name',
  фио: 'name',
  'имя и фамилия': 'name',
  'imię i nazwisko': 'name',
  nazwa: 'name',
  'first name': 'first',
  firstname: 'first',
  имя: 'first',
  imię: 'first',
  'given name': 'first',
  'last name': 'last',
  lastname: 'last',
  фамилия: 'last',
  nazwisko: 'last',
  'family name': 'last',
  surname: 'last',
  company: 'company',
  organization: 'company',
  organisation: 'company',
  компания: 'company',
  организация: 'company',
  firma: 'company',
  phone: 'phones',
  phones: 'phones',
  telephone: 'phones',
  mobile: 'phones',
  телефон: 'phones',
  мобильный: 'phones',
  telefon: 'phones',
  'work phone': 'phones',
  'mobile phone': 'phones',
  email: 'emails',
  'e-mail': 'emails',
  почта: 'emails',
  note: 'note',
  notes: 'note',
  comment: 'note',
  комментарий: 'note',
  примечание: 'note',
  notatka: 'note',
  uwagi: 'note',
  type: 'type',
  kind: 'type',
  тип: 'type',
  typ: 'type',
};

/**
 * Rows of a CSV file with a header line (any delimiter papaparse detects). Columns are matched by
 * name; several phone or email columns are all kept; a phone cell may hold several numbers
 * separated by `,` or `;`. Throws with a reason when the file has no usable header.
 */
export function parseCsv(text: string): ImportRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const fields = parsed.meta.fields ?? [];
  const map = fields.map((f) => COLUMNS[f.trim().toLowerCase()]);
  if (!map.some((m) => m === 'name' || m === 'first' || m === 'last') || !map.includes('phones')) {
    throw new Error('no name and phone columns in the first line');
  }
  return parsed.data.slice(0, MAX_IMPORT_ROWS).map((row) => {
    const out: ImportRow = { kind: 'contact', name: '', company: '', phones: [], emails: [], note: '' };
    let first = '';
    let last = '';
    fields.forEach((field, i) => {
      const value = cut(row[field], 2000);
      if (!value) return;
      const to = map[i];
      if (to === 'name') out.name = value.slice(0, 256);
      else if (to === 'first') first = value;
      else if (to === 'last') last = value;
      else if (to === 'company') out.company = value.slice(0, 256);
      else if (to === 'phones')
        out.phones.push(
          ...value
            .split(/[;,]/)
            .map((p) => p.trim().slice(0, 64))
            .filter(Boolean),
        );
      else if (to === 'emails')
        out.emails.push(
          ...value
            .split(/[;,\s]+/)
            .map((e) => e.slice(0, 256))
            .filter(Boolean),
        );
      else if (to === 'note') out.note = value;
      else if (to === 'type' && /^(company|компания|firma|organi[sz]ation)$/i.test(value)) out.kind = 'company';
    });
    if (!out.name) out.name = [first, last].filter(Boolean).join(' ').slice(0, 256);
    if (!out.name && out.company) [out.name, out.kind] = [out.company, 'company'];
    out.phones = out.phones.slice(0, 10);
    out.emails = out.emails.slice(0, 10);
    return out;
  });
}

/** Contacts of a vCard file (versions 3.0 and 4.0; many cards in one file). */
export function parseVcard(text: string): ImportRow[] {
  const parsed: unknown = ICAL.parse(text);
  const list = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return list.slice(0, MAX_IMPORT_ROWS).map((jcal) => {
    const card = new ICAL.Component(jcal as unknown[]);
    const value = (name: string) => {
      const v: unknown = card.getFirstPropertyValue(name);
      return Array.isArray(v) ? v.filter(Boolean).join(' ') : typeof v === 'string' ? v : '';
    };
    const phones = card
      .getAllProperties('tel')
      .map((p) => String(p.getFirstValue() ?? '').replace(/^tel:/i, ''))
      .filter(Boolean);
    const emails = card
      .getAllProperties('email')
      .map((p) => String(p.getFirstValue() ?? ''))
      .filter(Boolean);
    const company = cut(value('org'), 256);
    const name = cut(value('fn'), 256) || company;
    const isCompany = /^org$/i.test(value('kind')) || (!cut(value('fn'), 256) && !!company);
    return {
      kind: isCompany ? 'company' : 'contact',
      name,
      company: isCompany ? '' : company,
      phones: phones.map((p) => p.slice(0, 64)).slice(0, 10),
      emails: emails.map((e) => e.slice(0, 256)).slice(0, 10),
      note: cut(value('note'), 2000),
    };
  });
}

/** Rows of a file by its name and content: vCard for .vcf or BEGIN:VCARD, else CSV. */
export function parseAddressBook(fileName: string, text: string): ImportRow[] {
  return /\.vcf$/i.test(fileName) || /^\s*BEGIN:VCARD/i.test(text) ? parseVcard(text) : parseCsv(text);
}
