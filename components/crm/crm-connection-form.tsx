import { ADAPTERS } from '../../providers/crm';
import { AUTO_LOG, type CrmSettingsDraft } from '../../lib/settings/schema';
import { SCREEN_POP_WHEN } from '../../providers/crm/screen-pop';
import { keyOf, t, type MessageKey } from '../i18n';

/** One connection being edited: configuration values as the form holds them (lists as JSON text). */
export type ConnectionDraft = CrmSettingsDraft['connections'][number];

/** Configuration keys edited as JSON text (lists of the REST adapter). */
export const JSON_KEYS = ['fields', 'related'];
const MULTILINE = ['headers', 'createBody', 'linkBody', 'logBody', 'fields', 'related'];

/** Errors of one connection's form, by field (`label`, `config.webhookUrl`…), as message keys. */
export type ConnectionErrors = Record<string, string>;

/** The form of one CRM connection: common settings, then the adapter's own fields. */
export function ConnectionForm(props: {
  value: ConnectionDraft;
  secretsSet: string[];
  errors: ConnectionErrors;
  accessMissing: boolean;
  onChange(next: ConnectionDraft): void;
  onRemove(): void;
}) {
  const c = props.value;
  const adapter = ADAPTERS[c.adapter];
  const id = (name: string) => `crm-${c.id}-${name}`;
  const set = (patch: Partial<ConnectionDraft>) => props.onChange({ ...c, ...patch });
  const setConfig = (key: string, value: unknown) => set({ config: { ...c.config, [key]: value } });
  const error = (name: string) => props.errors[name];
  const described = (name: string) =>
    error(name) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id(name)}-error` } : {};
  const Err = (p: { name: string }) =>
    error(p.name) ? (
      <p id={`${id(p.name)}-error`} class="error">
        {t(error(p.name) as MessageKey)}
      </p>
    ) : null;
  return (
    <fieldset class="crm-connection">
      <legend>{c.label || t(keyOf('crmAdapter', c.adapter))}</legend>
      <label class="check">
        <input type="checkbox" checked={c.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />{' '}
        {t('crmEnabled')}
      </label>
      <label for={id('label')}>{t('crmConnectionLabel')}</label>
      <input
        id={id('label')}
        value={c.label}
        placeholder={t(keyOf('crmAdapter', c.adapter))}
        onInput={(e) => set({ label: e.currentTarget.value })}
        {...described('label')}
      />
      <Err name="label" />
      {Object.entries(adapter.defaults()).map(([key, def]) => {
        const name = `config.${key}`;
        const label = t(`crmCfg_${key}` as MessageKey);
        const value = c.config[key];
        if (typeof def === 'boolean') {
          return (
            <label class="check" key={key}>
              <input
                type="checkbox"
                checked={value === true}
                onChange={(e) => setConfig(key, e.currentTarget.checked)}
              />{' '}
              {label}
            </label>
          );
        }
        if (key === 'when') {
          return (
            <div key={key}>
              <label for={id(key)}>{label}</label>
              <select id={id(key)} value={String(value)} onChange={(e) => setConfig(key, e.currentTarget.value)}>
                {SCREEN_POP_WHEN.map((w) => (
                  <option key={w} value={w}>
                    {t(`crmCfg_when_${w}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          );
        }
        const secret = adapter.secrets.includes(key);
        const text =
          JSON_KEYS.includes(key) && typeof value !== 'string'
            ? JSON.stringify(value ?? [])
            : typeof value === 'string'
              ? value
              : '';
        const common = {
          id: id(key),
          value: text,
          autoComplete: 'off',
          spellcheck: false,
          onInput: (e: { currentTarget: { value: string } }) => setConfig(key, e.currentTarget.value),
          ...(secret && props.secretsSet.includes(key) ? { placeholder: t('crmSecretSaved') } : {}),
          ...described(name),
        };
        return (
          <div key={key}>
            <label for={id(key)}>{label}</label>
            {MULTILINE.includes(key) ? (
              <textarea rows={3} {...common} />
            ) : (
              <input type={secret ? 'password' : 'text'} {...common} />
            )}
            <Err name={name} />
          </div>
        );
      })}
      {adapter.capabilities.includes('log') && (
        <>
          <label for={id('autoLog')}>{t('crmAutoLog')}</label>
          <select
            id={id('autoLog')}
            value={c.autoLog}
            onChange={(e) => set({ autoLog: e.currentTarget.value as ConnectionDraft['autoLog'] })}
          >
            {AUTO_LOG.map((a) => (
              <option key={a} value={a}>
                {t(keyOf('crmAutoLog', a))}
              </option>
            ))}
          </select>
          <label class="check">
            <input
              type="checkbox"
              checked={c.logMissed}
              onChange={(e) => set({ logMissed: e.currentTarget.checked })}
            />{' '}
            {t('crmLogMissed')}
          </label>
        </>
      )}
      {adapter.fields.length > 0 && (
        <fieldset class="crm-fields-choice">
          <legend>{t('crmPopupFields')}</legend>
          {adapter.fields.map((f) => {
            const shown = c.popupFields.length ? c.popupFields : adapter.defaultFields;
            return (
              <label class="check" key={f.key}>
                <input
                  type="checkbox"
                  checked={shown.includes(f.key)}
                  onChange={(e) =>
                    set({ popupFields: e.currentTarget.checked ? [...shown, f.key] : shown.filter((k) => k !== f.key) })
                  }
                />{' '}
                {t(keyOf('crmField', f.key))}
              </label>
            );
          })}
        </fieldset>
      )}
      {props.accessMissing && <p class="warning">{t('crmAccessMissing')}</p>}
      <button type="button" class="crm-remove" onClick={() => props.onRemove()}>
        {t('crmRemove')}
      </button>
    </fieldset>
  );
}
