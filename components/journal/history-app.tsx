import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { missedCallerCount } from '../../lib/journal/missed-store';
import { dialReplySchema } from '../../lib/protocol/offscreen';
import { t, type MessageKey } from '../i18n';
import { request } from '../page-request';
import { useEngineState } from '../use-engine-state';
import { CallsView } from './calls-view';
import { DashboardView } from './dashboard-view';
import { openJournalDb, type JournalDb } from './journal-db';
import { MissedView } from './missed-view';
import { RecordingsView } from './recordings-view';

/** The journal's tabs, addressable as the page's hash (`history.html#missed`). */
const TABS = ['calls', 'missed', 'dashboard', 'recordings'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, MessageKey> = {
  calls: 'tabCalls',
  missed: 'tabMissed',
  dashboard: 'tabDashboard',
  recordings: 'tabRecordings',
};

const tabOf = (hash: string): Tab =>
  (TABS as readonly string[]).includes(hash.slice(1)) ? (hash.slice(1) as Tab) : 'calls';

/** The call journal page: calls, missed calls, dashboard and recordings. */
export function HistoryApp() {
  const [journal, setJournal] = useState<JournalDb | null>(null);
  const [failed, setFailed] = useState(false);
  const [tab, setTab] = useState<Tab>(tabOf(location.hash));
  const [missed, setMissed] = useState(0);
  const [dialError, setDialError] = useState('');
  const state = useEngineState();
  const busy = state?.calls.some((c) => c.phase !== 'ended') ?? false;
  const canDial = state?.registration.status === 'registered' && !busy;

  useEffect(() => {
    openJournalDb().then(setJournal, () => setFailed(true));
    const onHash = () => setTab(tabOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!journal) return;
    const sub = liveQuery(() => missedCallerCount(journal.db)).subscribe({
      next: setMissed,
      error: () => setMissed(0),
    });
    return () => sub.unsubscribe();
  }, [journal]);

  const dial = (number: string) => {
    setDialError('');
    void request({ type: 'dial', number })
      .catch(() => null)
      .then((raw) => {
        const reply = z.safeParse(dialReplySchema, raw);
        if (!reply.success) setDialError(t('errEngine'));
        else if (!reply.data.ok) setDialError(t(reply.data.error as MessageKey));
      });
  };
  const select = (next: Tab) => {
    history.replaceState(null, '', `#${next}`);
    setTab(next);
  };

  if (failed) return <p role="alert">{t('errStore')}</p>;
  return (
    <div class="history-page">
      <header>
        <h1>{t('historyTitle')}</h1>
        <div role="tablist" aria-label={t('historyTitle')}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              onClick={() => select(id)}
            >
              {t(TAB_LABEL[id])}
              {id === 'missed' && missed > 0 ? ` (${missed})` : ''}
            </button>
          ))}
        </div>
      </header>
      {dialError && (
        <p class="error" role="alert">
          {dialError}
        </p>
      )}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {!journal ? (
          <p>{t('counting')}</p>
        ) : tab === 'calls' ? (
          <CallsView journal={journal} canDial={canDial} dial={dial} />
        ) : tab === 'missed' ? (
          <MissedView journal={journal} canDial={canDial} dial={dial} />
        ) : tab === 'dashboard' ? (
          <DashboardView journal={journal} />
        ) : (
          <RecordingsView journal={journal} />
        )}
      </div>
    </div>
  );
}
