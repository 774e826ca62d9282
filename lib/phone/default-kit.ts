import { createPhoneKit } from './kit';
import { PHONE_METADATA } from './metadata-choice';

/**
 * The phone kit over the chosen metadata, bundled with it: for extension pages and tests. Content
 * scripts must not import this module (it carries the metadata); the background builds its own
 * kit over the fetched metadata with `createPhoneKit`.
 */
export const phone = createPhoneKit(PHONE_METADATA);

/** Phone numbers in a text; see `PhoneKit.findPhoneNumbers`. */
export const findPhoneNumbers = phone.findPhoneNumbers;
/** E.164 form for storage and matching, or null; see `PhoneKit.toE164`. */
export const toE164 = phone.toE164;
/** National display form; see `PhoneKit.formatNational`. */
export const formatNational = phone.formatNational;
/** International display form; see `PhoneKit.formatInternational`. */
export const formatInternational = phone.formatInternational;
/** Whether the metadata knows a region; see `PhoneKit.isSupportedCountry`. */
export const isSupportedCountry = phone.isSupportedCountry;
/** The string to dial under the dialling rules; see `PhoneKit.toDialString`. */
export const toDialString = phone.toDialString;
