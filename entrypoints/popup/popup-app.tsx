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

/** The toolbar popup: status, microphone warning, the live call, the dialer and recent calls. */
export function PopupApp() {
  const state = useEngineState();
  const mic = useMicPermission();
  const recent = useRecentCalls(10);
  const registered = state?.registration.status === 'registered';
  const live = state?.calls ?? [];
  const busy = live.some((c) => c.phase !== 'ended');
  const act = (callId: string) => (action: CallAction) => void request({ type: action, callId }).catch(() => undefined);
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
      {live.map((call) => (
        <CallCard key={call.id} call={call} onAction={act(call.id)} />
      ))}
      <Dialer disabled={!registered || busy} />
      <SiteSwitch />
      <h2>{t('recentCalls')}</h2>
      <RecentCalls calls={recent} canDial={registered && !busy} />
    </div>
  );
}
