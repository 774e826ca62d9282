import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ADAPTERS } from '../../providers/crm';
import { ADAPTER_NAMES, type AdapterName } from '../../providers/crm/types';
import { checkCrmDraft } from '../../lib/crm/settings-draft';
import type { CrmSettingsDraft } from '../../lib/settings/schema';
import { keyOf, t, type MessageKey } from '../i18n';
import { request } from '../page-request';
import { ConnectionForm, type ConnectionErrors } from './crm-connection-form';

interface Loaded {
  crm: CrmSettingsDraft;
  secretsSet: Record<string, string[]>;
  granted: Record<string, boolean>;
  origins: Record<string, string[]>;
}

function isLoaded(r: unknown): r is Loaded {
  return typeof r === 'object' && r !== null && 'crm' in r && 'secretsSet' in r && 'granted' in r && 'origins' in r;
}

type Status = { kind: 'idle' } | { kind: 'busy' | 'ok' | 'bad'; text: string };

/**
 * The options page's CRM section: connections (one form per adapter), how long to wait, cache and
 * wrap-up, Save (which first asks the browser for access to the CRMs' sites: that needs the click)
 * and a test lookup. Secrets come back blank; leaving them blank keeps them.
 */
export function CrmSettingsForm() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<CrmSettingsDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, ConnectionErrors>>({});
  const [global, setGlobal] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [adding, setAdding] = useState<AdapterName>('bitrix24');
  const [testNumber, setTestNumber] = useState('');
  const [testResult, setTestResult] = useState('');

  const take = (r: unknown) => {
    if (!isLoaded(r)) return false;
    setLoaded(r);
    setDraft(r.crm);
    return true;
  };
  useEffect(() => {
    void request({ type: 'getCrmSettings' })
      .then(take)
      .catch(() => setStatus({ kind: 'bad', text: t('errEngine') }));
  }, []);
  if (!draft || !loaded) return <p class="empty">{t('crmLooking')}</p>;

  const setConnection = (i: number, next: CrmSettingsDraft['connections'][number]) =>
    setDraft({ ...draft, connections: draft.connections.map((c, j) => (j === i ? next : c)) });
  const add = () => {
    const id = `${adding}-${Math.random().toString(36).slice(2, 8)}`;
    setDraft({
      ...draft,
      connections: [
        ...draft.connections,
        {
          id,
          adapter: adding,
          label: '',
          enabled: true,
          autoLog: 'matched',
          logMissed: false,
          popupFields: [],
          config: ADAPTERS[adding].defaults(),
        },
      ],
    });
  };

  const save = (e: Event) => {
    e.preventDefault();
    const checked = checkCrmDraft(draft, loaded.secretsSet);
    if (!checked.ok) {
      setErrors(checked.errors);
      setGlobal(checked.global);
      setStatus({ kind: 'bad', text: t('formHasErrors') });
      return;
    }
    setErrors({});
    setGlobal({});
    // Access to the CRMs' sites must be asked for in this click (a user gesture), before any await.
    const origins = [
      ...new Set(
        checked.settings.connections
          .filter((c) => c.enabled)
          .flatMap((c) => {
            try {
              return ADAPTERS[c.adapter].origins(c.config);
            } catch {
              return loaded.origins[c.id] ?? [];
            }
          }),
      ),
    ];
    const asking = origins.length ? browser.permissions.request({ origins }) : Promise.resolve(true);
    if (origins.length) setStatus({ kind: 'busy', text: t('crmAskingAccess', origins.join(', ')) });
    void asking
      .catch(() => false)
      .then(async (granted) => {
        const reply = await request({ type: 'saveCrmSettings', crm: checked.settings }).catch(() => null);
        if (!take(reply)) return setStatus({ kind: 'bad', text: t('errEngine') });
        setStatus(
          granted
            ? { kind: 'ok', text: t('crmSaved') }
            : { kind: 'bad', text: t('crmAccessRefused', origins.join(', ')) },
        );
      });
  };

  const test = async (connection: string) => {
    setTestResult('…');
    const r = (await request({ type: 'crmTest', connection, number: testNumber }).catch(() => null)) as
      { ok: true; found: string[] } | { ok: false; error: string } | null;
    if (!r) return setTestResult(t('errEngine'));
    if (!r.ok)
      return setTestResult(
        r.error === 'number' ? t('crmTestNumberBad') : t('crmTestFailed', t(keyOf('crmError', r.error))),
      );
    setTestResult(r.found.length ? t('crmTestFound', r.found.join(', ')) : t('crmTestNone'));
  };

  const number = (key: 'lookupTimeoutMs' | 'cacheTtlSeconds' | 'wrapUpSeconds', label: MessageKey, scale = 1) => (
    <div>
      <label for={`crm-${key}`}>{t(label)}</label>
      <input
        id={`crm-${key}`}
        type="number"
        inputMode="numeric"
        value={String(draft[key] / scale)}
        aria-invalid={global[key] ? 'true' : 'false'}
        onInput={(e) => setDraft({ ...draft, [key]: Math.round(Number(e.currentTarget.value) * scale) })}
      />
      {global[key] && <p class="error">{t(global[key] as MessageKey)}</p>}
    </div>
  );

  const saved = new Set(loaded.crm.connections.map((c) => c.id));
  return (
    <form class="crm-settings" onSubmit={save}>
      <p class="hint">{t('crmIntro')}</p>
      {draft.connections.map((c, i) => (
        <div key={c.id}>
          <ConnectionForm
            value={c}
            secretsSet={loaded.secretsSet[c.id] ?? []}
            errors={errors[c.id] ?? {}}
            accessMissing={saved.has(c.id) && loaded.granted[c.id] === false}
            onChange={(next) => setConnection(i, next)}
            onRemove={() => setDraft({ ...draft, connections: draft.connections.filter((_, j) => j !== i) })}
          />
          {saved.has(c.id) && ADAPTERS[c.adapter].capabilities.includes('lookup') && (
            <div class="crm-test">
              <label for={`crm-test-${c.id}`}>{t('crmTestNumber')}</label>
              <div class="row">
                <input
                  id={`crm-test-${c.id}`}
                  type="tel"
                  value={testNumber}
                  onInput={(e) => setTestNumber(e.currentTarget.value)}
                />
                <button type="button" onClick={() => void test(c.id)}>
                  {t('crmTest')}
                </button>
              </div>
              <p role="status">{testResult}</p>
            </div>
          )}
        </div>
      ))}
      <div class="row">
        <label for="crm-add-adapter">{t('crmAdapterLabel')}</label>
        <select id="crm-add-adapter" value={adding} onChange={(e) => setAdding(e.currentTarget.value as AdapterName)}>
          {ADAPTER_NAMES.map((n) => (
            <option key={n} value={n}>
              {t(keyOf('crmAdapter', n))}
            </option>
          ))}
        </select>
        <button type="button" onClick={add}>
          {t('crmAddConnection')}
        </button>
      </div>
      {number('lookupTimeoutMs', 'crmLookupTimeout', 1000)}
      {number('cacheTtlSeconds', 'crmCacheTtl')}
      {number('wrapUpSeconds', 'crmWrapUpSeconds')}
      <div class="buttons">
        <button type="submit" class="primary" disabled={status.kind === 'busy'}>
          {t('crmSave')}
        </button>
      </div>
      <p class={`result ${status.kind}`} role="status">
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </form>
  );
}
