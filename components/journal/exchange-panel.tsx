import { useRef, useState } from 'preact/hooks';
import type { RowError } from '../../lib/journal/exchange';
import {
  exportCsv,
  exportXlsx,
  previewImport,
  type ExchangeFormat,
  type ImportPreview,
} from '../../lib/journal/exchange-files';
import { importCalls } from '../../lib/journal/import-store';
import type { StoredCall } from '../../lib/store/stored-call';
import { t } from '../i18n';
import type { JournalDb } from './journal-db';

/** Most row errors listed in the preview; the count says how many there are in all. */
const SHOWN_ERRORS = 200;

/** A row error in words: the line, the column and what to do. */
export function rowErrorText(e: RowError): string {
  return t(e.key, String(e.line), e.column || '—', e.value);
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Export (CSV or XLSX of the selection, or of everything the filter shows) and import with a
 * preview: the file is read and checked first, its errors listed row by row in words, and only a
 * file without errors can be imported, in one transaction.
 */
export function ExchangePanel(props: { journal: JournalDb; exportCalls(): Promise<StoredCall[]>; scope: string }) {
  const [status, setStatus] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const file = useRef<HTMLInputElement>(null);

  const doExport = async (format: ExchangeFormat) => {
    setBusy(true);
    try {
      const calls = await props.exportCalls();
      const stamp = new Date().toISOString().slice(0, 10);
      const blob =
        format === 'csv' ? new Blob([exportCsv(calls)], { type: 'text/csv;charset=utf-8' }) : await exportXlsx(calls);
      download(blob, `calls-${stamp}.${format}`);
      setStatus(t('exportDone', String(calls.length)));
    } catch {
      setStatus(t('errStore'));
    } finally {
      setBusy(false);
    }
  };

  const read = async (f: File) => {
    setBusy(true);
    setStatus(t('importReading'));
    try {
      setPreview(await previewImport(await f.arrayBuffer()));
      setStatus('');
      dialog.current?.showModal();
    } finally {
      setBusy(false);
    }
  };

  const doImport = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await importCalls(props.journal.db, preview.calls);
      setStatus(t('importDone', String(preview.calls.length)));
    } catch {
      setStatus(t('importFailed'));
    } finally {
      setBusy(false);
      dialog.current?.close();
      setPreview(null);
    }
  };

  const problem = preview?.problem;
  const ok = preview !== null && !problem && preview.errors.length === 0 && preview.calls.length > 0;
  return (
    <div class="exchange">
      <button type="button" disabled={busy} onClick={() => void doExport('csv')}>
        {t('exportCsv', props.scope)}
      </button>
      <button type="button" disabled={busy} onClick={() => void doExport('xlsx')}>
        {t('exportXlsx', props.scope)}
      </button>
      <label class="button">
        {t('importFile')}
        <input
          ref={file}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) void read(f);
          }}
        />
      </label>
      <span role="status">{status}</span>
      <dialog ref={dialog} aria-label={t('importPreview')} onClose={() => setPreview(null)}>
        <h2>{t('importPreview')}</h2>
        {problem && (
          <p class="error" role="alert">
            {problem.key === 'errImportTooBig'
              ? t(problem.key, problem.limit)
              : problem.key === 'errImportNoColumns'
                ? t(problem.key, problem.columns)
                : t(problem.key)}
          </p>
        )}
        {preview && !problem && (
          <p>{t('importSummary', String(preview.rows), String(preview.calls.length), String(preview.errors.length))}</p>
        )}
        {preview && preview.errors.length > 0 && (
          <>
            <p class="error" role="alert">
              {t('importHasErrors')}
            </p>
            <ul class="import-errors" aria-label={t('importErrors')}>
              {preview.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <li key={i}>{rowErrorText(e)}</li>
              ))}
            </ul>
          </>
        )}
        <div class="buttons">
          <button type="button" class="primary" disabled={!ok || busy} onClick={() => void doImport()}>
            {t('importConfirm', String(preview?.calls.length ?? 0))}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('cancel')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
