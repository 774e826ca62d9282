import { useState } from 'preact/hooks';
import type { PhoneSettings } from '../lib/protocol/pages';
import { t } from './i18n';
import type { PhoneCommand, PhoneSettingsState } from './use-phone-settings';

/** What a settings section says under its Save button. */
export type SectionStatus = { kind: 'idle' } | { kind: 'busy' | 'ok' | 'bad'; text: string };

/** How a section turns its form into a save request, or into errors in words. */
export type SectionParse<Form, Errors> = (form: Form) => { command: PhoneCommand } | { errors: Errors };

/**
 * The editing cycle shared by the phone settings sections: the form shows what is saved until the
 * agent edits it, a save sends only valid settings (errors stay next to their fields and the saved
 * settings stay as they were), and the status line says what happened.
 */
export function useSectionForm<Form, Errors extends object>(
  phone: PhoneSettingsState,
  fromSaved: (saved: PhoneSettings | null) => Form,
  parse: SectionParse<Form, Errors>,
) {
  const [edited, setEdited] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Partial<Errors>>({});
  const [status, setStatus] = useState<SectionStatus>({ kind: 'idle' });
  const form = edited ?? fromSaved(phone.saved);
  const save = async (e: Event) => {
    e.preventDefault();
    const result = parse(form);
    if ('errors' in result) {
      setErrors(result.errors);
      setStatus({ kind: 'bad', text: t('formHasErrors') });
      return;
    }
    setErrors({});
    setStatus({ kind: 'busy', text: t('saving') });
    const saved = await phone.change(result.command);
    if (saved) setEdited(null);
    setStatus(saved ? { kind: 'ok', text: t('savedOk') } : { kind: 'bad', text: t('errEngine') });
  };
  return {
    form,
    errors,
    loaded: phone.saved !== null,
    busy: status.kind === 'busy',
    /** The status to show: a failed load counts as a problem until the agent saves. */
    status: phone.failed && status.kind === 'idle' ? ({ kind: 'bad', text: t('errEngine') } as const) : status,
    set: (patch: Partial<Form>) => setEdited({ ...form, ...patch }),
    save,
  };
}
