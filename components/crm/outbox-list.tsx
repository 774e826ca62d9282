import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { CrmDb, type OutboxJob } from '../../lib/store/crm-db';
import { keyOf, t } from '../i18n';
import { request } from '../page-request';

let db: CrmDb | undefined;

/** CRM writes still waiting or failed, newest first, kept live from the outbox store. */
export function useOutbox(limit = 50): OutboxJob[] {
  const [jobs, setJobs] = useState<OutboxJob[]>([]);
  useEffect(() => {
    db ??= new CrmDb();
    const store = db;
    const sub = liveQuery(() =>
      store.outbox
        .orderBy('updatedAt')
        .reverse()
        .filter((j) => j.state !== 'done')
        .limit(limit)
        .toArray(),
    ).subscribe({ next: setJobs, error: () => setJobs([]) });
    return () => sub.unsubscribe();
  }, [limit]);
  return jobs;
}

function what(job: OutboxJob): string {
  if (job.op === 'log') return t('crmJobLog', job.call.remote, job.record?.title ?? t('crmNoRecord'));
  if (job.op === 'create') return t('crmJobCreate', t(keyOf('crmKind', job.kind)), job.prefill.name);
  return t('crmJobAttach', job.call.remote, job.record.title);
}

function state(job: OutboxJob): string {
  const error = job.error ? t(keyOf('crmError', job.error.code)) : '';
  if (job.state === 'failed') return t('crmJobFailed', error);
  if (job.state === 'sending') return t('crmJobSending');
  const at = new Date(job.nextAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return job.attempts > 0 ? t('crmJobRetry', error, at) : t('crmJobWaiting', at);
}

/** The outbox in words: every CRM write not yet done, with why and when it is tried next, and Retry. */
export function OutboxList(props: { jobs: OutboxJob[] }) {
  if (props.jobs.length === 0) return <p class="empty">{t('crmOutboxEmpty')}</p>;
  return (
    <ul class="crm-outbox" aria-label={t('crmOutbox')}>
      {props.jobs.map((job) => (
        <li key={job.key}>
          <span class="crm-job-what">{what(job)}</span>
          <span class={`crm-job-state ${job.state}`}>{state(job)}</span>
          {job.state !== 'sending' && (
            <button
              type="button"
              onClick={() => void request({ type: 'crmRetry', key: job.key }).catch(() => undefined)}
            >
              {t('crmRetry')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
