import { useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { toDialable } from '../lib/phone/dialable';
import { dialReplySchema } from '../lib/protocol/offscreen';
import { t, type MessageKey } from './i18n';
import { request } from './page-request';
import { prepareCall } from './prepare-call';

/** Number field and Call button; Enter dials too. Says what is wrong with a number it cannot dial. */
export function Dialer(props: { disabled: boolean }) {
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string>();
  const dial = async (e: Event) => {
    e.preventDefault();
    if (!toDialable(number)) {
      setError(t('errNumber'));
      return;
    }
    setError(undefined);
    const reply = z.safeParse(dialReplySchema, await request({ type: 'dial', number }).catch(() => null));
    if (!reply.success) setError(t('errEngine'));
    else if (!reply.data.ok) setError(t(reply.data.error as MessageKey));
  };
  return (
    <form class="dialer" onSubmit={(e) => void dial(e)}>
      <label for="dial-number">{t('numberLabel')}</label>
      <div class="row">
        <input
          id="dial-number"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          autoFocus
          value={number}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'dial-error' : undefined}
          onInput={(e) => {
            setNumber(e.currentTarget.value);
            if (/\d/.test(e.currentTarget.value)) prepareCall();
          }}
        />
        <button type="submit" class="call" disabled={props.disabled}>
          {t('call')}
        </button>
      </div>
      {error && (
        <p id="dial-error" class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
