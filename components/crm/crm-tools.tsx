import { useState } from 'preact/hooks';
import { recordKey, type CreateTarget, type CrmProblem } from '../../lib/crm/view';
import type { CrmRecord, RecordKind } from '../../providers/crm/types';
import { keyOf, t } from '../i18n';
import { trusted, type CrmActs } from './crm-acts';

/** "Bitrix24: not answering" for each CRM that could not answer. */
export function problemText(p: CrmProblem): string {
  return t('crmProblem', p.connection, t(keyOf('crmError', p.code)));
}

/** Several records share the number: the agent picks who is calling; the choice is remembered for the number. */
export function MatchChooser(props: {
  matches: CrmRecord[];
  chosen?: string | undefined;
  acts: CrmActs;
  onDone?: () => void;
}) {
  return (
    <fieldset class="crm-chooser">
      <legend>{t('crmWhoIsCalling')}</legend>
      <ul>
        {props.matches.map((m) => {
          const key = recordKey(m);
          return (
            <li key={key}>
              <button
                type="button"
                aria-pressed={props.chosen === key ? 'true' : 'false'}
                onClick={trusted(() => {
                  props.acts.choose(key);
                  props.onDone?.();
                })}
              >
                <span class="crm-option-title">{m.title}</span>
                {m.subtitle && <span class="crm-option-sub">{m.subtitle}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** Find and link: search the CRMs by name, email, company or number, and attach the caller's number to a result. */
export function FindAndLink(props: { acts: CrmActs; attach: boolean; idPrefix: string }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CrmRecord[] | null>(null);
  const [status, setStatus] = useState('');
  const search = async () => {
    setStatus(t('crmSearching'));
    const reply = await props.acts.search(query.trim());
    if (!reply) return setStatus(t('crmError_unreachable'));
    setResults(reply.results);
    setStatus(
      [reply.results.length ? '' : t('crmNothingFound'), ...reply.problems.map(problemText)].filter(Boolean).join(' '),
    );
  };
  const find = trusted((e: Event) => {
    e.preventDefault();
    if (query.trim()) void search();
  });
  const id = `${props.idPrefix}-find`;
  return (
    <form class="crm-find" onSubmit={find}>
      <label for={id}>{t('crmFindLabel')}</label>
      <div class="crm-row">
        <input
          id={id}
          type="search"
          autoComplete="off"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button type="submit">{t('crmFind')}</button>
      </div>
      <p class="crm-note" role="status">
        {status}
      </p>
      {results && results.length > 0 && (
        <ul class="crm-results" aria-label={t('crmResults')}>
          {results.map((r) => (
            <li key={recordKey(r)}>
              <span>
                {r.title}
                {r.subtitle ? ` · ${r.subtitle}` : ''}
              </span>
              <button
                type="button"
                aria-label={t('crmLinkTo', r.title)}
                onClick={trusted(() => {
                  props.acts.link(r, props.attach);
                  setResults(null);
                  setStatus(t('crmLinked', r.title));
                })}
              >
                {t('crmLink')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** Create…: a record of any kind the CRM has, prefilled with the caller's number; linked to the call once created. */
export function CreateRecord(props: { targets: CreateTarget[]; acts: CrmActs; idPrefix: string; defaultName: string }) {
  const options = props.targets.flatMap((target) => target.kinds.map((kind) => ({ target, kind })));
  const [picked, setPicked] = useState<{ connection: string; kind: RecordKind } | null>(null);
  const [name, setName] = useState(props.defaultName);
  if (options.length === 0) return null;
  const several = props.targets.length > 1;
  const label = (o: { target: CreateTarget; kind: RecordKind }) =>
    several
      ? t('crmCreateIn', t(keyOf('crmKind', o.kind)), o.target.label)
      : t('crmCreateKind', t(keyOf('crmKind', o.kind)));
  const id = `${props.idPrefix}-create-name`;
  if (!picked) {
    return (
      <div class="crm-create" role="group" aria-label={t('crmCreate')}>
        {options.map((o) => (
          <button
            key={`${o.target.connection}-${o.kind}`}
            type="button"
            onClick={trusted(() => setPicked({ connection: o.target.connection, kind: o.kind }))}
          >
            {label(o)}
          </button>
        ))}
      </div>
    );
  }
  const kindWord = t(keyOf('crmKind', picked.kind));
  return (
    <form
      class="crm-create-form"
      onSubmit={trusted((e: Event) => {
        e.preventDefault();
        if (!name.trim()) return;
        props.acts.create(picked.connection, picked.kind, name.trim());
        setPicked(null);
      })}
    >
      <label for={id}>
        {picked.kind === 'contact' || picked.kind === 'lead' || picked.kind === 'company'
          ? t('crmNameLabel')
          : t('crmTitleLabel')}
      </label>
      <input id={id} value={name} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} />
      <div class="crm-row">
        <button type="submit">{t('crmCreateKind', kindWord)}</button>
        <button type="button" onClick={trusted(() => setPicked(null))}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
