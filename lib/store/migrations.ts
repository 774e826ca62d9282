import type { Transaction } from 'dexie';
import { openMissedIds } from '../journal/missed';
import type { NumberNormaliser } from '../journal/number-key';
import { toDialable } from '../phone/dialable';
import { derivedFields, type StoredCall } from './stored-call';

/**
 * Dexie upgrade steps of the call store, one function per version, each tested from every older
 * version (tests/unit/call-db-migrations.test.ts). Dexie runs them in order inside the upgrade
 * transaction, so they must only wait on that transaction.
 */

/**
 * Version 1 → 2: every call gains its number's match key (E.164, from the number as dialled or as
 * the PBX sent it) and its name-search entries; missed calls nobody talked about afterwards are
 * marked open, so they appear in the missed list and the badge.
 */
export async function upgradeToV2(tx: Transaction, normalise: NumberNormaliser): Promise<void> {
  const calls = tx.table<StoredCall, string>('calls');
  await calls.toCollection().modify((call: StoredCall) => {
    Object.assign(call, derivedFields(call, normalise));
  });
  const byNumber = new Map<string, StoredCall[]>();
  await calls.each((call) => {
    if (!call.remoteE164) return;
    const list = byNumber.get(call.remoteE164) ?? [];
    list.push(call);
    byNumber.set(call.remoteE164, list);
  });
  const open = new Set<string>();
  for (const list of byNumber.values()) for (const id of openMissedIds(list)) open.add(id);
  if (open.size > 0)
    await calls
      .where('id')
      .anyOf([...open])
      .modify({ missedOpen: 1 });
}

/**
 * The match key without numbering knowledge, until a context that knows the home country and
 * dialling rules sets a real normaliser: only numbers written with + are E.164.
 */
export const basicNormaliser: NumberNormaliser = (number) => {
  const dialable = toDialable(number);
  if (!dialable) return '';
  return dialable.startsWith('+') && !/[*#]/.test(dialable) ? dialable : dialable.replace(/^\+/, '');
};
