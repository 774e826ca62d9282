import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { NO_RECORDING, recordingSchema, sipAccountSchema, type Recording } from '../../lib/settings/schema';
import { t, type MessageKey } from '../i18n';
import { request } from '../page-request';

/**
 * Call recording of the account: recording in the extension is opt-in and only after the agent
 * confirms that callers are told (it is unlawful in many places otherwise); the PBX's own
 * recordings are linked by a SIP header or a URL template.
 */
export function RecordingFormView() {
  const [saved, setSaved] = useState<Recording | null>(null);
  const [hasAccount, setHasAccount] = useState(false);
  const [form, setForm] = useState<Recording>(NO_RECORDING);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof Recording | 'consent', string>>>({});
  const [status, setStatus] = useState('');

  useEffect(() => {
    void request({ type: 'getAccount' }).then((raw) => {
      const account = z.safeParse(z.nullable(sipAccountSchema), raw);
      const rec = account.success ? (account.data?.recording ?? NO_RECORDING) : NO_RECORDING;
      setHasAccount(account.success && account.data !== null);
      setSaved(rec);
      setForm(rec);
      setConsent(rec.local);
    });
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const parsed = recordingSchema.safeParse(form);
    const next: typeof errors = {};
    if (!parsed.success) for (const i of parsed.error.issues) next[i.path[0] as keyof Recording] ??= i.message;
    if (form.local && !consent) next.consent = 'errRecordingConsent';
    setErrors(next);
    if (!parsed.success || next.consent) return setStatus(t('formHasErrors'));
    const reply = await request({ type: 'saveRecording', recording: parsed.data }).catch(() => null);
    if (reply && typeof reply === 'object' && 'ok' in reply) {
      setSaved(parsed.data);
      setStatus(t('saved'));
      // Recordings must survive the browser's clean-up when disk space runs low.
      if (parsed.data.local) void navigator.storage?.persist?.();
    } else setStatus(t('errNoAccount'));
  };

  const error = (k: keyof typeof errors) =>
    errors[k] ? (
      <p id={`rec-${k}-error`} class="error">
        {t(errors[k] as MessageKey)}
      </p>
    ) : null;
  const textField = (name: 'urlHeader' | 'urlTemplate', label: string, example: string, hint?: string) => {
    const id = `rec-${name}`;
    const describedBy = [errors[name] ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return (
      <>
        <label for={id}>{label}</label>
        <input
          id={id}
          value={form[name]}
          placeholder={example}
          aria-invalid={errors[name] ? 'true' : 'false'}
          aria-describedby={describedBy || undefined}
          onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
        />
        {hint && (
          <p id={`${id}-hint`} class="hint">
            {hint}
          </p>
        )}
        {error(name)}
      </>
    );
  };
  if (saved === null) return null;
  return (
    <form class="recording-form" onSubmit={(e) => void save(e)} noValidate>
      <label class="check">
        <input
          type="checkbox"
          checked={form.local}
          onChange={(e) => setForm({ ...form, local: e.currentTarget.checked })}
        />
        {t('recordLocal')}
      </label>
      {form.local && (
        <div class="notice" role="note">
          <p>{t('recordConsentNotice')}</p>
          <label class="check">
            <input
              type="checkbox"
              checked={consent}
              aria-invalid={errors.consent ? 'true' : 'false'}
              aria-describedby={errors.consent ? 'rec-consent-error' : undefined}
              onChange={(e) => setConsent(e.currentTarget.checked)}
            />
            {t('recordConsent')}
          </label>
          {error('consent')}
        </div>
      )}
      {textField('urlHeader', t('recordUrlHeader'), 'X-Recording-URL')}
      {textField(
        'urlTemplate',
        t('recordUrlTemplate'),
        'https://pbx.example.com/recordings/{date}/{sipCallId}.wav',
        t('recordUrlTemplateHint'),
      )}
      <div class="buttons">
        <button type="submit" class="primary">
          {t('saveRecording')}
        </button>
      </div>
      <p role="status">{status || (hasAccount ? '' : t('errNoAccount'))}</p>
    </form>
  );
}
