import type { CallRecord } from '../call/types';
import type { NumberNormaliser } from '../journal/number-key';
import { nameKeys } from '../journal/name-words';

/**
 * A call as the journal stores it: the record plus fields derived from it for the indexes. The
 * store keeps them up to date on every write (see `CallDb`), so no writer has to.
 */
export type StoredCall = CallRecord & {
  /** The remote number's match key: E.164, or an extension as dialled (see `numberKey`). */
  remoteE164: string;
  /** Name-search index entries (see `nameKeys`). */
  nameKeys: string[];
  /** Present (1) while the call is a missed call nobody has dealt with yet (see missed.ts). */
  missedOpen?: 1;
  /** When the agent marked this missed call as handled. */
  handledAt?: number;
};

/** The derived fields of a record, computed from the fields they depend on. */
export function derivedFields(
  call: CallRecord,
  normalise: NumberNormaliser,
): Pick<StoredCall, 'remoteE164' | 'nameKeys'> {
  return {
    remoteE164: normalise(call.remoteNumber, call.direction),
    nameKeys: nameKeys([call.remoteName, call.contactName, call.companyName], call.startedAt),
  };
}

/** Fields a change must touch for the derived fields to be computed again. */
export const DERIVED_FROM: readonly string[] = [
  'remoteE164',
  'nameKeys',
  'remoteNumber',
  'direction',
  'remoteName',
  'contactName',
  'companyName',
  'startedAt',
];

/** The record without the store's own fields (for messages, exports and the engine). */
export function plainRecord(call: StoredCall | CallRecord): CallRecord {
  const copy: Partial<StoredCall> = { ...call };
  delete copy.remoteE164;
  delete copy.nameKeys;
  delete copy.missedOpen;
  delete copy.handledAt;
  return copy as CallRecord;
}

/** The journal's own marks on a stored call, which a write of the plain record must keep. */
export function journalMarks(stored: StoredCall | undefined): Pick<StoredCall, 'missedOpen' | 'handledAt'> {
  if (!stored) return {};
  return {
    ...(stored.missedOpen ? { missedOpen: stored.missedOpen } : {}),
    ...(stored.handledAt !== undefined ? { handledAt: stored.handledAt } : {}),
  };
}
