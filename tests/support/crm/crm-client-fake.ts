import type { CrmCall, CrmClient, CrmRecord, LogDetails, RecordKind, RecordRef } from '../../../providers/crm/types';

/** A CrmClient in memory that records what it was asked, for tests of what sits around adapters. */
export function fakeCrmClient(records: CrmRecord[] = []): CrmClient & {
  calls: Array<[string, ...unknown[]]>;
  logs: Array<{ call: CrmCall; details: LogDetails; record: RecordRef | null }>;
} {
  const calls: Array<[string, ...unknown[]]> = [];
  const logs: Array<{ call: CrmCall; details: LogDetails; record: RecordRef | null }> = [];
  let next = 1;
  return {
    calls,
    logs,
    lookupByNumber(e164) {
      calls.push(['lookupByNumber', e164]);
      return Promise.resolve(records.filter((r) => r.phones.includes(e164)));
    },
    search(query) {
      calls.push(['search', query]);
      return Promise.resolve(records.filter((r) => r.title.toLowerCase().includes(query.toLowerCase())));
    },
    related(record) {
      calls.push(['related', record.id]);
      return Promise.resolve([]);
    },
    create(kind: RecordKind, prefill) {
      calls.push(['create', kind, prefill]);
      const r: CrmRecord = {
        connection: 'fake',
        kind,
        id: `new-${next++}`,
        title: prefill.name,
        fields: [],
        phones: prefill.phone ? [prefill.phone] : [],
      };
      records.push(r);
      return Promise.resolve(r);
    },
    link(call, record) {
      calls.push(['link', call.id, record.id]);
      return Promise.resolve();
    },
    logCall(call, details, record) {
      calls.push(['logCall', call.id, record?.id ?? null]);
      const seen = logs.findIndex((l) => l.call.id === call.id && l.record?.id === record?.id);
      if (seen < 0) logs.push({ call, details, record });
      return Promise.resolve({ id: `log-${call.id}` });
    },
    recordUrl: (r) => `https://crm.example.com/${r.kind}/${r.id}`,
    dispositions: () => Promise.resolve([{ id: 'ok', label: 'Connected' }]),
  };
}
