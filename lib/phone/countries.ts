import { z } from 'zod';

/**
 * An ISO 3166-1 alpha-2 region, as libphonenumber-js names countries. Whether the metadata knows
 * the region is checked where the metadata is loaded (`isSupportedCountry`).
 */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'errCountry');
/** A two-letter region code such as "RU" or "PL". */
export type RegionCode = z.infer<typeof countryCodeSchema>;

/** Where a language is spoken by most of our users when the locale names no region. */
const LANGUAGE_HOME: Readonly<Record<string, RegionCode>> = {
  ru: 'RU',
  pl: 'PL',
  uk: 'UA',
  kk: 'KZ',
  be: 'BY',
  de: 'DE',
  fr: 'FR',
  en: 'US',
};

/**
 * The default country guessed from the browser's locales (`navigator.languages`): the first
 * locale with a region wins (`pl-PL` → PL), else the home of the first known language (`ru` → RU),
 * else US. The agent can change it in the options.
 */
export function guessCountry(locales: readonly string[]): RegionCode {
  for (const locale of locales) {
    const region = /^[a-z]{2,3}[-_](?:[A-Za-z]{4}[-_])?([A-Za-z]{2})\b/i.exec(locale)?.[1];
    if (region) return region.toUpperCase();
  }
  for (const locale of locales) {
    const home = LANGUAGE_HOME[locale.slice(0, 2).toLowerCase()];
    if (home) return home;
  }
  return 'US';
}
