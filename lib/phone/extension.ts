/**
 * Extensions written after a number: "доб. 123", "ext. 45", "wew. 12", "x 12", "(доб. 123)".
 * libphonenumber knows some of these words but not the Polish "wew." nor the bracketed form, so
 * extensions are cut off here and the main number is parsed on its own.
 */

const WORDS = '(?:доб(?:авочный)?|вн(?:утр(?:енний)?)?|ext(?:ension)?|wew(?:n[eę]trzny)?|x|х)';
const EXT_PLAIN = new RegExp(
  `^[ \\u00a0\\u202f,;]*${WORDS}\\.?[ \\u00a0\\u202f]*[:.]?[ \\u00a0\\u202f]*(\\d{1,6})(?!\\d)`,
  'iu',
);
const EXT_BRACKETED = new RegExp(
  `^[ \\u00a0\\u202f]*\\(${WORDS}\\.?[ \\u00a0\\u202f]*[:.]?[ \\u00a0\\u202f]*(\\d{1,6})\\)`,
  'iu',
);
const EXT_AT_END = new RegExp(
  `[ \\u00a0\\u202f,;]*\\(?${WORDS}\\.?[ \\u00a0\\u202f]*[:.]?[ \\u00a0\\u202f]*(\\d{1,6})\\)?[ \\u00a0\\u202f]*$`,
  'iu',
);

/** An extension found right after a number: its digits and the length of text it takes. */
export interface ExtensionMatch {
  /** The extension digits, e.g. "123". */
  digits: string;
  /** UTF-16 length of the extension text from the end of the number, separators included. */
  length: number;
}

/** The extension that `rest` (the text right after a number) starts with, if any. */
export function extensionAfter(rest: string): ExtensionMatch | null {
  const m = EXT_BRACKETED.exec(rest) ?? EXT_PLAIN.exec(rest);
  return m?.[1] ? { digits: m[1], length: m[0].length } : null;
}

/** Splits "8 495 123-45-67 доб. 123" into the number and the extension digits. */
export function splitExtension(input: string): { number: string; extension?: string } {
  const m = EXT_AT_END.exec(input);
  if (!m?.[1] || m.index === 0) return { number: input };
  return { number: input.slice(0, m.index), extension: m[1] };
}
