import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { missedCallerCount } from '../../lib/journal/missed-store';
import { t } from '../i18n';
import { openJournalDb } from './journal-db';
import './journal-links.css';

/** The popup's way into the journal: the calls, and the missed calls when some wait. */
export function JournalLinks() {
  const [missed, setMissed] = useState(0);
  useEffect(() => {
    let unsubscribe = () => undefined as void;
    void openJournalDb().then(({ db }) => {
      const sub = liveQuery(() => missedCallerCount(db)).subscribe({ next: setMissed, error: () => setMissed(0) });
      unsubscribe = () => sub.unsubscribe();
    });
    return () => unsubscribe();
  }, []);
  const url = (tab: string) => browser.runtime.getURL(`/history.html#${tab}`);
  return (
    <nav class="journal-links" aria-label={t('historyTitle')}>
      <a href={url('calls')} target="_blank" rel="noreferrer">
        {t('historyTitle')}
      </a>
      {missed > 0 && (
        <a href={url('missed')} target="_blank" rel="noreferrer" class="missed-link">
          {t('popupMissed', String(missed))}
        </a>
      )}
    </nav>
  );
}
