import parsePhoneNumberFromString, {
  Metadata,
  getCountryCallingCode,
  isSupportedCountry as metadataHasCountry,
} from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson, PhoneNumber } from 'libphonenumber-js/core';
import type { RegionCode } from './countries';
import { toDialString, type DialPlan, type DialResult } from './dial';
import type { DialRules } from './dial-rules';
import { splitExtension } from './extension';
import { findPhones, type FoundPhone } from './find';
import { LruMemo } from './memo';

export type { DialResult } from './dial';
export type { FoundPhone } from './find';

/** Distinct (country, candidate) pairs remembered; CRM pages repeat the same few hundred numbers. */
export const PARSE_MEMO_SIZE = 5_000;

/**
 * Phone-number detection, normalisation and dialling over one numbering-plan metadata set.
 * Every member is a plain function (safe to destructure).
 */
export interface PhoneKit {
  /**
   * Phone numbers in `text`, in order, valid in the numbering plan: international ones (+…, or
   * 00… / the country's IDD) anywhere, national ones in `defaultCountry`, with the trunk prefix
   * where the country requires it. Dates, prices, IDs and the like are vetoed (`negatives.ts`,
   * `context.ts`).
   */
  findPhoneNumbers: (text: string, opts: { defaultCountry: RegionCode }) => FoundPhone[];
  /**
   * E.164 form for storage and matching ("8 (495) 123-45-67" → "+74951234567"), or null. Accepts
   * any way people write a number, an extension after it (dropped) and 00 as an international
   * prefix even where the IDD differs (RU 810). Numbers with a possible length that the metadata
   * does not list as valid are still converted: caller IDs from new ranges must match their notes.
   */
  toE164: (input: string, defaultCountry: RegionCode) => string | null;
  /** National display form ("+74951234567" → "8 (495) 123-45-67"); the input as is when unparseable. */
  formatNational: (e164: string) => string;
  /** International display form ("+74951234567" → "+7 495 123 45 67"); the input as is when unparseable. */
  formatInternational: (e164: string) => string;
  /** The national significant number of an E.164 number ("+74951234567" → "4951234567"); digits when unparseable. */
  nationalNumber: (e164: string) => string;
  /** Whether the metadata knows the region `code` ("RU"). */
  isSupportedCountry: (code: string) => boolean;
  /** The string to dial for `input` under `rules` from `homeCountry`; see `toDialString` in dial.ts. */
  toDialString: (input: string, rules: DialRules, homeCountry: RegionCode) => DialResult;
}

interface Checked {
  phone: PhoneNumber;
  valid: boolean;
}

interface Parsed {
  e164: string;
  valid: boolean;
  /** Written in national form without the trunk prefix its country requires ("30 12345678" in DE). */
  prefixMissing: boolean;
}

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** Typed or pasted input as libphonenumber reads it: thin and narrow spaces are no punctuation to it. */
const clean = (input: string): string => input.replace(/[\u2007\u2009\u200a\u202f]/g, ' ').trim();

/**
 * Whether `phone` written nationally without its trunk prefix is not how people write it, in
 * libphonenumber's terms (Google's matcher rejects such numbers too): DE, FR, GB, UA, BY require
 * the 0 or 8; RU, KZ and the US do not ("(495) 123-45-67", "(212) 555-0123").
 */
function isPrefixMissing(input: string, phone: PhoneNumber): boolean {
  if (input.startsWith('+') || digitsOf(input) !== phone.nationalNumber) return false;
  const national = digitsOf(phone.formatNational());
  return national !== phone.nationalNumber && national === digitsOf(phone.formatNational({ nationalPrefix: false }));
}

/**
 * Builds a {@link PhoneKit} over `metadata` (libphonenumber-js `metadata.{min,mobile,max}.json`
 * or a custom set). The metadata is passed in rather than imported so that the caller decides
 * which set is loaded and when: the background loads it once, pages never do.
 */
