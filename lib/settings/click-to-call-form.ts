import { clickToCallSchema, siteListSchema, sitePatternSchema, type ClickToCall, type SiteMode } from './schema';

/** What the click-to-call form holds; the site lists as typed, one entry per line. */
export interface ClickToCallForm {
  enabled: boolean;
  defaultCountry: string;
  siteMode: SiteMode;
  blockedSites: string;
  allowedSites: string;
}

/**
 * One problem with a field: an i18n message key, and for a bad line of a site list its number
 * (from 1) and text, which the message shows as `$1` and `$2`.
 */
export interface FieldProblem {
  key: string;
  line?: number;
  text?: string;
}

/** Field name → its problems (a site list can have one per line). */
export type ClickToCallErrors = Partial<Record<keyof ClickToCallForm, FieldProblem[]>>;

/** Result of validating the form: settings, or problems per field. */
export type ClickToCallFormResult = { ok: true; clickToCall: ClickToCall } | { ok: false; errors: ClickToCallErrors };

/** The form filled from saved settings. */
export function formFromClickToCall(c: ClickToCall): ClickToCallForm {
  return {
    enabled: c.enabled,
    defaultCountry: c.defaultCountry,
    siteMode: c.siteMode,
    blockedSites: c.blockedSites.join('\n'),
    allowedSites: c.allowedSites.join('\n'),
  };
}

/** Validates the form; every bad line of a site list is reported with its number. */
export function clickToCallFromForm(form: ClickToCallForm): ClickToCallFormResult {
  const blocked = sitesFromText(form.blockedSites);
  const allowed = sitesFromText(form.allowedSites);
  const errors: ClickToCallErrors = {};
  if (blocked.problems.length) errors.blockedSites = blocked.problems;
  if (allowed.problems.length) errors.allowedSites = allowed.problems;
  const parsed = clickToCallSchema.safeParse({
    enabled: form.enabled,
    defaultCountry: form.defaultCountry,
    siteMode: form.siteMode,
    blockedSites: blocked.sites,
    allowedSites: allowed.sites,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof ClickToCallForm;
      errors[field] ??= [{ key: issue.message }];
    }
  }
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, clickToCall: parsed.data }
    : { ok: false, errors };
}

/** Reads a site list typed one entry per line; blank lines are skipped, line numbers kept. */
export function sitesFromText(text: string): { sites: string[]; problems: FieldProblem[] } {
  const sites: string[] = [];
  const problems: FieldProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const parsed = sitePatternSchema.safeParse(toAsciiHost(line));
    if (parsed.success) sites.push(parsed.data);
    else problems.push({ key: parsed.error.issues[0]?.message ?? 'errSitePattern', line: index + 1, text: clip(line) });
  });
  const list = siteListSchema.safeParse(sites);
  if (!list.success) problems.push({ key: list.error.issues[0]?.message ?? 'errTooManySites' });
  return { sites: list.success ? list.data : sites, problems };
}

/** Internationalised host names (`пример.рф`) as browsers report them: in punycode. */
function toAsciiHost(line: string): string {
  if (!/[^\x00-\x7f]/.test(line) || /[\s/:@?#[\]\\]/.test(line)) return line;
  const wildcard = line.startsWith('*.') ? '*.' : '';
  try {
    return wildcard + new URL(`http://${line.slice(wildcard.length)}`).hostname;
  } catch {
    return line;
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
