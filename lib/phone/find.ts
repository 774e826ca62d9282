import { MIN_PHONE_DIGITS, mayContainPhone } from './candidates';
import { extensionAfter } from './extension';
import { hasCodeGluedAfter, hasNonPhoneContext } from './context';
import { digitCount, isNonPhoneShape, leadingDateLength } from './negatives';

/** A phone number found in text. */
export interface FoundPhone {
  /** UTF-16 offset of the first character of the number (its `+` or opening bracket included). */
  start: number;
  /** UTF-16 offset just past the number, or past its extension when it has one. */
  end: number;
  /** `text.slice(start, end)`: the number as written, extension included. */
  raw: string;
  /** The number in E.164 form, without the extension: "+74951234567". */
  e164: string;
  /** Extension digits written after the number ("доб. 123" → "123"), if any. */
  extension?: string;
}

/**
 * Validates one candidate, given as digits with an optional leading +, in the caller's default
 * country: its E.164 form when the numbering plan says it is a valid number, else null. The kit
 * supplies it, memoised, over libphonenumber.
 */
export type ValidE164 = (candidate: string) => string | null;

const SEP = '[ \\u00a0\\u2007\\u2009\\u200a\\u202f\\-\\u2010-\\u2014.()/]';
/**
 * A run of digits and separators, optionally led by + or by an opening bracket that closes after
 * the area code ("(212) 555-0123"). Separators and digits are disjoint, so matching never
 * backtracks more than the four separators after the last digit: linear in the text length.
 */
const RUN = new RegExp(`(?:\\+[ \\u00a0]?|\\(\\+?(?=\\d{1,5}\\)))?\\d(?:${SEP}{0,4}\\d)*`, 'g');
/** Runs that hold two or three numbers are split into numbers only if every part is valid. */
const MAX_SPLIT_DIGITS = 45;
/** How far after a number its extension may be written. */
const EXT_WINDOW = 40;

interface Span {
  start: number;
  end: number;
  e164: string;
}

/**
 * Finds phone numbers in `text`: a linear scan for digit runs (free for text without any, see
 * {@link mayContainPhone}), the vetoes of `negatives.ts` (shape) and `context.ts` (surroundings),
 * then `valid` on what is left. A run holding several numbers separated by wide gaps (" / ", two
 * spaces, " – ") is cut at the gaps; a run with only single spaces is cut only if every part is a
 * valid number. A date leading a run is skipped ("12.03.2024 8 495 123-45-67").
 */
export function findPhones(text: string, valid: ValidE164): FoundPhone[] {
  if (!mayContainPhone(text)) return [];
  const found: FoundPhone[] = [];
  const re = RUN; // shared: the scan is synchronous and `valid` never re-enters it
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const runStart = m.index;
    const runEnd = runStart + m[0].length;
    if (digitCount(text, runStart, runEnd) < MIN_PHONE_DIGITS) continue;
    for (const span of resolveRun(text, runStart, runEnd, valid)) {
      let end = span.end;
      let extension: string | undefined;
      if (span.end === runEnd) {
        const ext = extensionAfter(text.slice(runEnd, runEnd + EXT_WINDOW));
        if (ext) {
          end = runEnd + ext.length;
          extension = ext.digits;
          re.lastIndex = Math.max(re.lastIndex, end);
        }
      }
      if (hasCodeGluedAfter(text, end)) continue;
      const hit: FoundPhone = { start: span.start, end, raw: text.slice(span.start, end), e164: span.e164 };
      if (extension !== undefined) hit.extension = extension;
      found.push(hit);
    }
  }
  return found;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x2007 || code === 0x2009 || code === 0x200a || code === 0x202f;
}

/** Separator runs between digits that stand for a gap between two numbers. */
function isWideGap(text: string, start: number, end: number): boolean {
  let spaces = 0;
  let dashOrSlash = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) spaces += 1;
    else if (code === 0x2f || code === 0x2013 || code === 0x2014) dashOrSlash = true;
  }
  return spaces >= 2 || (spaces >= 1 && dashOrSlash);
}

/** Cuts a run at its wide gaps and resolves each part. */
function resolveRun(text: string, start: number, end: number, valid: ValidE164): Span[] {
  const spans: Span[] = [];
  let partStart = start;
  let i = start;
  while (i < end) {
    if (isDigit(text.charCodeAt(i)) || i === start) {
      i += 1;
      continue;
    }
    let gapEnd = i;
    while (gapEnd < end && !isDigit(text.charCodeAt(gapEnd))) gapEnd += 1;
    if (isWideGap(text, i, gapEnd)) {
      spans.push(...resolvePart(text, partStart, i, valid));
      partStart = i;
    }
    i = gapEnd;
  }
  spans.push(...resolvePart(text, partStart, end, valid));
  return spans;
}

/**
 * Narrows [start, end) to the number: leading separators are dropped except an opening bracket
 * closed after 1–5 digits and a +; trailing ones are dropped.
 */
function trim(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s < end) {
    const code = text.charCodeAt(s);
    if (isDigit(code) || code === 0x2b) break;
    if (code === 0x28 && /^\(\+?\d{1,5}\)/.test(text.slice(s, s + 8))) break;
    s += 1;
  }
  let e = end;
  while (e > s && !isDigit(text.charCodeAt(e - 1))) e -= 1;
  return [s, e];
}

/** A single valid number covering exactly the trimmed [start, end), or null. */
function single(text: string, start: number, end: number, valid: ValidE164, shapeChecked = false): Span | null {
  const piece = text.slice(start, end);
  if (!shapeChecked) {
    if (digitCount(text, start, end) < MIN_PHONE_DIGITS) return null;
    if (isNonPhoneShape(piece) || leadingDateLength(piece) > 0) return null;
  }
  if (hasNonPhoneContext(text, start, end)) return null;
  // Digits and + only: what libphonenumber keeps anyway, and one memo entry for every way of writing a number.
  const e164 = valid(piece.replace(/[^\d+]/g, ''));
  return e164 ? { start, end, e164 } : null;
}

function resolvePart(text: string, start: number, end: number, valid: ValidE164): Span[] {
  const [s, e] = trim(text, start, end);
  const digits = digitCount(text, s, e);
  if (digits < MIN_PHONE_DIGITS) return [];
  const piece = text.slice(s, e);
  if (isNonPhoneShape(piece)) return [];
  const date = leadingDateLength(piece);
  if (date > 0) return resolvePart(text, s + date, e, valid); // "12.03.2024 8 495 123-45-67"
  const whole = single(text, s, e, valid, true);
  if (whole) return [whole];
  return digits >= 2 * MIN_PHONE_DIGITS && digits <= MAX_SPLIT_DIGITS ? (cover(text, s, e, valid) ?? []) : [];
}

/**
 * Splits [start, end) at single spaces into numbers that are all valid, shortest first number
 * first; null when no such split exists. Requiring every part to be valid keeps card-like and
 * account-like runs from yielding a "number" out of their middle.
 */
function cover(text: string, start: number, end: number, valid: ValidE164): Span[] | null {
  for (let i = start + 1; i < end; i++) {
    if (!isSpace(text.charCodeAt(i)) || !isDigit(text.charCodeAt(i - 1))) continue;
    const [rs, re] = trim(text, i, end);
    if (rs >= re) return null;
    const left = single(text, start, i, valid);
    if (!left) continue;
    const right = single(text, rs, re, valid);
    if (right) return [left, right];
    const rest = digitCount(text, rs, re) >= 2 * MIN_PHONE_DIGITS ? cover(text, rs, re, valid) : null;
    if (rest) return [left, ...rest];
  }
  return null;
}
