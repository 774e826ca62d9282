/** Most words of one call kept for name search (caller name, contact, company). */
export const MAX_NAME_WORDS = 12;
/** Longest word kept; a search longer than this still matches its first characters. */
export const MAX_WORD_LENGTH = 24;

/** Lower-case words of a text: letters and digits in any script; case and accents as typed folded. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase('en')
      // ё and е are one letter to people searching.
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The entries of the name index for a call: each distinct word of its names, cut to
 * {@link MAX_WORD_LENGTH}, followed by `\u0001` and the call's start time in a sortable form. The
 * time suffix makes one word's calls come out of the index newest-first, so a name search reads
 * only the keys of the page it shows.
 */
export function nameKeys(names: readonly (string | undefined)[], startedAt: number): string[] {
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const own = wordsOf(name)
      .slice(0, MAX_NAME_WORDS)
      .map((w) => w.slice(0, MAX_WORD_LENGTH));
    for (const w of own) if (words.size < MAX_NAME_WORDS) words.add(w);
    // Each ordered pair of one name's first words ("anna petrova", "petrova anna"), so that a
    // search for a full name reads that person's calls directly.
    const first = own.slice(0, MAX_PAIR_WORDS);
    for (const a of first) for (const b of first) if (a !== b) pairs.add(`${a}${PAIR}${b}`);
  }
  const time = timeKey(startedAt);
  return [...words, ...pairs].map((w) => `${w}\u0001${time}`);
}

/** Joins the two words of a pair entry (sorts before every letter and after the time separator). */
export const PAIR = '\u0002';
/** Words of one name that form pairs (3 words give 6 pairs). */
export const MAX_PAIR_WORDS = 3;

/** A start time as a fixed-width string that sorts like the number (epoch ms up to year 5138). */
export function timeKey(startedAt: number): string {
  return Math.max(0, Math.floor(startedAt)).toString(36).padStart(9, '0');
}

/** The start time encoded in a name-index entry. */
export function timeOfNameKey(key: string): number {
  return Number.parseInt(key.slice(key.indexOf('\u0001') + 1), 36);
}
