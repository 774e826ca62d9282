import { browser } from 'wxt/browser';
import type { EngineState } from '../../lib/engine/state';
import { keyOf, t } from '../../components/i18n';
import { badgeFace } from '../../lib/journal/badge-face';

const COLORS = { registered: '#1a7f37', connecting: '#b7791f', error: '#c53030', unconfigured: '#6b7280' } as const;

/** The toolbar action (MV3 `action`, MV2 `browserAction`). */
function action(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** What the badge shows besides registration: callers to call back (the journal's missed calls). */
let missedCallers = 0;
let lastState: EngineState | undefined;

/** The number of callers waiting for a call back changed. */
export async function showMissed(count: number): Promise<void> {
  missedCallers = count;
  if (lastState) await showBadge(lastState);
}

/** Shows registration on the toolbar icon: a short word, a colour, and a tooltip in full. */
export async function showBadge(state: EngineState): Promise<void> {
  lastState = state;
  const r = state.registration;
  const { text } = badgeFace(
    r.status,
    { registered: t('badgeRegistered'), connecting: t('badgeConnecting'), error: t('badgeError') },
    missedCallers,
  );
  const title =
    r.status === 'registered'
      ? t('titleRegistered', r.aor ?? '')
      : r.status === 'connecting'
        ? `${t('titleConnecting', r.aor ?? '')}${r.error ? `: ${t(keyOf('regError', r.error))}` : ''}`
        : r.status === 'error'
          ? t('titleError', t(keyOf('regError', r.error ?? 'rejected')))
          : t('titleUnconfigured');
  const a = action();
  await Promise.all([
    a.setBadgeText({ text }),
    a.setBadgeBackgroundColor({ color: COLORS[r.status] }),
    a.setTitle({
      title: `${t('extName')}: ${title}${missedCallers > 0 ? `\n${t('titleMissed', String(missedCallers))}` : ''}`,
    }),
  ]);
}
