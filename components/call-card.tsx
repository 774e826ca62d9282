import type { ComponentChildren } from 'preact';
import type { CallRecord } from '../lib/call/types';
import { callStatusText, callTitle } from './call-status';
import { t } from './i18n';
import { useNow } from './use-now';

/** An action the agent takes on a call. */
export type CallAction = 'answer' | 'reject' | 'hangup';

/**
 * A call: who, where it is, and what the agent can do. Used by the in-page pop-up and the dialer. Caller IDs are hostile input: they are only ever rendered as text
 * nodes. Actions fire only for trusted (real user) events, so the page cannot click for the agent.
 */
export function CallCard(props: {
  call: CallRecord;
  onAction(action: CallAction): void;
  /** More about the call inside the card (the CRM panel, issue 4). */
  children?: ComponentChildren;
}) {
  const { call } = props;
  const now = useNow(call.phase === 'connected');
  const act = (action: CallAction) => (e: Event) => {
    if (e.isTrusted) props.onAction(action);
  };
  const ringingIn = call.direction === 'inbound' && call.phase === 'ringing';
  const title = callTitle(call);
  return (
    <section class={`call-card phase-${call.phase}`} role="dialog" aria-label={title}>
      <header class="title">{title}</header>
      {call.remoteName && <div class="name">{call.remoteName}</div>}
      <div class="number">{call.remoteNumber}</div>
      <div class="status" role="status">
        {callStatusText(call, now)}
      </div>
      <div class="actions">
        {ringingIn && (
          <button type="button" class="accept" onClick={act('answer')}>
            {t('accept')}
          </button>
        )}
        {ringingIn && (
          <button type="button" class="reject" onClick={act('reject')}>
            {t('reject')}
          </button>
        )}
        {!ringingIn && call.phase !== 'ended' && (
          <button type="button" class="reject" onClick={act('hangup')}>
            {t('hangUp')}
          </button>
        )}
      </div>
      {props.children}
    </section>
  );
}
