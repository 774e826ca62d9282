import type { CallRecord } from '../call/types';
import type { StoredCall } from '../store/stored-call';
import type { CallDb } from '../store/call-db';

/** The history's columns for a call, as Oktell's Calls list has them. */
export interface CallColumns {
  /** Who called: the caller for inbound calls, the agent for outbound ones. */
  from: string;
  to: string;
  /**
   * The contact and company: from the CRM when an adapter linked one (`contactName`,
   * `companyName`), else the caller's display name as the PBX sent it.
   */
  contact: string;
  company: string;
}

/** The columns of a call; `remote` is how the remote number is shown. */
export function callColumns(c: CallRecord, remote: string): CallColumns {
  return {
    from: c.direction === 'inbound' ? remote : c.localNumber,
    to: c.direction === 'inbound' ? c.localNumber : remote,
    contact: c.contactName ?? c.remoteName,
    company: c.companyName ?? '',
  };
}

/**
 * The distinct values of the first part of a compound `[x+startedAt]` index (accounts, queues),
 * one index step per value: cheap however many calls there are.
 */
export async function distinctValues(
  db: CallDb,
  index: '[account+startedAt]' | '[queue+startedAt]',
): Promise<string[]> {
  const out: string[] = [];
  let next: StoredCall | undefined = await db.calls.orderBy(index).first();
  while (next && out.length < 200) {
    const value = index === '[account+startedAt]' ? next.account : next.queue;
    if (value === undefined) break;
    out.push(value);
    next = await db.calls.where(index).above([value, Infinity]).first();
  }
  return out;
}
