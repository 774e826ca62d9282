import type { CountryCode, PhoneNumber } from 'libphonenumber-js/core';
import type { RegionCode } from './countries';
import type { DialRules } from './dial-rules';
import { toDialable } from './dialable';
import { splitExtension } from './extension';

/** What to send to the PBX, or why the input cannot be dialled (an i18n message key). */
export type DialResult =
  | {
      ok: true;
      /** The digits (and +, *, #) to put in the SIP request URI. */
      dial: string;
      /** Extension written after the number ("доб. 123"): not dialled, for DTMF after answer. */
      extension?: string;
    }
  | { ok: false; error: 'errNumber' };

/** The numbering-plan look-ups `toDialString` needs, bound to the kit's metadata. */
export interface DialPlan {
  /**
   * `input` (a number without extension) parsed with `country` as default, when it has a possible
   * length there, else undefined.
   */
  parse: (input: string, country: RegionCode) => PhoneNumber | undefined;
  /** Digits dialled from `country` to reach abroad (810 from RU, 00 from PL, 011 from US), if known. */
  iddPrefix: (country: RegionCode) => string | undefined;
  /** Country calling code of `country` ("7"), undefined when the metadata does not know it. */
  callingCode: (country: RegionCode) => string | undefined;
}

/**
 * Turns what the agent typed or clicked into the string sent to the PBX, by `rules`:
 *
 * 1. Anything with `*` or `#` is a PBX feature code (*72, *72 5551234, #31#): dialled as typed,
 *    separators removed, never prefixed.
 * 2. At most `extensionMaxDigits` digits and no `+`: an internal extension, dialled as typed.
 * 3. A number with a possible length in its country (the home country is the default) is
 *    formatted by the rules. Domestic means "same country calling code as home", so from RU a KZ
 *    number (+7 7xx) and from US a Canadian one are domestic, as their dial plans are shared:
 *    `domestic: 'national'` dials them as at home, trunk prefix included (RU 84951234567,
 *    DE 030123456, PL 221234567 as PL has none, US 12125550123); otherwise, and for foreign
 *    numbers, `international` applies: `plus` +48221234567, `digits` 48221234567, `idd` with the
 *    home IDD prefix (RU 81048221234567, PL 00…, US 011…; + when the home IDD is unknown).
 *    `outsideLinePrefix` comes first.
 * 4. Anything else `toDialable` accepts is sent unchanged (separators removed), with the outside
 *    line prefix when it has more than `extensionMaxDigits` digits.
 *
 * Dashes, thin spaces and slashes pasted from pages count as separators; `toDialable` stays the
 * check of what may be sent.
 *
 * An extension written after the number is not dialled: it is returned for DTMF.
 */
export function toDialString(input: string, rules: DialRules, home: RegionCode, plan: DialPlan): DialResult {
  const { number, extension } = splitExtension(normalise(input));
  const dialable = toDialable(number);
  if (!dialable) return { ok: false, error: 'errNumber' };
  const withExt = (dial: string): DialResult => (extension ? { ok: true, dial, extension } : { ok: true, dial });
  if (/[*#]/.test(dialable)) return withExt(dialable);
  const digits = dialable.replace(/\D/g, '').length;
  if (!dialable.startsWith('+') && digits <= rules.extensionMaxDigits) return withExt(dialable);
  const parsed = plan.parse(number, home);
  if (!parsed) return withExt(digits > rules.extensionMaxDigits ? rules.outsideLinePrefix + dialable : dialable);
  return withExt(rules.outsideLinePrefix + format(parsed, rules, home, plan));
}

/** Separators pasted from pages that `toDialable` does not know: dashes, thin spaces, the slash of "089/1234567". */
function normalise(input: string): string {
  return input
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2007\u2009\u200a\u202f/]/g, ' ')
    .trim();
}

function format(phone: PhoneNumber, rules: DialRules, home: RegionCode, plan: DialPlan): string {
  if (rules.domestic === 'national' && phone.countryCallingCode === plan.callingCode(home)) {
    // From the same calling code libphonenumber's IDD format is the number as dialled at home;
    // `home` is a known country here, as it has a calling code.
    const national = phone.format('IDD', { fromCountry: home as CountryCode });
    if (national) return national.replace(/\D/g, '');
  }
  switch (rules.international) {
    case 'plus':
      return phone.number;
    case 'digits':
      return phone.number.slice(1);
    case 'idd': {
      const idd = plan.iddPrefix(home);
      return idd ? idd + phone.countryCallingCode + phone.nationalNumber : phone.number;
    }
  }
}
