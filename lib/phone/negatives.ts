/**
 * Rules that veto digit runs libphonenumber would accept as numbers, by their shape: dates, IP
 * addresses, versions, card and account numbers, amounts. Page text is full of them and a wrong
 * click-to-call link is worse than a missing one, so the rules lean towards "not a phone". The
 * words and symbols around a candidate are judged in `context.ts`.
 */

const SPACE = '[ \\u00a0\\u2007\\u2009\\u200a\\u202f]';
const SPACE_RE = new RegExp(SPACE);

const DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/;
const YMD = /^((?:19|20)\d\d)([./-])(\d{1,2})\2(\d{1,2})$/;

/** A calendar date token: 12.03.2024, 12/03/24, 03/12/2024 (US), 12-03-2024, 2024-03-12, 2024.03.12. */
export function isDateToken(token: string): boolean {
  const dmy = DMY.exec(token);
  if (dmy) {
    // 12-34-56 is how Russians write a local number; only a four-digit year makes a dashed date.
    if (dmy[2] === '-' && dmy[4]?.length !== 4) return false;
    const a = Number(dmy[1]);
    const b = Number(dmy[3]);
    return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
  }
  const ymd = YMD.exec(token);
  if (!ymd) return false;
  const month = Number(ymd[3]);
  const day = Number(ymd[4]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * Length of a date at the start of `piece` that is followed by more digits after a space (a date
 * then a time or a number: "12.03.2024 14", "12.03.2024 8 495 123-45-67"), else 0.
 */
export function leadingDateLength(piece: string): number {
  const space = SPACE_RE.exec(piece);
  if (!space) return 0;
  return isDateToken(piece.slice(0, space.index)) ? space.index : 0;
}

const SHAPES: readonly RegExp[] = [
  /^(?:19|20)\d\d[ \u00a0]?[-–—/][ \u00a0]?(?:19|20)\d\d$/, // year range 2019-2024
  /^\d{1,3}\.\d{4,}$/, // decimal fraction or coordinate 55.755826
  /(?:^|\D)\d{4}(?:[ \u00a0-]\d{4}){3}(?!\d)/, // card, IBAN, tracking: 4276 3800 1234 5678, …1090 1014 0000 0712…
  /[^\d+]\d{12,}/, // a 12+ digit group after a separator: an ID, not a formatted phone
  /^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+[.,]\d{1,2}$/, // amount with decimals 12 345 678.90
  /^\d{4}[ \u00a0-]\d{6}[ \u00a0-]\d{5}$/, // Amex 3782 822463 10005
  /^\d{2}-\d{7}$/, // US EIN 12-3456789
  /^97[89]-\d{1,5}-\d{1,7}-\d{1,7}-\d$/, // hyphenated ISBN-13
  /^\d{1,5}-\d{1,7}-\d{1,7}-[\dX]$/, // hyphenated ISBN-10
];

/**
 * Whether the candidate text itself (trimmed, digits and separators only) is something other
 * than a phone number, whatever surrounds it.
 */
export function isNonPhoneShape(piece: string): boolean {
  if (isDateToken(piece)) return true;
  if (SHAPES.some((re) => re.test(piece))) return true;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(piece)) {
    if (piece.split('.').every((part) => Number(part) <= 255)) return true; // IPv4 192.168.100.200
  }
  if (/^\d+(?:\.\d+){2,}$/.test(piece)) {
    // Versions: 1.2.3.4567, 10.0.19045. A phone written with dots has single digits only first (8.800.555.35.35).
    if (piece.split('.').some((part, i) => i > 0 && part.length === 1)) return true;
  }
  // A long unseparated run without + is an EAN-13, ОГРН, account or order number; the only
  // phones written so are IDD-prefixed (0048221234567, 81048221234567).
  if (/^\d{13,}$/.test(piece) && !/^(?:0|810)/.test(piece)) return true;
  return false;
}

/** Number of ASCII digits in `text.slice(start, end)`. */
export function digitCount(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n += 1;
  }
  return n;
}
