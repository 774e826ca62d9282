import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_DIAL_RULES, type DialRules } from '../lib/phone/dial-rules';
import type { PhoneKit } from '../lib/phone/kit';
import {
  dialRulesFromForm,
  formFromDialRules,
  type DialRulesErrors,
  type DialRulesForm,
} from '../lib/settings/dial-rules-form';
import { fieldAria } from './field-aria';
import { t, type MessageKey } from './i18n';
import './settings-form.css';
import type { PhoneSettingsState } from './use-phone-settings';
import { useSectionForm } from './use-section-form';

const INTERNATIONAL: Record<DialRules['international'], MessageKey> = {
  plus: 'internationalPlus',
  digits: 'internationalDigits',
  idd: 'internationalIdd',
};
const DOMESTIC: Record<DialRules['domestic'], MessageKey> = {
  international: 'domesticInternational',
  national: 'domesticNational',
};
/** The number the live example dials. */
const SAMPLE = '+7 495 123-45-67';
/** The number the international formats are shown with. */
const SAMPLE_ABROAD = '+44 20 7946 0958';

type DialString = PhoneKit['toDialString'];

/**
 * Dialling rules: how a number becomes what the PBX is asked to dial. Errors in words under the
 * fields; only valid rules replace the saved ones.
 */
export function DialRulesFormView(props: { phone: PhoneSettingsState }) {
  const { phone } = props;
  const { form, errors, loaded, busy, status, set, save } = useSectionForm<DialRulesForm, DialRulesErrors>(
    phone,
    (saved) => formFromDialRules(saved?.dialRules ?? DEFAULT_DIAL_RULES),
    (f) => {
      const result = dialRulesFromForm(f);
      return result.ok ? { command: { type: 'saveDialRules', dialRules: result.dialRules } } : result;
    },
  );
  const toDialString = useDialString();
  const country = phone.saved?.clickToCall.defaultCountry ?? 'US';
  const valid = dialRulesFromForm(form);
  const dialled = (input: string, rules: DialRules) => {
    const r = toDialString?.(input, rules, country);
    return r?.ok ? r.dial : null;
  };
  const example = valid.ok ? dialled(SAMPLE, valid.dialRules) : null;
  const abroad = (international: DialRules['international']) =>
    dialled(SAMPLE_ABROAD, { ...DEFAULT_DIAL_RULES, international });
  const optionText = (label: string, sample: string | null) =>
    sample ? t('formatExample', label, SAMPLE_ABROAD, sample) : label;

  const text = (name: 'outsideLinePrefix' | 'extensionMaxDigits', label: MessageKey, hint: MessageKey) => (
    <div class="field">
      <label for={`dr-${name}`}>{t(label)}</label>
      <input
        id={`dr-${name}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={form[name]}
        readOnly={!loaded}
        {...fieldAria(`dr-${name}`, !!errors[name], true)}
        onInput={(e) => set({ [name]: e.currentTarget.value })}
      />
      <p id={`dr-${name}-hint`} class="hint">
        {t(hint)}
      </p>
      {errors[name] && (
        <p id={`dr-${name}-error`} class="error">
          {t(errors[name] as MessageKey)}
        </p>
      )}
    </div>
  );

  return (
    <form class="dial-rules-form" onSubmit={(e) => void save(e)} noValidate>
      {text('outsideLinePrefix', 'fieldOutsidePrefix', 'hintOutsidePrefix')}
      <div class="field">
        <label for="dr-international">{t('fieldInternational')}</label>
        <select
          id="dr-international"
          value={form.international}
          disabled={!loaded}
          onChange={(e) => set({ international: e.currentTarget.value as DialRules['international'] })}
        >
          {(Object.keys(INTERNATIONAL) as Array<DialRules['international']>).map((value) => (
            <option key={value} value={value}>
              {optionText(t(INTERNATIONAL[value]), abroad(value))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="dr-domestic">{t('fieldDomestic')}</label>
        <select
          id="dr-domestic"
          value={form.domestic}
          disabled={!loaded}
          onChange={(e) => set({ domestic: e.currentTarget.value as DialRules['domestic'] })}
        >
          {Object.entries(DOMESTIC).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      {text('extensionMaxDigits', 'fieldExtensionDigits', 'hintExtensionDigits')}
      <p class="example" aria-live="polite">
        {example ? t('dialExample', SAMPLE, example) : ''}
      </p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={!loaded || busy}>
          {t('saveDialRules')}
        </button>
      </div>
      <p class={`result ${status.kind}`} role="status">
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </form>
  );
}

/**
 * The kit's `toDialString`, once loaded: the numbering-plan metadata is a chunk of its own, so the
 * page shows at once and the examples appear a moment later.
 */
function useDialString(): DialString | null {
  const [toDialString, setToDialString] = useState<DialString | null>(null);
  useEffect(() => {
    void import('../lib/phone/default-kit')
      .then(({ phone }) => setToDialString(() => phone.toDialString))
      .catch(() => undefined);
  }, []);
  return toDialString;
}
