import type { CallRecord } from '../lib/call/types';
import { formatDuration } from './format';
import { keyOf, t } from './i18n';
import { request } from './page-request';
import { prepareCall } from './prepare-call';
import type { StoredCall } from '../lib/store/stored-call';
import { redialNumber } from './journal/format';

/** The last calls from the store; each one redials on click. */
export function RecentCalls(props: {
  calls: StoredCall[];
  canDial: boolean;
  /** Opens the CRM Link menu of a call (issue 4); absent when no CRM is set up. */
  onLink?: (call: CallRecord) => void;
}) {
  if (props.calls.length === 0) return <p class="empty">{t('noRecentCalls')}</p>;
  return (
    <ul class="recent" aria-label={t('recentCalls')}>
      {props.calls.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            disabled={!props.canDial}
            aria-label={t('redial', c.remoteName ? `${c.remoteName} ${c.remoteNumber}` : c.remoteNumber)}
            onPointerEnter={prepareCall}
            onFocus={prepareCall}
            onClick={() => void request({ type: 'dial', number: redialNumber(c) }).catch(() => undefined)}
          >
            <span class="line">
              <span class={`dir ${c.direction}`} aria-hidden="true">
                {c.direction === 'inbound' ? '↙' : '↗'}
              </span>
              <span class="who">{c.remoteName || c.remoteNumber}</span>
              <span class="when">
                {new Date(c.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
              </span>
            </span>
            <span class={`outcome ${c.outcome ?? 'live'}`}>
              {c.remoteName ? `${c.remoteNumber} · ` : ''}
              {outcomeText(c)}
            </span>
          </button>
          {props.onLink && (
            <button
              type="button"
              class="link-call"
              aria-label={t('crmLinkCall', c.remoteName ? `${c.remoteName} ${c.remoteNumber}` : c.remoteNumber)}
              onClick={() => props.onLink?.(c)}
            >
              {t('crmLinkMenu')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function outcomeText(c: CallRecord): string {
  if (!c.outcome) return t('outcome_live');
  const word = t(keyOf('outcome', c.outcome));
  return c.outcome === 'answered' && c.talkDurationMs !== undefined
    ? `${word} ${formatDuration(c.talkDurationMs)}`
    : word;
}
