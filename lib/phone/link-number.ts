/** Link schemes that already say "this is a phone number". */
const SCHEMES = ['tel:', 'callto:', 'sip:', 'sips:'];

/**
 * The number of a tel:, callto: or sip: link, as the dial request expects it: `tel:+7-495-123-45-67;ext=1`
 * → "+7-495-123-45-67", `callto://+48221234567` → "+48221234567", `sip:1002@pbx` → "1002". Null
 * when the link holds nothing dialable (the link is then left to the browser).
 */
export function linkNumber(href: string): string | null {
  const scheme = SCHEMES.find((s) => href.toLowerCase().startsWith(s));
  if (!scheme) return null;
  let rest = href.slice(scheme.length).replace(/^\/\//, '');
  try {
    rest = decodeURIComponent(rest);
  } catch {
    return null;
  }
  if (scheme.startsWith('sip')) rest = rest.split('@')[0] ?? '';
  const number = rest.split(/[;?]/)[0]?.trim() ?? '';
  return /^\+?[\d\s().\-*#]{2,40}$/.test(number) && /\d/.test(number) ? number : null;
}
