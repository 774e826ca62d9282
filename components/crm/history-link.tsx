import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import type { CallRecord } from '../../lib/call/types';
import { crmViewSchema, type CrmView } from '../../lib/crm/view';
import { t } from '../i18n';
import { request } from '../page-request';
import { CrmPanel } from './crm-panel';
import { pageRequestCrmActs } from './page-crm-acts';

/** The Link menu of a call from the journal: looked up again, links and logs as for a live call. */
export function HistoryLink(props: { call: CallRecord; live: CrmView | undefined; onClose(): void }) {
  const [first, setFirst] = useState<CrmView | null | undefined>(undefined);
  useEffect(() => {
    void request({ type: 'crmOpen', callId: props.call.id })
      .then((raw) => {
        const parsed = z.safeParse(crmViewSchema, raw);
        setFirst(parsed.success ? parsed.data : null);
      })
      .catch(() => setFirst(null));
  }, [props.call.id]);
  const view = props.live ?? first;
  const { remoteName, remoteNumber } = props.call;
  const title = t('crmLinkCall', remoteName ? `${remoteName} ${remoteNumber}` : remoteNumber);
  return (
    <section class="history-link" role="region" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={() => props.onClose()}>
          {t('close')}
        </button>
      </header>
      {view === undefined && <p class="crm-note">{t('crmLooking')}</p>}
      {view === null && <p class="crm-note">{t('crmNotSetUp')}</p>}
      {view && (
        <CrmPanel
          view={view}
          call={{ ...props.call, phase: 'ended' }}
          acts={pageRequestCrmActs(props.call.id)}
          idPrefix={`h-${props.call.id.slice(0, 8)}`}
        />
      )}
    </section>
  );
}
