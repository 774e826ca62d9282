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
  for (const name of names) {
    if (!name) continue;
    for (const w of wordsOf(name)) {
      if (words.size >= MAX_NAME_WORDS) break;
      words.add(w.slice(0, MAX_WORD_LENGTH));
    }
  }
  const time = timeKey(startedAt);
  return [...words].map((w) => `${w}\u0001${time}`);
}

/** A start time as a fixed-width string that sorts like the number (epoch ms up to year 5138). */
export function timeKey(startedAt: number): string {
  return Math.max(0, Math.floor(startedAt)).toString(36).padStart(9, '0');
}

/** The start time encoded in a name-index entry. */
export function timeOfNameKey(key: string): number {
  return Number.parseInt(key.slice(key.indexOf('\u0001') + 1), 36);
}
