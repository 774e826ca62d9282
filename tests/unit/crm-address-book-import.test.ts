import { describe, expect, it } from 'vitest';
import { parseAddressBook, parseCsv, parseVcard } from '../../lib/crm/address-book-import';

describe('address book import', () => {
  it('reads CSV with Russian headers, a semicolon delimiter, several numbers and a company row', () => {
    const csv =
      '\uFEFFФИО;Компания;Телефон;Почта;Тип\nИван Петров;ООО Ромашка;+7 495 123-45-67, 8 916 000-11-22;ivan@example.ru;\nООО Ромашка;;+7 495 111-22-33;;компания\n';
    expect(parseCsv(csv)).toEqual([
      {
        kind: 'contact',
        name: 'Иван Петров',
        company: 'ООО Ромашка',
        phones: ['+7 495 123-45-67', '8 916 000-11-22'],
        emails: ['ivan@example.ru'],
        note: '',
      },
      { kind: 'company', name: 'ООО Ромашка', company: '', phones: ['+7 495 111-22-33'], emails: [], note: '' },
    ]);
  });
  it('joins first and last names and reads quoted cells', () => {
    const csv = 'First name,Last name,Mobile,Note\nAnna,Nowak,"+48 22 123 45 67","likes ""quotes"", commas"\n';
    expect(parseCsv(csv)[0]).toMatchObject({
      name: 'Anna Nowak',
      phones: ['+48 22 123 45 67'],
      note: 'likes "quotes", commas',
    });
  });
  it('says what is wrong with a file without name and phone columns', () => {
    expect(() => parseCsv('a,b\n1,2\n')).toThrow('no name and phone columns');
  });
  it('reads vCard 3.0 and 4.0 cards from one file', () => {
    const vcf =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Петров;Иван;;;\r\nFN:Иван Петров\r\nORG:ООО Ромашка\r\nTEL;TYPE=WORK:+7 495 123-45-67\r\nEMAIL:ivan@example.ru\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Nowak\r\nTEL;VALUE=uri;TYPE=cell:tel:+48-22-123-45-67\r\nNOTE:VIP\r\nEND:VCARD\r\n';
    expect(parseVcard(vcf)).toEqual([
      {
        kind: 'contact',
        name: 'Иван Петров',
        company: 'ООО Ромашка',
        phones: ['+7 495 123-45-67'],
        emails: ['ivan@example.ru'],
        note: '',
      },
      { kind: 'contact', name: 'Anna Nowak', company: '', phones: ['+48-22-123-45-67'], emails: [], note: 'VIP' },
    ]);
    expect(parseAddressBook('people.vcf', vcf)).toHaveLength(2);
  });
});
