import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteRecordingsBefore, recordingSpace, type RecordingSpace } from '../../lib/journal/retention';
import { t } from '../i18n';
import { formatBytes, formatWhen } from './format';
import type { JournalDb } from './journal-db';
import { ConfirmDialog } from './confirm-dialog';

/**
 * Recordings' space and retention (ReadyScript's "manage recordings"): how much the recordings
 * take, deleting those older than a date, and asking the browser to keep the store when disk
 * space runs low (persistent storage).
 */
export function RecordingsView(props: { journal: JournalDb }) {
  const [space, setSpace] = useState<RecordingSpace | null>(null);
  const [quota, setQuota] = useState<{ usage: number; quota: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [before, setBefore] = useState('');
  const [status, setStatus] = useState('');
  const confirm = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const sub = liveQuery(() => recordingSpace(props.journal.db)).subscribe({
      next: setSpace,
      error: () => setSpace(null),
    });
    void navigator.storage?.estimate?.().then((e) => setQuota({ usage: e.usage ?? 0, quota: e.quota ?? 0 }));
    void navigator.storage?.persisted?.().then(setPersisted);
    return () => sub.unsubscribe();
  }, [props.journal]);

  const cutoff = () => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(before);
    return m ? new Date(+m[1]!, +m[2]! - 1, +m[3]!).getTime() : null;
  };
  const doDelete = async () => {
    confirm.current?.close();
    const at = cutoff();
    if (at === null) return;
    const n = await deleteRecordingsBefore(props.journal.db, at);
    setStatus(t('recordingsDeleted', String(n)));
    void navigator.storage?.estimate?.().then((e) => setQuota({ usage: e.usage ?? 0, quota: e.quota ?? 0 }));
  };

  return (
    <section class="recordings-view" aria-label={t('tabRecordings')}>
      <h2>{t('recordingsSpace')}</h2>
      <p role="status">
        {space === null
          ? t('counting')
          : t(
              'recordingsUse',
              String(space.count),
              formatBytes(space.bytes),
              space.oldest === null ? '—' : formatWhen(space.oldest),
            )}
      </p>
      {quota && <p>{t('storageUse', formatBytes(quota.usage), formatBytes(quota.quota))}</p>}
      <p>
        {persisted ? t('storagePersisted') : t('storageNotPersisted')}{' '}
        {!persisted && (
          <button type="button" onClick={() => void navigator.storage.persist().then(setPersisted)}>
            {t('storagePersist')}
          </button>
        )}
      </p>
      <h2>{t('recordingsRetention')}</h2>
      <label for="recordings-before">{t('recordingsBefore')}</label>
      <input id="recordings-before" type="date" value={before} onInput={(e) => setBefore(e.currentTarget.value)} />
      <button type="button" class="danger" disabled={cutoff() === null} onClick={() => confirm.current?.showModal()}>
        {t('recordingsDeleteOld')}
      </button>
      <p role="status">{status}</p>
      <ConfirmDialog
        dialog={confirm}
        title={t('recordingsDeleteOld')}
        text={t('recordingsDeleteConfirm', before)}
        confirm={t('recordingsDeleteYes')}
        onConfirm={() => void doDelete()}
      />
    </section>
  );
}
