import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import type { CallRecord } from '../call/types';
import { COLUMNS, fromRow, readHeader, REQUIRED, toRow, type Cell, type RowError } from './exchange';

/** The formats the journal exchanges. */
export const EXCHANGE_FORMATS = ['csv', 'xlsx'] as const;
/** One of {@link EXCHANGE_FORMATS}. */
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/** Most rows one import takes (a year of a busy call centre), and the largest file read. */
export const MAX_IMPORT_ROWS = 200_000;
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

type Exported = CallRecord & { remoteE164?: string; handledAt?: number };

/** CSV for spreadsheets: UTF-8 with a byte-order mark, formula-like cells quoted (caller IDs are hostile). */
export function exportCsv(calls: readonly Exported[]): string {
  const data = calls.map((c) => {
    const row = toRow(c);
    return COLUMNS.map((col) => row[col]);
  });
  return `\ufeff${Papa.unparse({ fields: [...COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' })}`;
}

/** An XLSX workbook with one sheet of calls; every cell is a value, never a formula. */
export async function exportXlsx(calls: readonly Exported[]): Promise<Blob> {
  const header = COLUMNS.map((c) => ({ value: c, fontWeight: 'bold' as const }));
  const rows = calls.map((c) => {
    const row = toRow(c);
    return COLUMNS.map((col) => {
      const v = row[col];
      return typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String };
    });
  });
  return writeXlsxFile([header, ...rows], { sheet: 'Calls', stickyRowsCount: 1 }).toBlob();
}

/** Why a whole file is refused (an i18n key and its substitution). */
export type FileProblem =
  | { key: 'errImportUnreadable' }
  | { key: 'errImportEmpty' }
  | { key: 'errImportTooBig'; limit: string }
  | { key: 'errImportNoColumns'; columns: string };

/** The outcome of reading a file: the calls it holds, or why not, row by row. */
export interface ImportPreview {
  format: ExchangeFormat | null;
  rows: number;
  calls: { call: CallRecord; handledAt?: number }[];
  errors: RowError[];
  problem?: FileProblem;
}

/** Reads a CSV or XLSX file (told apart by content, not by name) into rows of cells. */
export async function readTable(data: ArrayBuffer): Promise<{ format: ExchangeFormat; rows: Cell[][] }> {
  const bytes = new Uint8Array(data);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { format: 'xlsx', rows: (await readSheet(data)) as Cell[][] };
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return { format: 'csv', rows: parsed.data };
}

/** Reads and checks a whole file; nothing is stored here (see importCalls). */
export async function previewImport(data: ArrayBuffer): Promise<ImportPreview> {
  const empty = (problem: FileProblem, format: ExchangeFormat | null = null): ImportPreview => ({
    format,
    rows: 0,
    calls: [],
    errors: [],
    problem,
  });
  if (data.byteLength > MAX_IMPORT_BYTES)
    return empty({ key: 'errImportTooBig', limit: `${MAX_IMPORT_BYTES >> 20} MB` });
  let table;
  try {
    table = await readTable(data);
  } catch {
    return empty({ key: 'errImportUnreadable' });
  }
  const [head, ...body] = table.rows;
  if (!head || body.length === 0) return empty({ key: 'errImportEmpty' }, table.format);
  if (body.length > MAX_IMPORT_ROWS)
    return empty({ key: 'errImportTooBig', limit: `${MAX_IMPORT_ROWS} rows` }, table.format);
  const header = readHeader(head);
  const missing = REQUIRED.filter((c) => header[c] === undefined);
  if (missing.length > 0) return empty({ key: 'errImportNoColumns', columns: missing.join(', ') }, table.format);
  const calls: ImportPreview['calls'] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const r = fromRow(cells, header, line);
    if (!r.ok) {
      errors.push(...r.errors);
      return;
    }
    const first = seen.get(r.call.id);
    if (first !== undefined) {
      errors.push({ line, column: 'id', key: 'errImportDuplicate', value: String(first) });
      return;
    }
    seen.set(r.call.id, line);
    calls.push(r.handledAt !== undefined ? { call: r.call, handledAt: r.handledAt } : { call: r.call });
  });
  return { format: table.format, rows: body.length, calls, errors };
}
