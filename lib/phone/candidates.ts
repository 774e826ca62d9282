/**
 * The cheap pre-filter that runs in the content script on every page. It must stay tiny and must
 * not import libphonenumber-js: pages only send text that passes it to the background, where the
 * real detection (`createPhoneKit(...).findPhoneNumbers`) runs with the numbering-plan metadata.
 *
 * Contract shared with `find.ts`: every span the kit can report is a run of at least
 * {@link MIN_PHONE_DIGITS} ASCII digits separated only by {@link isPhoneSeparator} characters, so
 * `mayContainPhone(text) === false` guarantees `findPhoneNumbers(text)` is empty.
 */

/** Fewest digits of a number worth detecting in page text (shorter runs are extensions, codes, years). */
export const MIN_PHONE_DIGITS = 7;

/**
 * Longest text node (UTF-16 code units) worth sending to the background for detection. Longer
 * nodes are logs, code or data dumps rather than contact details; the caller may skip them.
 */
export const MAX_TEXT_FOR_SCAN = 100_000;

/**
 * Whether a UTF-16 code unit may sit between the digits of one phone number: spaces (including
 * no-break, figure, thin, hair and narrow no-break spaces), hyphens and dashes (- ‐ ‑ ‒ – —), dot,
 * brackets and slash. Newlines and tabs are not separators: they split numbers.
 */
export function isPhoneSeparator(code: number): boolean {
  switch (code) {
    case 0x20: // space
    case 0xa0: // no-break space
    case 0x2007: // figure space
    case 0x2009: // thin space
    case 0x200a: // hair space
    case 0x202f: // narrow no-break space
    case 0x2d: // -
    case 0x2010: // ‐
    case 0x2011: // ‑
    case 0x2012: // ‒
    case 0x2013: // –
    case 0x2014: // —
    case 0x2e: // .
    case 0x28: // (
    case 0x29: // )
    case 0x2f: // /
      return true;
    default:
      return false;
  }
}

/**
 * True when `text` has a run of at least {@link MIN_PHONE_DIGITS} digits, possibly separated by
 * phone separators and possibly preceded by `+`. One pass over the text, no regular expression
 * backtracking: linear in the text length, with a native scan to the first digit.
 */
export function mayContainPhone(text: string): boolean {
  const first = text.search(/[0-9]/);
  if (first < 0) return false;
  let digits = 0;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      digits += 1;
      if (digits >= MIN_PHONE_DIGITS) return true;
    } else if (code !== 0x2b && !isPhoneSeparator(code)) {
      digits = 0;
    }
  }
  return false;
}

const PLAIN_DATE =
  /^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;

/**
 * True when the whole text is one date, optionally with a time ("12.03.2024", "2024-03-12 14:30"):
 * CRM tables are full of such cells, and the content script need not send them to be rejected.
 */
export function isPlainDate(text: string): boolean {
  return text.length <= 24 && PLAIN_DATE.test(text);
}
