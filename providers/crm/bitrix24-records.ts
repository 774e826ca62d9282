import { CrmError } from './errors';
import { crmRecord, fields, idOf, joinName, maybeObject, text } from './normalize';
import type { CrmCall, CrmRecord, RecordKind, RecordRef } from './types';

/**
 * Bitrix24's objects as the adapter (bitrix24.ts) maps them: owner types and entity paths, the
 * fields it selects, error codes in answers, records of contacts, companies and leads, and the
 * fields of a call activity.
 */

/** Bitrix24's owner type ids (crm.enum.ownertype). */
export const OWNER_TYPE: Partial<Record<RecordKind, number>> = { lead: 1, deal: 2, contact: 3, company: 4 };
export const ENTITY: Partial<Record<RecordKind, string>> = {
  contact: 'contact',
  company: 'company',
  lead: 'lead',
  deal: 'deal',
};

/** Bitrix24 error codes (in the JSON body) that mean something other than the HTTP status says. */
export function mapError(status: number, body: unknown): CrmError | undefined {
  const code = text(maybeObject(body).error, 64);
  if (!code) return undefined;
  if (code === 'QUERY_LIMIT_EXCEEDED' || code === 'OPERATION_TIME_LIMIT')
    return new CrmError('rate-limited', code, 1000);
  if (/^(INVALID_CREDENTIALS|NO_AUTH_FOUND|expired_token|invalid_token|WRONG_AUTH_TYPE)$/i.test(code))
    return new CrmError('auth', code);
  if (/^(ACCESS_DENIED|insufficient_scope|INVALID_REQUEST)$/i.test(code)) return new CrmError('forbidden', code);
  if (code === 'NOT_FOUND') return new CrmError('not-found', code);
  // Other codes: the HTTP status decides (a 500 stays a server error), and an error in a 200 is a refusal.
  return status < 300 ? new CrmError('invalid', `bitrix24: ${code}`) : undefined;
}

export const CONTACT_SELECT = [
  'ID',
  'NAME',
  'SECOND_NAME',
  'LAST_NAME',
  'COMPANY_ID',
  'POST',
  'PHONE',
  'EMAIL',
  'COMMENTS',
];
export const COMPANY_SELECT = ['ID', 'TITLE', 'PHONE', 'EMAIL', 'INDUSTRY', 'COMMENTS'];
export const LEAD_SELECT = ['ID', 'TITLE', 'NAME', 'LAST_NAME', 'COMPANY_TITLE', 'STATUS_ID', 'PHONE', 'EMAIL'];

/** Contacts, companies and leads of Bitrix24 as bounded records. */
export function bitrixRecords(connection: string, urlOf: (kind: RecordKind, id: string) => string | undefined) {
  const phonesOf = (v: unknown): unknown[] => (Array.isArray(v) ? v.map((p) => maybeObject(p).VALUE) : []);
  const emailsOf = (v: unknown): string =>
    Array.isArray(v)
      ? v
          .map((p) => text(maybeObject(p).VALUE))
          .filter(Boolean)
          .join(', ')
      : '';

  const record = (kind: RecordKind, raw: unknown, companyNames: Map<string, string> = new Map()): CrmRecord | null => {
    const r = maybeObject(raw);
    const id = idOf(r.ID);
    if (!id) return null;
    const title =
      kind === 'company'
        ? r.TITLE
        : kind === 'lead'
          ? joinName(r.NAME, r.LAST_NAME) || r.TITLE
          : joinName(r.NAME, r.SECOND_NAME, r.LAST_NAME);
    const company =
      kind === 'contact' ? companyNames.get(text(r.COMPANY_ID)) : kind === 'lead' ? r.COMPANY_TITLE : undefined;
    return crmRecord({
      connection,
      kind,
      id,
      title,
      subtitle: company ?? '',
      url: urlOf(kind, id),
      fields: fields([
        ['position', 'Position', r.POST],
        ['email', 'Email', emailsOf(r.EMAIL)],
        [
          'phone',
          'Phone',
          phonesOf(r.PHONE)
            .map((p) => text(p))
            .join(', '),
        ],
        ['status', 'Status', r.STATUS_ID],
        ['industry', 'Industry', r.INDUSTRY],
        ['comments', 'Comments', r.COMMENTS],
      ]),
      phones: phonesOf(r.PHONE),
    });
  };

  return record;
}

export function activityFields(
  c: CrmCall,
  details: { subject: string; summary: string },
  ownerType: number,
  ref: RecordRef,
  userId: string,
  originId: string,
) {
  const start = new Date(c.answeredAt ?? c.startedAt).toISOString();
  const end = new Date(c.endedAt ?? c.answeredAt ?? c.startedAt).toISOString();
  return {
    OWNER_TYPE_ID: ownerType,
    OWNER_ID: ref.id,
    TYPE_ID: 2,
    SUBJECT: details.subject,
    DESCRIPTION: details.summary,
    DESCRIPTION_TYPE: 1,
    DIRECTION: c.direction === 'inbound' ? 1 : 2,
    START_TIME: start,
    END_TIME: end,
    COMPLETED: 'Y',
    RESPONSIBLE_ID: userId,
    COMMUNICATIONS: [{ VALUE: c.remote, ENTITY_ID: ref.id, ENTITY_TYPE_ID: ownerType }],
    ORIGIN_ID: originId,
  };
}
