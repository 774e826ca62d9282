import type { RecordRef } from '../../providers/crm/types';

/**
 * Idempotency keys of outbox jobs: the same write always gets the same key, so it is queued and
 * sent at most once. A call is logged once per connection and record (the call id is the key the
 * CRM side sees too).
 */
export function logJobKey(connection: string, callId: string, record: Pick<RecordRef, 'kind' | 'id'> | null): string {
  return `log|${connection}|${callId}|${record ? `${record.kind}:${record.id}` : '-'}`;
}

/** One number attached to one record. */
export function attachJobKey(connection: string, record: Pick<RecordRef, 'kind' | 'id'>, number: string): string {
  return `attach|${connection}|${record.kind}:${record.id}|${number}`;
}

/** A record the agent asked to create (each request is its own). */
export function createJobKey(connection: string, requestId: string): string {
  return `create|${connection}|${requestId}`;
}
