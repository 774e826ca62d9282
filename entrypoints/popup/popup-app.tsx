import { browser } from 'wxt/browser';
import { CallCard, type CallAction } from '../../components/call-card';
import { Dialer } from '../../components/dialer';
import { t } from '../../components/i18n';
import { request } from '../../components/page-request';
import { RecentCalls } from '../../components/recent-calls';
import { RegistrationStatus } from '../../components/registration-status';
import { SiteSwitch } from '../../components/site-switch';
import { useEngineState } from '../../components/use-engine-state';
import { useMicPermission } from '../../components/use-mic-permission';
import { useRecentCalls } from '../../components/use-recent-calls';
import { JournalLinks } from '../../components/journal/journal-links';
import { useState } from 'preact/hooks';
import type { CallRecord } from '../../lib/call/types';
import { CrmPanel } from '../../components/crm/crm-panel';
import { CallVariables } from '../../components/call-variables';
import { HistoryLink } from '../../components/crm/history-link';
import { OutboxList, useOutbox } from '../../components/crm/outbox-list';
import { pageRequestCrmActs } from '../../components/crm/page-crm-acts';
import { useCrmConfigured, useCrmViews } from '../../components/crm/use-crm-views';

/** The toolbar popup: status, microphone warning, the live call, the dialer and recent calls. */
export function PopupApp() {
  const state = useEngineState();
  const mic = useMicPermission();
  const recent = useRecentCalls(10);
  const registered = state?.registration.status === 'registered';
  const live = state?.calls ?? [];
  const busy = live.some((c) => c.phase !== 'ended');
  const act = (callId: string) => (action: CallAction) => void request({ type: action, callId }).catch(() => undefined);
  const crmViews = useCrmViews();
  const crmConfigured = useCrmConfigured();
  const outbox = useOutbox(20);
  const [linking, setLinking] = useState<CallRecord | null>(null);
  const crmOn = crmViews.size > 0 || outbox.length > 0 || crmConfigured;
  return (
    <div class="popup-page">
      <header>
        <h1>{t('extName')}</h1>
        <JournalLinks />
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('settings')}
        </a>
      </header>
      <RegistrationStatus registration={state?.registration} />
      {mic !== 'granted' && mic !== 'unknown' && (
        <p class="warning" role="alert">
          {t('micMissing')}{' '}
          <a href={browser.runtime.getURL('/onboarding.html')} target="_blank" rel="noreferrer">
            {t('micFix')}
          </a>
        </p>
      )}
      {live.map((call) => {
        const view = crmViews.get(call.id);
        return (
          <CallCard key={call.id} call={call} onAction={act(call.id)}>
            <CallVariables call={call} />
            {view && (
              <CrmPanel
                view={view}
                call={call}
                acts={pageRequestCrmActs(call.id)}
                idPrefix={`p-${call.id.slice(0, 8)}`}
              />
            )}
          </CallCard>
        );
      })}
      <Dialer disabled={!registered || busy} />
      <SiteSwitch />
      <h2>{t('recentCalls')}</h2>
      {linking && <HistoryLink call={linking} live={crmViews.get(linking.id)} onClose={() => setLinking(null)} />}
      <RecentCalls calls={recent} canDial={registered && !busy} {...(crmOn ? { onLink: setLinking } : {})} />
      {outbox.length > 0 && (
        <>
          <h2>{t('crmOutbox')}</h2>
          <OutboxList jobs={outbox} />
        </>
      )}
    </div>
  );
}
