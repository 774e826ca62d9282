import { digitCount } from './negatives';

/**
 * Vetoes by the words and symbols around a candidate: "ИНН 7707083893", "Order #12345678",
 * "1 234 567 ₽", "*72 5551234", "v10.0.19045", "RA123456789CN". The text before a candidate is
 * read backwards word by word rather than with `$`-anchored regular expressions, which V8 would
 * try at every position of the window: this runs for every candidate on every page.
 */

/** Words before a number that make it an identifier, not a phone (matched whole, case-insensitively). */
const ID_WORDS = [
  'id',
  'инн',
  'кпп',
  'огрн(?:ип)?',
  'бик',
  'окпо',
  'октмо',
  'снилс',
  'єдрпоу',
  'nip',
  'regon',
  'pesel',
  'krs',
  'iban',
  'swift',
  'bic',
  'isbn',
  'issn',
  'ean',
  'upc',
  'gtin',
  'sku',
  'ein',
  'ssn',
  'tin',
  'vat',
  'idnr',
  'steuernummer',
  'siret',
  'siren',
  'imei',
  'order',
  'заказ(?:а|у|ом|е)?',
  'замовлення',
  'zam[óo]wieni(?:e|a|u)',
  'invoice',
  'inv',
  'сч[её]т(?:а|у|ом|е)?',
  'рахун(?:ок|ку)',
  'faktur(?:a|y|ze)?',
  'facture',
  'rechnung',
  'bestellung',
  'commande',
  'tracking',
  'track',
  'трек',
  'ttn',
  'ттн',
  'накладн(?:ая|ой)',
  'договор(?:а|у)?',
  'артикул',
  'арт',
  'ref',
  'reference',
  'acct',
  'account',
  'kundennummer',
  'р/с',
  'к/с',
  'л/с',
  'ticket',
  'тикет',
  'заявк[аи]',
  's/n',
  'serial',
  'pin',
];
const ID_WORD = new RegExp(`^(?:${ID_WORDS.join('|')})$`, 'iu');
/** Words between an ID word and the number: "tracking number: …", "Zamówienie nr …". */
const LINK_WORD = /^(?:number|no|nr|num|номер|numer|id)$/iu;
/** Words that turn a following № / # / No. into "phone number": "Tel. No.", "Тел. №", "Phone #". */
const PHONE_WORD = /^(?:tel|phone|fax|mob|cell|handy|kom|t[ée]l[ée]phone|тел|факс|моб)\p{L}*$/iu;
const CURRENCY_WORD = /^(?:usd|eur|rub|pln|uah|kzt|byn|gbp|chf|руб|грн|zł|zl)$/iu;
const CURRENCY_SIGNS = '$€£¥₽₴₸';
const VERSION_WORD = /^(?:v|ver|version|build|rev|release)$/iu;
/** Units after an amount: currencies, pieces, thousands. */
const UNITS_AFTER = 'руб|р\\.|rub|usd|eur|pln|zł|zl|gbp|chf|грн|uah|тг|kzt|byn|шт|pcs|тыс|млн';
const CURRENCY_AFTER = new RegExp(`^[\\s\\u00a0\\u202f]*(?:[$€£¥₽₴₸%‰]|(?:${UNITS_AFTER})(?!\\p{L}))`, 'iu');
const DECIMAL_AFTER = /^[.,]\d{1,2}(?!\d)/;
const GLUED_TOKEN_AFTER = /^[-_]?[\p{L}\p{N}]+/u;

const GAP_CHAR = /[\s:.#№=\-–—_]/u;
const WORD_CHAR = /[\p{L}\p{N}/]/u;
/** How much text around a candidate the rules look at (UTF-16 units). */
const WINDOW = 40;

interface Tail {
  /** Gap characters right before the number. */
  gap: string;
  /** The word before that gap (letters, digits, slash), possibly empty. */
  word: string;
  /** Gap characters before that word. */
  gap2: string;
  /** The word before those. */
  word2: string;
}

/** Index of the first of the characters matching `re` that end at `from` in `text`. */
function back(text: string, from: number, re: RegExp): number {
  let i = from;
  while (i > 0 && re.test(text.charAt(i - 1))) i -= 1;
  return i;
}

function tailOf(before: string): Tail {
  const g1 = back(before, before.length, GAP_CHAR);
  const w1 = back(before, g1, WORD_CHAR);
  const g2 = back(before, w1, GAP_CHAR);
  const w2 = back(before, g2, WORD_CHAR);
  return {
    gap: before.slice(g1),
    word: before.slice(w1, g1),
    gap2: before.slice(g2, w1),
    word2: before.slice(w2, g2),
  };
}

function vetoedByWordsBefore({ gap, word, gap2, word2 }: Tail): boolean {
  const markInGap = /[#№]/u.test(gap);
  const noDot = /^no$/i.test(word) && gap.startsWith('.');
  if (markInGap && !PHONE_WORD.test(word) && !(LINK_WORD.test(word) && PHONE_WORD.test(word2))) return true;
  if (noDot && !PHONE_WORD.test(word2)) return true;
  if (ID_WORD.test(word)) return true;
  if ((LINK_WORD.test(word) || /[#№]/u.test(gap2)) && ID_WORD.test(word2)) return true;
  const spacesOrDot = /^[.\s]*$/u.test(gap);
  return spacesOrDot && (CURRENCY_WORD.test(word) || VERSION_WORD.test(word));
}

/**
 * Whether the text around `text.slice(start, end)` says it is not a phone number: an ID word or a
 * numbering mark before it (unless a phone word precedes the mark), a currency or percent sign
 * around it, a decimal fraction after it, a `*` before it (a PBX feature code like *72), a version
 * marker, or a code glued before it (tracking numbers RA123456789CN and 1Z999AA10123456784, IBANs
 * PL61 1090…). What is glued after the number and its extension is {@link hasCodeGluedAfter}'s.
 */
export function hasNonPhoneContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const next = text.slice(end, end + WINDOW);
  if (before.endsWith('*')) return true;
  if (CURRENCY_SIGNS.includes(before.trimEnd().slice(-1) || '\u0000')) return true;
  if (CURRENCY_AFTER.test(next) || DECIMAL_AFTER.test(next)) return true;
  const tail = tailOf(before);
  if (vetoedByWordsBefore(tail)) return true;
  const glued = tail.gap === '' || tail.gap === '-' || tail.gap === '_';
  if (glued && /\p{N}/u.test(tail.word)) return true;
  if (tail.gap === '' && /^[A-Z]{2}$/.test(tail.word)) {
    return /^[A-Z]/.test(next) || digitCount(text, start, end) >= 10; // RA123456789CN, PL61 1090 1014 …
  }
  return false;
}

/** Whether letters and digits glued at `after` make the number part of a code ("12345678AB12"). */
export function hasCodeGluedAfter(text: string, after: number): boolean {
  const glued = GLUED_TOKEN_AFTER.exec(text.slice(after, after + WINDOW))?.[0] ?? '';
  return /\p{N}/u.test(glued);
}
