import type { RegistrationState } from '../lib/engine/registration';
import { keyOf, t } from './i18n';

/** Registration in words, with what to do when it fails. */
export function registrationText(r: RegistrationState): string {
  switch (r.status) {
    case 'unconfigured':
      return t('statusUnconfigured');
    case 'connecting':
      return r.error
        ? `${t('statusConnecting', r.aor ?? '')} ${t(keyOf('regError', r.error))}`
        : t('statusConnecting', r.aor ?? '');
    case 'registered':
      return t('statusRegistered', r.aor ?? '');
    case 'error': {
      const why = t(keyOf('regError', r.error ?? 'rejected'));
      return r.sipCode ? `${t('statusError', why)} (SIP ${r.sipCode})` : t('statusError', why);
    }
  }
}

/** A status line for the registration. */
export function RegistrationStatus(props: { registration: RegistrationState | undefined }) {
  const r = props.registration;
  return (
    <p class={`registration ${r?.status ?? 'loading'}`} role="status">
      {r ? registrationText(r) : t('statusLoading')}
    </p>
  );
}
