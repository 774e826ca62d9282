/**
 * A generated CRM contacts table for the scanner benchmark: deterministic (seeded), ~100 bytes of
 * text per row, two phone numbers in most rows in the formats agents meet (RU, KZ, UA, PL, DE,
 * GB, US), plus the digit runs that must not be linked (dates, amounts, IDs, INN).
 */
import { prng } from '../support/prng';

export interface CrmTable {
  html: string;
  rows: number;
  phones: number;
  textBytes: number;
}

const rng = prng;

const FIRST = ['Иван', 'Anna', 'Piotr', 'Ольга', 'John', 'Marta', 'Айгерим', 'Олег', 'Klaus', 'Emma'];
const LAST = ['Петров', 'Kowalska', 'Nowak', 'Смирнова', 'Smith', 'Wiśniewska', 'Сейткали', 'Шевченко', 'Müller'];
const COMPANY = ['ООО «Ромашка»', 'Globex Sp. z o.o.', 'ТОО Алатау', 'Initech GmbH', 'ФОП Коваль', 'Acme Ltd'];

/** Row `i`'s phone numbers in country-typical formats (valid numbering ranges). */
function phone(r: () => number): string {
  const d = (n: number) => String(Math.floor(r() * 10 ** n)).padStart(n, '0');
  switch (Math.floor(r() * 8)) {
    case 0:
      return `+7 (495) ${d(3)}-${d(2)}-${d(2)}`;
    case 1:
      return `8 916 ${d(3)} ${d(2)} ${d(2)}`;
    case 2:
      return `+7 701 ${d(3)} ${d(4)}`;
    case 3:
      return `+380 44 ${d(3)} ${d(2)} ${d(2)}`;
    case 4:
      return `+48 22 ${d(3)} ${d(2)} ${d(2)}`;
    case 5:
      return `+49 30 ${d(8)}`;
    case 6:
      return `+44 20 7${d(3)} ${d(4)}`;
    default:
      return `+1 (212) 55${d(1)}-${d(4)}`;
  }
}

/** Builds the table page. `rows` 10,000 gives ~1 MB of text and ~20,000 phone numbers. */
export function crmTable(rows: number, seed = 42): CrmTable {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  let phones = 0;
  for (let i = 0; i < rows; i++) {
    const p1 = phone(r);
    const p2 = r() < 0.97 ? phone(r) : '';
    phones += p2 ? 2 : 1;
    const date = `${String(1 + Math.floor(r() * 28)).padStart(2, '0')}.${String(1 + Math.floor(r() * 12)).padStart(2, '0')}.2026`;
    const amount = `${Math.floor(r() * 900) + 100} ${String(Math.floor(r() * 1000)).padStart(3, '0')} ₽`;
    out.push(
      `<tr><td>${100000 + i}</td><td>${pick(FIRST)} ${pick(LAST)}</td><td>${pick(COMPANY)}</td>` +
        `<td>${p1}</td><td>${p2}</td><td>${date}</td><td>${amount}</td><td>ИНН ${7700000000 + i}</td></tr>`,
    );
  }
  const body = out.join('\n');
  const html =
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Контакты</title></head><body>' +
    '<h1>Контакты</h1><table><thead><tr><th>ID</th><th>Имя</th><th>Компания</th><th>Телефон</th>' +
    `<th>Доп. телефон</th><th>Создан</th><th>Сумма</th><th>ИНН</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
  return { html, rows, phones, textBytes: Buffer.byteLength(body.replace(/<[^>]+>/g, '')) };
}
