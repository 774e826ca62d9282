import * as z from 'zod/mini';
import { numberKey, numberNormaliser, UNKNOWN_NUMBERING, type Numbering } from '../../lib/journal/number-key';
import { phone } from '../../lib/phone/default-kit';
import { phoneSettingsSchema } from '../../lib/protocol/pages';
import { CallDb } from '../../lib/store/call-db';
import { request } from '../page-request';

/** The journal as a page uses it: the store, and how typed numbers become match keys. */
export interface JournalDb {
  db: CallDb;
  numbering: Numbering;
  /** A searched number's match key (E.164 where it is a phone number), or null. */
  toKey: (number: string) => string | null;
}

let opened: Promise<JournalDb> | undefined;

/**
 * Opens the store with the agent's numbering (asked of the background), so that an upgrade run
 * from this page turns old numbers into E.164 exactly as the engine does for new calls.
 */
export function openJournalDb(): Promise<JournalDb> {
  opened ??= (async () => {
    const reply = z.safeParse(phoneSettingsSchema, await request({ type: 'getPhoneSettings' }).catch(() => null));
    const numbering: Numbering = reply.success
      ? { country: reply.data.clickToCall.defaultCountry, dialRules: reply.data.dialRules }
      : UNKNOWN_NUMBERING;
    const db = new CallDb({ normalise: numberNormaliser(phone, numbering) });
    await db.open();
    return { db, numbering, toKey: (n) => numberKey(phone, numbering, n, 'inbound') || null };
  })();
  return opened;
}
