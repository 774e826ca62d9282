import { useState } from 'preact/hooks';
import type { CrmView, ViewLink } from '../../lib/crm/view';
import { keyOf, t } from '../i18n';
import { trusted, type CrmActs } from './crm-acts';
import { RecordLink } from './crm-record';

/** How a link's logging stands, in words. */
function linkState(l: ViewLink): string {
  const base = t(keyOf('crmLinkState', l.state));
  return l.error && l.state !== 'done' ? `${base}: ${t(keyOf('crmError', l.error))}` : base;
}

/** All links of the call, each with its logging state (and the logged call, once logged). */
export function LinkList(props: { view: CrmView }) {
  const { links, creating } = props.view;
  if (links.length === 0 && creating.length === 0) return <p class="crm-note">{t('crmNoLinks')}</p>;
  return (
    <ul class="crm-links" aria-label={t('crmAllLinks')}>
      {links.map((l) => (
        <li key={`${l.record.connection}|${l.record.kind}|${l.record.id}`}>
          <span class="crm-kind">{t(keyOf('crmKind', l.record.kind))}</span>{' '}
          <RecordLink title={l.record.title} url={l.record.url} />
          <span class={`crm-state ${l.state}`}> — {linkState(l)}</span>
          {l.logUrl && (
            <>
              {' '}
              <a href={l.logUrl} target="_blank" rel="noopener noreferrer">
                {t('crmOpenLoggedCall')}
              </a>
            </>
          )}
        </li>
      ))}
      {creating.map((c) => (
        <li key={c.key}>
          <span class="crm-kind">{t(keyOf('crmKind', c.kind))}</span> {c.name}
          <span class={`crm-state ${c.state}`}>
            {' '}
            —{' '}
            {c.state === 'failed' ? t('crmCreateFailed', t(keyOf('crmError', c.error ?? 'server'))) : t('crmCreating')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The Link menu's wrap-up: subject, summary and disposition; saving logs the call now if it has ended. */
export function WrapUpForm(props: { view: CrmView; acts: CrmActs; idPrefix: string; ended: boolean }) {
  const saved = props.view.wrapUp;
  const [subject, setSubject] = useState(saved?.subject ?? '');
  const [summary, setSummary] = useState(saved?.summary ?? '');
  const [disposition, setDisposition] = useState(saved?.disposition ?? '');
  const [note, setNote] = useState('');
  const id = (name: string) => `${props.idPrefix}-${name}`;
  return (
    <form
      class="crm-wrapup"
      onSubmit={trusted((e: Event) => {
        e.preventDefault();
        props.acts.wrapUp({ subject, summary, ...(disposition ? { disposition } : {}) });
        setNote(props.ended ? t('crmWrapUpSent') : t('crmWrapUpSaved'));
      })}
    >
      <label for={id('subject')}>{t('crmSubject')}</label>
      <input id={id('subject')} value={subject} maxLength={256} onInput={(e) => setSubject(e.currentTarget.value)} />
      <label for={id('summary')}>{t('crmSummary')}</label>
      <textarea
        id={id('summary')}
        rows={3}
        maxLength={4000}
        value={summary}
        onInput={(e) => setSummary(e.currentTarget.value)}
      />
      {props.view.dispositions.length > 0 && (
        <>
          <label for={id('disposition')}>{t('crmDisposition')}</label>
          <select id={id('disposition')} value={disposition} onChange={(e) => setDisposition(e.currentTarget.value)}>
            <option value="">{t('crmNoDisposition')}</option>
            {props.view.dispositions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </>
      )}
      <div class="crm-row">
        <button type="submit">{props.ended ? t('crmSaveAndLog') : t('crmSaveNotes')}</button>
      </div>
      <p class="crm-note" role="status">
        {note}
      </p>
    </form>
  );
}
