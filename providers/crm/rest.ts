import { z } from 'zod';
import { defineAdapter, originPattern } from './define';
import { CrmError, unsupported } from './errors';
import { requestJson } from './http';
import { crmRecord, group, httpUrl, idOf, item, matches, maybeObject, text } from './normalize';
import { atPath, fillJson, fillUrl, isJsonTemplate, unknownPlaceholders, type TemplateValues } from './template';
import {
  RECORD_KINDS,
  type AdapterDeps,
  type Capability,
  type CrmCall,
  type CrmClient,
  type CrmRecord,
  type LogDetails,
  type RecordKind,
} from './types';

/**
 * Any CRM with a JSON API, configured in the options page without code: URL templates with
 * placeholders (`{e164}`, `{number}`, `{query}`, `{id}`…), headers (the token), and dot paths that
 * say where the records and their fields are in the answer. Writes send `Idempotency-Key: <call
 * id>` so a server that honours it never logs a call twice.
 */

const urlTemplate = z
  .string()
  .trim()
  .max(1024, 'errTooLong')
  .refine((s) => s === '' || /^https?:\/\/[^\s/?#{}]+/i.test(s), 'errCrmUrl')
  .refine((s) => unknownPlaceholders(s).length === 0, 'errTemplatePlaceholder');
const jsonTemplate = z.string().max(4000, 'errTooLong').refine(isJsonTemplate, 'errJsonTemplate');
const path = z
  .string()
  .trim()
  .max(128, 'errTooLong')
  .regex(/^[\w$-]*(?:\.[\w$-]+)*$/, 'errDotPath');
const HEADER_LINE = /^[A-Za-z0-9-]+:[^\r\n]*$/;

const configSchema = z.object({
  lookupUrl: urlTemplate.refine((s) => s !== '', 'errRequired'),
  searchUrl: urlTemplate,
  /** `Name: value` per line; usually the token (`Authorization: Bearer …`). A secret as a whole. */
  headers: z
    .string()
    .max(4000, 'errTooLong')
    .refine((s) => s.split('\n').every((l) => l.trim() === '' || HEADER_LINE.test(l.trim())), 'errHeaderLines'),
  resultsPath: path,
  idPath: path.refine((s) => s !== '', 'errRequired'),
  titlePath: path.refine((s) => s !== '', 'errRequired'),
  subtitlePath: path,
  phonesPath: path,
  recordUrl: urlTemplate,
  fields: z
    .array(z.object({ label: z.string().trim().min(1, 'errRequired').max(64, 'errTooLong'), path }))
    .max(8, 'errTooMany'),
  related: z
    .array(z.object({ kind: z.enum(RECORD_KINDS), path, titlePath: path, detailPath: path, urlTemplate }))
    .max(4, 'errTooMany'),
  createUrl: urlTemplate,
  createBody: jsonTemplate,
  linkUrl: urlTemplate,
  linkBody: jsonTemplate,
  logUrl: urlTemplate,
  logBody: jsonTemplate,
});
type Config = z.infer<typeof configSchema>;

function headerMap(lines: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/** Template values of a call and what the agent wrote. */
export function callValues(c: CrmCall, details?: LogDetails): TemplateValues {
  return {
    callId: c.id,
    e164: c.remote,
    number: c.remote.replace(/^\+/, ''),
    direction: c.direction,
    startedAt: new Date(c.startedAt).toISOString(),
    endedAt: c.endedAt ? new Date(c.endedAt).toISOString() : '',
    duration: String(c.talkSeconds),
    outcome: c.outcome ?? '',
    subject: details?.subject ?? '',
    summary: details?.summary ?? '',
    disposition: details?.disposition ?? '',
  };
}

function client(config: Config, deps: AdapterDeps): CrmClient {
  const headers = headerMap(config.headers);
  const connection = deps.connectionId;
  const urlOf = (id: string) => (config.recordUrl ? httpUrl(fillUrl(config.recordUrl, { id })) : undefined);

  const toRecord = (raw: unknown): CrmRecord | null => {
    const id = idOf(atPath(raw, config.idPath));
    if (!id) return null;
    const phones = atPath(raw, config.phonesPath);
    return crmRecord({
      connection,
      kind: 'contact',
      id,
      title: atPath(raw, config.titlePath),
      subtitle: config.subtitlePath ? atPath(raw, config.subtitlePath) : '',
      url: urlOf(id),
      fields: config.fields
        .map((f, i) => ({ key: `field${i}`, label: f.label, value: text(atPath(raw, f.path), 512) }))
        .filter((f) => f.value !== ''),
      phones: config.phonesPath ? (Array.isArray(phones) ? phones : [phones]) : [],
    });
  };
  /** The records of an answer: an array at `resultsPath`, or a single object there. */
  const records = (body: unknown): CrmRecord[] => {
    const at = atPath(body, config.resultsPath);
    if (at === undefined || at === null) return [];
    const list = Array.isArray(at) ? at : typeof at === 'object' ? [at] : null;
    if (!list) throw new CrmError('bad-response', 'the records are not where the results path says');
    return matches(
      list
        .slice(0, 200)
        .map(toRecord)
        .filter((r): r is CrmRecord => r !== null),
    );
  };
  const write = (url: string, body: unknown, key: string | undefined, signal?: AbortSignal) =>
    requestJson(deps, url, {
      method: 'POST',
      body,
      headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
      signal,
    });

  // The last answer's raw records, so `related` can read groups embedded in them without a request.
  const raw = new Map<string, unknown>();
  const remember = (body: unknown) => {
    const at = atPath(body, config.resultsPath);
    for (const r of Array.isArray(at) ? at.slice(0, 200) : [at]) {
      const id = idOf(atPath(r, config.idPath));
      if (id) raw.set(id, r);
    }
    while (raw.size > 200) raw.delete(raw.keys().next().value as string);
  };

  return {
    async lookupByNumber(e164, opts) {
      const body = await requestJson(deps, fillUrl(config.lookupUrl, { e164, number: e164.replace(/^\+/, '') }), {
        headers,
        signal: opts?.signal,
      });
      remember(body);
      return records(body);
    },
    async search(query, opts) {
      if (!config.searchUrl) unsupported('search');
      const body = await requestJson(deps, fillUrl(config.searchUrl, { query }), { headers, signal: opts?.signal });
      remember(body);
      return records(body);
    },
    related(ref) {
      const source = raw.get(ref.id);
      return Promise.resolve(
        config.related.flatMap((g) => {
          const list = atPath(source, g.path);
          if (!Array.isArray(list) || list.length === 0) return [];
          const items = list.map((x) => {
            const id = idOf(atPath(x, 'id')) ?? text(atPath(x, g.titlePath));
            return item(
              id,
              atPath(x, g.titlePath),
              g.detailPath ? atPath(x, g.detailPath) : undefined,
              g.urlTemplate ? httpUrl(fillUrl(g.urlTemplate, { id: text(id) })) : undefined,
            );
          });
          return [group(g.kind, items, list.length)];
        }),
      );
    },
    async create(kind, prefill, opts) {
      if (!config.createUrl || kind !== 'contact') unsupported(`creating a ${kind}`);
      const values = {
        name: prefill.name,
        e164: prefill.phone ?? '',
        number: (prefill.phone ?? '').replace(/^\+/, ''),
      };
      const body = await write(
        fillUrl(config.createUrl, values),
        fillJson(config.createBody, values),
        undefined,
        opts?.signal,
      );
      const created = toRecord(atPath(body, config.resultsPath)) ?? toRecord(body);
      if (!created) throw new CrmError('bad-response', 'the created record has no id where the id path says');
      return { ...created, title: created.title.startsWith('#') ? prefill.name : created.title };
    },
    async link(c, ref, opts) {
      if (!config.linkUrl) unsupported('adding numbers');
      const values = { ...callValues(c), id: ref.id, kind: ref.kind };
      await write(
        fillUrl(config.linkUrl, values),
        fillJson(config.linkBody, values),
        `${c.id}:link:${ref.id}`,
        opts?.signal,
      );
    },
    async logCall(c, details, ref, opts) {
      if (!config.logUrl) unsupported('logging calls');
      const values = { ...callValues(c, details), id: ref?.id ?? '', kind: ref?.kind ?? '' };
      const body = await write(
        fillUrl(config.logUrl, values),
        fillJson(config.logBody, values),
        ref ? `${c.id}:${ref.id}` : c.id,
        opts?.signal,
      );
      return { id: idOf(maybeObject(body).id) ?? c.id };
    },
    recordUrl: (ref) => urlOf(ref.id),
    dispositions: () => Promise.resolve([]),
  };
}

/** Every URL a configuration reaches, with placeholders filled by a harmless value. */
function urls(c: Config): string[] {
  return [c.lookupUrl, c.searchUrl, c.createUrl, c.linkUrl, c.logUrl]
    .filter(Boolean)
    .map((u) => u.replace(/\{[A-Za-z0-9]+\}/g, 'x'));
}

/** Any JSON API, configured with URL templates and dot paths. */
export const rest = defineAdapter<Config>({
  name: 'rest',
  label: 'REST API',
  capabilities: ['lookup', 'search', 'related', 'create', 'link', 'log'],
  capabilitiesFor(c) {
    const can: Capability[] = ['lookup'];
    if (c.searchUrl) can.push('search');
    if (c.related.length) can.push('related');
    if (c.createUrl) can.push('create');
    if (c.linkUrl) can.push('link');
    if (c.logUrl) can.push('log');
    return can;
  },
  kinds: ['contact'] as RecordKind[],
  fields: [],
  defaultFields: [],
  configSchema,
  defaults: () => ({
    lookupUrl: '',
    searchUrl: '',
    headers: '',
    resultsPath: '',
    idPath: 'id',
    titlePath: 'name',
    subtitlePath: '',
    phonesPath: '',
    recordUrl: '',
    fields: [],
    related: [],
    createUrl: '',
    createBody: '{"name": "{name}", "phone": "{e164}"}',
    linkUrl: '',
    linkBody: '{"phone": "{e164}"}',
    logUrl: '',
    logBody:
      '{"callId": "{callId}", "recordId": "{id}", "phone": "{e164}", "direction": "{direction}", "startedAt": "{startedAt}", "duration": "{duration}", "outcome": "{outcome}", "subject": "{subject}", "summary": "{summary}", "disposition": "{disposition}"}',
  }),
  secrets: ['headers'],
  origins: (c) => [...new Set(urls(c).flatMap(originPattern))],
  connect: (c, deps) => client(c, deps),
});
