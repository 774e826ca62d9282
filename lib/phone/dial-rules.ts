import { z } from 'zod';

/**
 * How a number becomes the string the PBX is asked to dial. PBXs differ: some want a digit for
 * an outside line, some cannot route a leading +, some expect domestic numbers with the national
 * trunk prefix (8 495… in Russia, 0 30… in Germany). Error messages are i18n message keys.
 */
export const dialRulesSchema = z.object({
  /** Digits dialled before any outside (non-extension) number, e.g. "9"; empty for none. */
  outsideLinePrefix: z
    .string()
    .trim()
    .regex(/^[0-9*#]{0,4}$/, 'errOutsidePrefix'),
  /**
   * How numbers are sent: `plus` → +74951234567, `digits` → 74951234567 (the + stripped),
   * `idd` → with the home country's international prefix (810… from RU, 00… from PL, 011… from US).
   */
  international: z.enum(['plus', 'digits', 'idd']),
  /**
   * Numbers in the home (default) country: `international` → as above; `national` → with the
   * national trunk prefix, as dialled at home (8 495 123-45-67 → 84951234567).
   */
  domestic: z.enum(['international', 'national']),
  /** Inputs with at most this many digits are internal extensions: dialled as typed, no prefix. */
  extensionMaxDigits: z.number().int().min(0, 'errExtensionDigits').max(8, 'errExtensionDigits'),
});
/** Validated dialling rules. */
export type DialRules = z.infer<typeof dialRulesSchema>;

/** Rules of a fresh install: E.164 with +, which SIP trunks and most PBXs route. */
export const DEFAULT_DIAL_RULES: DialRules = {
  outsideLinePrefix: '',
  international: 'plus',
  domestic: 'international',
  extensionMaxDigits: 5,
};
