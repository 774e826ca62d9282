import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { testResultSchema, type TestResult } from '../lib/engine/state';
import { accountFromForm, formFromAccount, type AccountForm, type FieldErrors } from '../lib/settings/account-form';
import { sipAccountSchema } from '../lib/settings/schema';
import { keyOf, t, type MessageKey } from './i18n';
import { request } from './page-request';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'ok' | 'bad'; text: string };

const FIELDS: Array<{
  name: keyof AccountForm;
  label: MessageKey;
  hint?: MessageKey;
  type?: string;
  multiline?: boolean;
}> = [
  { name: 'wsServer', label: 'fieldWsServer', hint: 'hintWsServer', type: 'url' },
  { name: 'sipUri', label: 'fieldSipUri', hint: 'hintSipUri' },
  { name: 'authUser', label: 'fieldAuthUser', hint: 'hintAuthUser' },
  { name: 'password', label: 'fieldPassword', type: 'password' },
  { name: 'displayName', label: 'fieldDisplayName' },
  { name: 'iceUrls', label: 'fieldIceUrls', hint: 'hintIceUrls', multiline: true },
  { name: 'turnUsername', label: 'fieldTurnUsername' },
  { name: 'turnPassword', label: 'fieldTurnPassword', type: 'password' },
];

/**
 * The SIP account form: field-level errors in words, Save (only a valid account replaces the
 * saved one) and Test connection (registers once with what is typed, without saving).
 */
export function AccountFormView() {
  const [form, setForm] = useState<AccountForm>(formFromAccount(null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [loaded, setLoaded] = useState(false);

  // The saved account arrives asynchronously; the fields stay read-only until it has, so it can
  // never overwrite what the user types.
  useEffect(() => {
    void request({ type: 'getAccount' })
      .then((raw) => {
        const account = z.safeParse(z.nullable(sipAccountSchema), raw);
        if (account.success) setForm(formFromAccount(account.data));
        else setStatus({ kind: 'bad', text: t('errEngine') });
      })
      .catch(() => setStatus({ kind: 'bad', text: t('errEngine') }))
      .finally(() => setLoaded(true));
  }, []);

  const validate = () => {
    const result = accountFromForm(form);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) setStatus({ kind: 'bad', text: t('formHasErrors') });
    return result.ok ? result.account : null;
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const account = validate();
    if (!account) return;
    setStatus({ kind: 'busy', text: t('saving') });
    const reply = await request({ type: 'saveAccount', account }).catch(() => null);
    setStatus(reply ? { kind: 'ok', text: t('saved') } : { kind: 'bad', text: t('errEngine') });
  };

  const test = async () => {
    const account = validate();
    if (!account) return;
    setStatus({ kind: 'busy', text: t('testing') });
    const reply = z.safeParse(testResultSchema, await request({ type: 'testConnection', account }).catch(() => null));
    setStatus(reply.success ? testStatus(reply.data) : { kind: 'bad', text: t('errEngine') });
  };

  return (
    <form class="account-form" onSubmit={(e) => void save(e)} noValidate>
      {FIELDS.map((f) => {
        const error = errors[f.name];
        const describedBy = [error ? `${f.name}-error` : '', f.hint ? `${f.name}-hint` : ''].filter(Boolean).join(' ');
        const common = {
          id: f.name,
          name: f.name,
          value: form[f.name],
          readOnly: !loaded,
          'aria-invalid': error ? ('true' as const) : ('false' as const),
          'aria-describedby': describedBy || undefined,
          onInput: (e: Event) => setForm({ ...form, [f.name]: (e.currentTarget as HTMLInputElement).value }),
        };
        return (
          <div class="field" key={f.name}>
            <label for={f.name}>{t(f.label)}</label>
            {f.multiline ? (
              <textarea rows={2} {...common} />
            ) : (
              <input type={f.type ?? 'text'} autoComplete="off" {...common} />
            )}
            {f.hint && (
              <p id={`${f.name}-hint`} class="hint">
                {t(f.hint)}
              </p>
            )}
            {error && (
              <p id={`${f.name}-error`} class="error">
                {t(error as MessageKey)}
              </p>
            )}
          </div>
        );
      })}
      <div class="buttons">
        <button type="submit" class="primary" disabled={!loaded || status.kind === 'busy'}>
          {t('save')}
        </button>
        <button type="button" disabled={!loaded || status.kind === 'busy'} onClick={() => void test()}>
          {t('testConnection')}
        </button>
      </div>
      <p class={`result ${status.kind}`} role="status">
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </form>
  );
}

function testStatus(r: TestResult): Status {
  if (r.ok) return { kind: 'ok', text: t('testOk') };
  const why = t(keyOf('test', r.error ?? 'rejected'));
  return { kind: 'bad', text: r.sipCode ? `${why} (SIP ${r.sipCode})` : why };
}
