/**
 * A display name as received in From/P-Asserted-Identity, made fit to show: SIP.js keeps the
 * quoted-string escapes of RFC 3261 (`\"`, `\\`), so they are undone here; control characters
 * become spaces; the result is bounded. It stays hostile text and is only ever rendered as text.
 */
export function cleanDisplayName(raw: string | undefined, max = 256): string {
  if (!raw) return '';
  return raw
    .replace(/\\([\s\S])/g, '$1')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, max);
}

/** The user part of a caller's URI, bounded; empty when anonymous. */
export function cleanNumber(raw: string | undefined, max = 128): string {
  return (raw ?? '').replace(/[\u0000-\u001f\u007f]+/g, '').slice(0, max);
}
