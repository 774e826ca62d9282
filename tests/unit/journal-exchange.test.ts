import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportXlsx, previewImport } from '../../lib/journal/exchange-files';
import { importCalls } from '../../lib/journal/import-store';
import { CallDb } from '../../lib/store/call-db';
import { plainRecord } from '../../lib/store/stored-call';
import { generateCalls } from '../support/journal-data';

const bytes = (s: string) => new TextEncoder().encode(s).buffer;
const newDb = () => new CallDb({ indexedDB: new IDBFactory(), IDBKeyRange });

describe('export and import', () => {
  const calls = generateCalls(300, Date.UTC(2026, 5, 1), 30 * 86_400_000, 11, 40).map((c, i) =>
    i === 0 ? { ...c, remoteName: '=HYPERLINK("http://evil")', notes: 'line 1\nline "2", ok' } : c,
  );

  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: export → delete → import restores every call exactly, and re-import adds nothing`, async () => {
      const db = newDb();
      await importCalls(
        db,
        calls.map((call) => ({ call })),
      );
      await db.calls.update(calls[1]!.id, { handledAt: 1234 });
      const before = (await db.calls.orderBy('id').toArray()).map((c) => ({ ...c }));
      const file = format === 'csv' ? bytes(exportCsv(before)) : await (await exportXlsx(before)).arrayBuffer();
      await db.calls.clear();

      const preview = await previewImport(file);
      expect(preview).toMatchObject({ format, rows: 300, errors: [] });
      await importCalls(db, preview.calls);
      const after = await db.calls.orderBy('id').toArray();
      expect(after).toEqual(before);

      await importCalls(db, (await previewImport(file)).calls);
      expect(await db.calls.count()).toBe(300);
    });
  }

  it('quotes formula-like cells in CSV and reads them back as text', () => {
    const csv = exportCsv([calls[0]!]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.startsWith('\ufeffid,started_at,')).toBe(true);
  });

  it('reads files from other products: Oktell-style headers, dates and seconds, stable ids', async () => {
    const csv = [
      'Дата создания;Направление;Номер От;Длительность;Контакт;Контрагент',
      '07.02.2024 15:09;Входящий;78078100007;68;Ксения Плеханова;Samarasoft',
      '07.02.2024 15:08;Исходящий;78078100007;11;Ксения Плеханова;Samarasoft',
    ].join('\n');
    const a = await previewImport(bytes(csv));
    expect(a.errors).toEqual([]);
    expect(a.calls.map((r) => plainRecord(r.call))).toMatchObject([
      {
        startedAt: new Date(2024, 1, 7, 15, 9).getTime(),
        direction: 'inbound',
        outcome: 'answered',
        talkDurationMs: 68_000,
        contactName: 'Ксения Плеханова',
        companyName: 'Samarasoft',
      },
      { direction: 'outbound', talkDurationMs: 11_000 },
    ]);
    const b = await previewImport(bytes(csv));
    expect(b.calls.map((r) => r.call.id)).toEqual(a.calls.map((r) => r.call.id));
  });

  it('says what is wrong, row by row and in which column, and an invalid file imports nothing', async () => {
    const csv = [
      'id,started_at,direction,remote_number,outcome,talk_ms,sip_code',
      'a,2026-06-01T10:00:00.000+02:00,inbound,+74951234567,answered,1000,',
      'b,yesterday,sideways,,won,-5,999',
      'a,2026-06-01T11:00:00.000+02:00,outbound,2000,,,',
      'c,31.02.2026 10:00,inbound,2000,,,',
    ].join('\n');
    const p = await previewImport(bytes(csv));
    expect(p.errors.map((e) => [e.line, e.column, e.key])).toEqual([
      [3, 'started_at', 'errImportDate'],
      [3, 'direction', 'errImportDirection'],
      [3, 'remote_number', 'errImportRequired'],
      [3, 'outcome', 'errImportOutcome'],
      [3, 'talk_ms', 'errImportDuration'],
      [3, 'sip_code', 'errImportSipCode'],
      [4, 'id', 'errImportDuplicate'],
      [5, 'started_at', 'errImportDate'],
    ]);
    expect(p.calls).toHaveLength(1);
  });

  it('refuses files that are no table of calls, saying why', async () => {
    expect((await previewImport(bytes('name,phone\nAnna,123'))).problem).toEqual({
      key: 'errImportNoColumns',
      columns: 'started_at, direction',
    });
    expect((await previewImport(bytes('id,started_at'))).problem).toEqual({ key: 'errImportEmpty' });
    expect((await previewImport(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]).buffer)).problem).toEqual({
      key: 'errImportUnreadable',
    });
    expect((await previewImport(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]).buffer)).problem).toEqual({
      key: 'errImportUnreadable',
    });
  });
});
