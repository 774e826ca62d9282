import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RecordingEntry } from '../../lib/store/journal-tables';
import type { StoredCall } from '../../lib/store/stored-call';
import { plainRecord } from '../../lib/store/stored-call';
import { keyOf, t, type MessageKey } from '../i18n';
import { displayNumber, durationText, formatWhenLong, outcomeWords, who } from './format';
import type { JournalDb } from './journal-db';
import { RecordingPlayer } from './recording-player';

/** Fields the card shows in its own rows; anything else the record holds is listed after them. */
const KNOWN = new Set([
  'id',
  'direction',
  'phase',
  'account',
  'localNumber',
  'remoteNumber',
  'remoteName',
  'startedAt',
  'answeredAt',
  'endedAt',
  'ringDurationMs',
  'talkDurationMs',
  'holdDurationMs',
  'outcome',
  'sipCode',
  'endReason',
  'sipCallId',
  'queue',
  'contactName',
  'companyName',
  'notes',
  'recordingUrl',
]);

/**
 * The call card: everything the store knows about a call (times, ring/talk/hold, outcome with the
 * SIP code, numbers, queue, contact, notes, recordings, and any further fields other features
 * store, such as SIP headers or a transfer chain), with redial, notes and delete.
 */
export function CallDetails(props: {
  journal: JournalDb;
  call: StoredCall;
  canDial: boolean;
  onRedial: () => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { call, journal } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [notes, setNotes] = useState(call.notes ?? '');
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>('idle');
  const [recordings, setRecordings] = useState<RecordingEntry[]>([]);
  const [urls, setUrls] = useState<Record<string, string>>({});

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    const sub = liveQuery(() => journal.db.recordings.where('callId').equals(call.id).toArray()).subscribe({
      next: setRecordings,
      error: () => setRecordings([]),
    });
    return () => sub.unsubscribe();
  }, [call.id]);
  useEffect(() => {
    const made = Object.fromEntries(recordings.map((r) => [r.id, URL.createObjectURL(r.blob)]));
    setUrls(made);
    return () => Object.values(made).forEach((u) => URL.revokeObjectURL(u));
  }, [recordings]);

  const saveNotes = async () => {
    try {
      await journal.db.calls.update(call.id, notes ? { notes } : { notes: undefined });
      setSaved('saved');
    } catch {
      setSaved('failed');
    }
  };

  const row = (label: MessageKey, value: string | undefined) =>
    value ? (
      <>
        <dt>{t(label)}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  const time = (ms: number | undefined) => (ms === undefined ? undefined : formatWhenLong(ms));
  const extra = Object.entries(plainRecord(call)).filter(([k]) => !KNOWN.has(k));
  const title = t('cardTitle', who(call));

  return (
    <dialog ref={dialog} class="call-details" aria-label={title} onClose={props.onClose}>
      <h2>{title}</h2>
      <dl>
        {row('cardDirection', t(keyOf('direction', call.direction)))}
        {row('cardOutcome', outcomeWords(call))}
        {row('cardEndReason', call.endReason ? t(keyOf('end', call.endReason)) : undefined)}
        {row('cardStarted', time(call.startedAt))}
        {row('cardAnswered', time(call.answeredAt))}
        {row('cardEnded', time(call.endedAt))}
        {row('cardRing', durationText(call.ringDurationMs))}
        {row('cardTalk', durationText(call.talkDurationMs))}
        {row('cardHold', call.holdDurationMs === undefined ? undefined : durationText(call.holdDurationMs))}
        {row('cardRemote', displayNumber(call))}
        {row('cardRemoteAsStored', call.remoteNumber !== displayNumber(call) ? call.remoteNumber : undefined)}
        {row('cardName', call.remoteName)}
        {row('cardContact', call.contactName)}
        {row('cardCompany', call.companyName)}
        {row('cardLocal', call.localNumber)}
        {row('cardAccount', call.account)}
        {row('cardQueue', call.queue)}
        {row('cardSipCallId', call.sipCallId)}
        {extra.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
          </>
        ))}
      </dl>
      {recordings.map(
        (r, i) =>
          urls[r.id] && (
            <RecordingPlayer
              key={r.id}
              src={urls[r.id]!}
              label={t('cardRecording', String(i + 1))}
              downloadName={`call-${call.id}.${r.mimeType.includes('ogg') ? 'ogg' : 'webm'}`}
              durationMs={r.durationMs}
            />
          ),
      )}
      {call.recordingUrl && (
        <RecordingPlayer src={call.recordingUrl} label={t('cardPbxRecording')} downloadName={`call-${call.id}`} />
      )}
      <label for="call-notes">{t('cardNotes')}</label>
      <textarea
        id="call-notes"
        rows={3}
        maxLength={4000}
        value={notes}
        onInput={(e) => setNotes(e.currentTarget.value)}
      />
      <div class="buttons">
        <button type="button" onClick={() => void saveNotes()}>
          {t('cardSaveNotes')}
        </button>
        <button type="button" class="primary" disabled={!props.canDial} onClick={props.onRedial}>
          {t('cardRedial')}
        </button>
        <button type="button" class="danger" onClick={props.onDelete}>
          {t('cardDelete')}
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </div>
      <p role="status">{saved === 'saved' ? t('cardNotesSaved') : saved === 'failed' ? t('errStore') : ''}</p>
    </dialog>
  );
}
