import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';

/**
 * The libphonenumber-js metadata set the extension uses: `max`. Measured with
 * `npx tsx scripts/measure-phone-metadata.ts` (libphonenumber-js 1.13.16; 121 positive texts with
 * 131 numbers, 86 negative texts each checked in 9 home countries):
 *
 * | set    | TP  | FP | FN | E.164 ≠ | kB  | gzip kB | random | µs plain | µs CRM | µs CRM rep. | µs lib find |
 * | ------ | --- | -- | -- | ------- | --- | ------- | ------ | -------- | ------ | ----------- | ----------- |
 * | min    | 131 | 0  | 0  | 0       | 81  | 18.8    | 17.6 % | 15–21    | 23–40  | 13–17       | 140–188     |
 * | mobile | 52  | 0  | 79 | 0       | 97  | 23.3    | 2.9 %  | 14–20    | 23–34  | 10–16       | 185–233     |
 * | max    | 131 | 0  | 0  | 0       | 153 | 38.5    | 7.9 %  | 13–21    | 22–30  | 10–14       | 147–285     |
 *
 * µs: per number over 20,000 one-number texts, fresh kit, under tsx on a shared 2-core machine
 * (ranges over 6 runs; the same kit bundled by esbuild took 11 µs per distinct number, 2.6 µs per
 * memoised one). "plain" texts are the number alone; "CRM" rows add a name, a date, an amount and
 * an order ID; "rep." draws the numbers from 2,000; "lib find" is libphonenumber's
 * `findPhoneNumbersInText` over the CRM rows. "random": share of random unformatted 7–12 digit
 * runs (homes RU, PL, DE, US) detected as numbers.
 *
 * `min` only checks lengths, so it links twice as many stray IDs as `max`, which checks the digits
 * against each country's ranges; the corpus shows no false positive for `min` only thanks to the
 * kit's own vetoes. `mobile` misses every landline. `max` is no slower (libphonenumber's parsing
 * dominates either way) and its extra 20 kB gzipped is loaded once, by the background, never by
 * pages. Whoever ships the metadata file (wxt.config.ts copies it for the background to fetch)
 * must follow this choice.
 */
export const PHONE_METADATA_SET = 'max';

/** The chosen metadata, bundled: for extension pages and tests. The background fetches its own copy. */
export const PHONE_METADATA: MetadataJson = metadata;
