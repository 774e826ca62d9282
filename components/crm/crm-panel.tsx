import { useState } from 'preact/hooks';
import type { CallRecord } from '../../lib/call/types';
import type { CrmView } from '../../lib/crm/view';
import { t } from '../i18n';
import { trusted, type CrmActs } from './crm-acts';
import { LinkList, WrapUpForm } from './crm-link-menu';
import { CallerRecord, RelatedGroups } from './crm-record';
import { CreateRecord, FindAndLink, MatchChooser, problemText } from './crm-tools';

/** One line saying where the lookup is; never a spinner that could spin forever. */
function LookupStatus(props: { view: CrmView }) {
  const v = props.view;
  const problems = v.problems.map(problemText).join(' ');
  let text = '';
  if (v.status === 'loading') text = t('crmLooking');
  else if (v.status === 'failed') text = `${t('crmUnreachable')} ${problems}`;
  else if (v.status === 'done' && v.matches.length === 0)
    text = [t('crmUnknownCaller'), problems].filter(Boolean).join(' ');
  else if (problems) text = problems;
  if (!text) return null;
  return (
    <p class={`crm-status ${v.status}`} role="status">
      {text}
    </p>
  );
}

/**
 * The CRM part of a call pop-up (in the page and in the toolbar popup): who is calling and what
 * they have, the chooser when several records share the number, Find and link and Create… for an
 * unknown caller, and after hang-up the Link menu with the wrap-up. CRM data is rendered as text.
 */
export function CrmPanel(props: { view: CrmView; call: CallRecord; acts: CrmActs; idPrefix: string }) {
  const { view, call, acts } = props;
  const [changing, setChanging] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const chosen = view.matches.find((m) => `${m.connection}|${m.kind}|${m.id}` === view.chosen);
  const ended = call.phase === 'ended';
  const unknown = view.status !== 'loading' && view.matches.length === 0;
  const showChooser = view.matches.length > 1 && (!chosen || changing);
  const showMenu = ended || linkOpen;
  return (
    <section class="crm" aria-label={t('crmSection')}>
      <LookupStatus view={view} />
      {chosen && !showChooser && (
        <>
          <CallerRecord record={chosen} />
          {view.matches.length > 1 && (
            <p class="crm-note">
              {view.remembered ? t('crmRemembered') : ''}{' '}
              <button type="button" class="crm-inline" onClick={trusted(() => setChanging(true))}>
                {t('crmChange')}
              </button>
            </p>
          )}
        </>
      )}
      {showChooser && (
        <MatchChooser matches={view.matches} chosen={view.chosen} acts={acts} onDone={() => setChanging(false)} />
      )}
      {chosen && view.relatedStatus === 'loading' && <p class="crm-note">{t('crmRelatedLoading')}</p>}
      {chosen && view.relatedStatus === 'failed' && <p class="crm-note">{t('crmRelatedFailed')}</p>}
      {chosen && <RelatedGroups groups={view.related} />}
      {unknown && !ended && view.number && (
        <div class="crm-unknown">
          {view.canSearch && <FindAndLink acts={acts} attach idPrefix={`${props.idPrefix}-u`} />}
          <CreateRecord targets={view.create} acts={acts} idPrefix={`${props.idPrefix}-u`} defaultName="" />
        </div>
      )}
      {!showMenu && (view.canLog || view.create.length > 0) && (
        <button type="button" class="crm-open-menu" aria-expanded="false" onClick={trusted(() => setLinkOpen(true))}>
          {t('crmLinkMenu')}
        </button>
      )}
      {showMenu && (
        <section class="crm-menu" aria-label={t('crmLinkMenu')}>
          <h3>{t('crmLinkMenu')}</h3>
          <LinkList view={view} />
          {view.canLog && <WrapUpForm view={view} acts={acts} idPrefix={props.idPrefix} ended={ended} />}
          {view.canSearch && (unknown ? ended : true) && (
            <FindAndLink acts={acts} attach={unknown} idPrefix={`${props.idPrefix}-l`} />
          )}
          {(ended || !unknown) && (
            <CreateRecord targets={view.create} acts={acts} idPrefix={`${props.idPrefix}-l`} defaultName="" />
          )}
          {ended && view.wrapUpUntil !== undefined && (
            <button type="button" class="crm-done" onClick={trusted(() => acts.dismiss())}>
              {t('crmDone')}
            </button>
          )}
        </section>
      )}
    </section>
  );
}
