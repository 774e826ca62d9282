/**
 * Which web sites click-to-call works on. Site entries are host patterns: `crm.example.com`
 * names that host only, `*.example.com` names example.com and every host under it.
 */
import type { ClickToCall } from './schema';

/** The host of a web page's URL (lower-case, as `URL.hostname` gives it), or null for non-web pages. */
export function hostOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname ? normalizeHost(parsed.hostname) : null;
}

/** The site entry that names exactly `host` (no wildcard). */
export function sitePatternFor(host: string): string {
  return normalizeHost(host);
}

/** Whether `pattern` (`crm.example.com` or `*.example.com`) covers `host`. */
export function matchesSite(host: string, pattern: string): boolean {
  const h = normalizeHost(host);
  const p = pattern.trim().toLowerCase();
  if (!p.startsWith('*.')) return h === p;
  const domain = p.slice(2);
  return h === domain || h.endsWith(`.${domain}`);
}

/**
 * Whether click-to-call works on `host`: never when switched off globally or when a blocked entry
 * covers the host; otherwise everywhere (`all-except-blocked`) or only where an allowed entry
 * covers it (`only-allowed`).
 */
export function isClickToCallOn(clickToCall: ClickToCall, host: string): boolean {
  if (!clickToCall.enabled) return false;
  if (clickToCall.blockedSites.some((p) => matchesSite(host, p))) return false;
  if (clickToCall.siteMode === 'only-allowed') return clickToCall.allowedSites.some((p) => matchesSite(host, p));
  return true;
}

/**
 * Turns click-to-call on or off for one host and returns the new settings (the global switch is
 * left alone). Only the exact host is added to a list; turning a host on removes every blocked
 * entry that covers it, wildcards included, since a blocked entry always wins. Afterwards, with
 * the global switch on, {@link isClickToCallOn} for `host` is `enabled`.
 */
export function setSiteEnabled(clickToCall: ClickToCall, host: string, enabled: boolean): ClickToCall {
  const site = sitePatternFor(host);
  const covers = (p: string) => matchesSite(site, p);
  let { blockedSites, allowedSites } = clickToCall;
  if (enabled) {
    blockedSites = blockedSites.filter((p) => !covers(p));
    if (clickToCall.siteMode === 'only-allowed' && !allowedSites.some(covers)) allowedSites = [...allowedSites, site];
  } else if (clickToCall.siteMode === 'only-allowed') {
    allowedSites = allowedSites.filter((p) => p !== site);
    // Still allowed by a wildcard: block the host itself rather than its neighbours.
    if (allowedSites.some(covers) && !blockedSites.some(covers)) blockedSites = [...blockedSites, site];
  } else if (!blockedSites.some(covers)) {
    blockedSites = [...blockedSites, site];
  }
  return { ...clickToCall, blockedSites, allowedSites };
}

function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}
