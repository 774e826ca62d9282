import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  clickToCallFromForm,
  formFromClickToCall,
  type ClickToCallErrors,
  type ClickToCallForm,
  type FieldProblem,
} from '../lib/settings/click-to-call-form';
import { defaultClickToCall, SITE_MODES, type SiteMode } from '../lib/settings/schema';
import { countryOptions } from './country-options';
import { fieldAria } from './field-aria';
import { t, type MessageKey } from './i18n';
import './settings-form.css';
import type { PhoneSettingsState } from './use-phone-settings';
import { useSectionForm } from './use-section-form';

const MODE_LABELS: Record<SiteMode, MessageKey> = {
  'all-except-blocked': 'siteModeAllExceptBlocked',
  'only-allowed': 'siteModeOnlyAllowed',
};

/**
 * Click-to-call settings: the global switch, the default country, where it works, and the
 * blocked and allowed sites (one per line; each bad line is named). Only valid settings replace
 * the saved ones.
 */
export function ClickToCallFormView(props: { phone: PhoneSettingsState }) {
  const { phone } = props;
  const { form, errors, loaded, busy, status, set, save } = useSectionForm<ClickToCallForm, ClickToCallErrors>(
    phone,
    (saved) => formFromClickToCall(saved?.clickToCall ?? defaultClickToCall([])),
    (f) => {
      const result = clickToCallFromForm(f);
      return result.ok ? { command: { type: 'saveClickToCall', clickToCall: result.clickToCall } } : result;
    },
  );
  const language = browser.i18n.getUILanguage();
  const countries = useMemo(() => countryOptions(language, form.defaultCountry), [language, form.defaultCountry]);

  return (
    <form class="click-to-call-form" onSubmit={(e) => void save(e)} noValidate>
      <label class="check">
        <input
          type="checkbox"
          checked={form.enabled}
          disabled={!loaded}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
        {t('fieldClickToCallEnabled')}
      </label>
      <div class="field">
        <label for="ctc-country">{t('fieldDefaultCountry')}</label>
        <select
          id="ctc-country"
          value={form.defaultCountry}
          disabled={!loaded}
          {...fieldAria('ctc-country', !!errors.defaultCountry, true)}
          onChange={(e) => set({ defaultCountry: e.currentTarget.value })}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <p id="ctc-country-hint" class="hint">
          {t('hintDefaultCountry')}
        </p>
        <Problems id="ctc-country-error" problems={errors.defaultCountry} />
      </div>
      <fieldset class="field">
        <legend>{t('fieldSiteMode')}</legend>
        {SITE_MODES.map((mode) => (
          <label class="radio" key={mode}>
            <input
              type="radio"
              name="ctc-site-mode"
              value={mode}
              checked={form.siteMode === mode}
              disabled={!loaded}
              onChange={() => set({ siteMode: mode })}
            />
            {t(MODE_LABELS[mode])}
          </label>
        ))}
      </fieldset>
      {(['blockedSites', 'allowedSites'] as const).map((name) => (
        <div class="field" key={name}>
          <label for={`ctc-${name}`}>{t(name === 'blockedSites' ? 'fieldBlockedSites' : 'fieldAllowedSites')}</label>
          <textarea
            id={`ctc-${name}`}
            rows={3}
            spellcheck={false}
            value={form[name]}
            readOnly={!loaded}
            {...fieldAria(`ctc-${name}`, !!errors[name], true)}
            onInput={(e) => set({ [name]: e.currentTarget.value })}
          />
          <p id={`ctc-${name}-hint`} class="hint">
            {t(name === 'blockedSites' ? 'hintBlockedSites' : 'hintAllowedSites')}
          </p>
          <Problems id={`ctc-${name}-error`} problems={errors[name]} />
        </div>
      ))}
      <div class="buttons">
        <button type="submit" class="primary" disabled={!loaded || busy}>
          {t('saveClickToCall')}
        </button>
      </div>
      <p class={`result ${status.kind}`} role="status">
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </form>
  );
}

/** A field's problems in words; a bad line of a site list says its number and text. */
function Problems(props: { id: string; problems: FieldProblem[] | undefined }) {
  const problems = props.problems ?? [];
  if (problems.length === 0) return null;
  const text = (p: FieldProblem) =>
    p.line === undefined ? t(p.key as MessageKey) : t(p.key as MessageKey, String(p.line), p.text ?? '');
  return problems.length === 1 ? (
    <p id={props.id} class="error">
      {text(problems[0]!)}
    </p>
  ) : (
    <ul id={props.id} class="error">
      {problems.map((p, i) => (
        <li key={i}>{text(p)}</li>
      ))}
    </ul>
  );
}
