/**
 * Turns what an agent typed or clicked into digits the PBX can route: keeps a leading +, digits,
 * * and #; drops spaces, dashes, dots and brackets. Returns null when nothing dialable is left or
 * anything else is in the input, so the caller can say what is wrong.
 */
export function toDialable(input: string): string | null {
  const compact = input.trim().replace(/[\s\-().\u00a0]/g, '');
  return /^\+?[0-9*#]{1,32}$/.test(compact) ? compact : null;
}