export function createPhoneKit(metadata: MetadataJson): PhoneKit {
  const memo = new LruMemo<Parsed | null>(PARSE_MEMO_SIZE);
  const iddCache = new Map<string, string | undefined>();

  const isSupportedCountry = (code: string): code is CountryCode =>
    /^[A-Z]{2}$/.test(code) && metadataHasCountry(code as CountryCode, metadata);

  const countryOf = (code: RegionCode): CountryCode | undefined => (isSupportedCountry(code) ? code : undefined);

  /**
   * Parses like a user means it: 00 is read as + when the default country's IDD did not fit.
   * Validity is computed once here: `isValid()` is the costly part of parsing.
   */
  const parse = (input: string, country: CountryCode | undefined): Checked | undefined => {
    const phone = parsePhoneNumberFromString(input, { defaultCountry: country, extract: false }, metadata);
    const checked = phone && { phone, valid: phone.isValid() };
    if (checked?.valid) return checked;
    const idd = /^\s*00[\s\u00a0]*(?=[1-9])/.exec(input);
    if (!idd) return checked;
    const plus = parsePhoneNumberFromString(`+${input.slice(idd[0].length)}`, { extract: false }, metadata);
    return plus?.isValid() ? { phone: plus, valid: true } : checked;
  };

  const parsed = (input: string, country: CountryCode | undefined): Parsed | null =>
    memo.get(`${country ?? ''}\u0000${input}`, () => {
      const checked = parse(input, country);
      if (!checked || !(checked.valid || checked.phone.isPossible())) return null;
      const { phone, valid } = checked;
      return { e164: phone.number, valid, prefixMissing: valid && isPrefixMissing(input, phone) };
    });

  const plan: DialPlan = {
    parse: (input, country) => {
      const checked = parse(clean(input), countryOf(country));
      return checked && (checked.valid || checked.phone.isPossible()) ? checked.phone : undefined;
    },
    callingCode: (country) => {
      const code = countryOf(country);
      return code ? getCountryCallingCode(code, metadata) : undefined;
    },
    iddPrefix: (country) => {
      if (!iddCache.has(country)) iddCache.set(country, iddPrefixOf(metadata, countryOf(country)));
      return iddCache.get(country);
    },
  };

  // Every number found on a page is shown in international form: formatting is memoised like parsing.
  const displays = new LruMemo<string>(PARSE_MEMO_SIZE);
  const display = (e164: string, national: boolean): string =>
    displays.get(`${national ? 'n' : 'i'}${e164}`, () => {
      const phone = parsePhoneNumberFromString(e164, { extract: false }, metadata);
      if (!phone) return e164;
      return national ? phone.formatNational() : phone.formatInternational();
    });

  return {
    findPhoneNumbers: (text, { defaultCountry }) => {
      const country = countryOf(defaultCountry);
      return findPhones(text, (candidate) => {
        const hit = parsed(candidate, country);
        return hit?.valid && !hit.prefixMissing ? hit.e164 : null;
      });
    },
    toE164: (input, defaultCountry) => {
      const number = clean(splitExtension(input.trim()).number);
      return number ? (parsed(number, countryOf(defaultCountry))?.e164 ?? null) : null;
    },
    formatNational: (e164) => display(e164, true),
    formatInternational: (e164) => display(e164, false),
    nationalNumber: (e164) =>
      parsePhoneNumberFromString(e164, { extract: false }, metadata)?.nationalNumber ?? e164.replace(/\D/g, ''),
    isSupportedCountry,
    toDialString: (input, rules, homeCountry) => toDialString(input, rules, homeCountry, plan),
  };
}

/**
 * The single IDD prefix dialled from `country` (its preferred one when several exist), without
 * libphonenumber's "~" (wait for a second dial tone, as in RU 8~10); undefined when the metadata
 * only has a pattern.
 */
function iddPrefixOf(metadata: MetadataJson, country: CountryCode | undefined): string | undefined {
  if (!country) return undefined;
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan(country);
  const prefix = plan.numberingPlan?.defaultIDDPrefix() ?? plan.numberingPlan?.IDDPrefix();
  const digits = prefix?.replace(/~/g, '');
  return digits && /^\d+$/.test(digits) ? digits : undefined;
}
