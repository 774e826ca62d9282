import type { CallDirection } from '../call/types';
import type { RegionCode } from '../phone/countries';
import { DEFAULT_DIAL_RULES, type DialRules } from '../phone/dial-rules';
import { toDialable } from '../phone/dialable';
import type { PhoneKit } from '../phone/kit';

/**
 * What turns a stored number back into E.164: the home country (numbers written without a
 * country code) and the dialling rules that produced outbound numbers (`984951234567` is
 * `9` for an outside line + `8 495 123-45-67` dialled nationally).
 */
export interface Numbering {
  country: RegionCode;
  dialRules: DialRules;
}

/** Numbering before any settings are known: only numbers written with + or 00 become E.164. */
export const UNKNOWN_NUMBERING: Numbering = { country: 'ZZ', dialRules: DEFAULT_DIAL_RULES };

/** Turns a stored number into its match key; see {@link numberKey}. */
export type NumberNormaliser = (number: string, direction: CallDirection) => string;

/**
 * The key a call's remote number is stored and searched under: E.164 (`+74951234567`) for a phone
 * number, whatever form the PBX sent or the dialling rules produced; for what is no public number
 * (an extension such as `2000`, a feature code such as `*72`) the number without separators, which
 * never starts with +. Empty for an empty or undiallable number.
 *
 * Outbound numbers are as dialled, so the outside-line prefix is removed first and the home
 * country's international prefix read as +. Caller IDs of inbound calls never carry the
 * outside-line prefix, so it is left alone there.
 */
export function numberKey(
  kit: Pick<PhoneKit, 'toE164'>,
  numbering: Numbering,
  number: string,
  direction: CallDirection,
): string {
  const dialable = toDialable(number);
  if (!dialable) return '';
  if (/[*#]/.test(dialable)) return dialable.replace(/^\+/, '');
  const { dialRules: rules, country } = numbering;
  const digits = dialable.replace(/\D/g, '');
  if (!dialable.startsWith('+') && digits.length <= rules.extensionMaxDigits) return digits;
  let rest = dialable;
  const prefix = rules.outsideLinePrefix;
  if (
    direction === 'outbound' &&
    prefix &&
    rest.startsWith(prefix) &&
    rest.length - prefix.length > rules.extensionMaxDigits
  ) {
    rest = rest.slice(prefix.length);
  }
  const e164 = kit.toE164(rest, country) ?? (rest.startsWith('+') ? null : kit.toE164(`+${rest}`, country));
  return e164 ?? rest.replace(/^\+/, '');
}

/** A {@link NumberNormaliser} bound to one phone kit and numbering. */
export function numberNormaliser(kit: Pick<PhoneKit, 'toE164'>, numbering: Numbering): NumberNormaliser {
  return (number, direction) => numberKey(kit, numbering, number, direction);
}
