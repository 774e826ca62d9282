import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { loadDashboard, SLA_PERIODS, type Dashboard, type SlaPeriod } from '../../lib/journal/dashboard-data';
import { journalSettingsSchema } from '../../lib/settings/schema';
import { keyOf, t } from '../i18n';
import { request } from '../page-request';
import { BarChart } from './bar-chart';
import { durationText, formatWhen, outcomeWords, who } from './format';
import type { JournalDb } from './journal-db';
import type { StoredCall } from '../../lib/store/stored-call';

/** The first day of the week in the agent's locale (1 Monday … 7 Sunday), Monday when unknown. */
function firstDayOfWeek(): number {
  try {
    const loc = new Intl.Locale(browser.i18n.getUILanguage()) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return loc.getWeekInfo?.().firstDay ?? loc.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

/**
 * The dashboard: Oktell's totals (incoming this week, outgoing today, longest hold, average talk
 * and time to answer this week, per-day charts for the month, today's calls) and Spikon's
 * answered/missed counts and SLA with its threshold N. One index range read, kept live.
 */
export function DashboardView(props: { journal: JournalDb }) {
  const [sla, setSla] = useState<number | null>(null);
  const [slaText, setSlaText] = useState('');
  const [slaError, setSlaError] = useState('');
  const [period, setPeriod] = useState<SlaPeriod>('today');
  const [board, setBoard] = useState<Dashboard<StoredCall> | null>(null);

  useEffect(() => {
    void request({ type: 'getJournalSettings' }).then((raw) => {
      const s = z.safeParse(journalSettingsSchema, raw);
      const n = s.success ? s.data.slaSeconds : 20;
      setSla(n);
      setSlaText(String(n));
    });
  }, []);
  useEffect(() => {
    if (sla === null) return;
    const sub = liveQuery(() =>
      loadDashboard(props.journal.db, Date.now(), {
        slaSeconds: sla,
        slaPeriod: period,
        firstDayOfWeek: firstDayOfWeek(),
      }),
    ).subscribe({ next: setBoard, error: () => setBoard(null) });
    return () => sub.unsubscribe();
  }, [props.journal, sla, period]);

  const saveSla = async () => {
    const parsed = journalSettingsSchema.safeParse({ slaSeconds: Number(slaText) });
    if (!parsed.success || slaText.trim() === '') return setSlaError(t('errSlaSeconds'));
    setSlaError('');
    const reply = z.safeParse(
      journalSettingsSchema,
      await request({ type: 'saveJournalSettings', journal: parsed.data }).catch(() => null),
    );
    if (reply.success) setSla(reply.data.slaSeconds);
    else setSlaError(t('errEngine'));
  };

  if (!board) return <p>{t('counting')}</p>;
  const { totals, service, days } = board;
  const figure = (label: string, value: string) => (
    <div class="figure" role="group" aria-label={label}>
      <div class="value">{value}</div>
      <div class="label">{label}</div>
    </div>
  );
  return (
    <section class="dashboard" aria-label={t('tabDashboard')}>
      <h2>{t('dashTotals')}</h2>
      <div class="figures">
        {figure(t('dashIncomingWeek'), String(totals.incomingThisWeek))}
        {figure(t('dashOutgoingToday'), String(totals.outgoingToday))}
        {figure(t('dashMaxHoldWeek'), durationText(totals.maxHoldThisWeekMs))}
        {figure(t('dashAvgTalkWeek'), durationText(totals.avgTalkThisWeekMs))}
        {figure(t('dashAvgRingWeek'), durationText(totals.avgRingThisWeekMs))}
      </div>
      <h2>{t('dashService')}</h2>
      <div class="sla-settings">
        <label for="sla-seconds">{t('dashSlaSeconds')}</label>
        <input
          id="sla-seconds"
          type="number"
          min={1}
          max={600}
          value={slaText}
          aria-invalid={slaError ? 'true' : 'false'}
          aria-describedby={slaError ? 'sla-error' : undefined}
          onInput={(e) => setSlaText(e.currentTarget.value)}
          onChange={() => void saveSla()}
        />
        <label for="sla-period">{t('dashPeriod')}</label>
        <select id="sla-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as SlaPeriod)}>
          {SLA_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(keyOf('period', p))}
            </option>
          ))}
        </select>
        {slaError && (
          <p id="sla-error" class="error" role="alert">
            {slaError}
          </p>
        )}
      </div>
      <div class="figures">
        {figure(t('dashAnswered'), String(service.answered))}
        {figure(t('dashMissed'), String(service.missed))}
        {figure(
          t('dashSla', String(sla ?? '')),
          service.slaPercent === null ? '—' : `${service.slaPercent.toFixed(1)} %`,
        )}
        {figure(t('dashAvgWait'), durationText(service.avgWaitMs))}
        {figure(t('dashAvgTalk'), durationText(service.avgTalkMs))}
      </div>
      <div class="charts">
        <BarChart
          title={t('dashChartTalk')}
          labels={days.map((d) => String(d.day))}
          values={days.map((d) => seconds(d.avgTalkMs))}
          unit={t('unitSeconds')}
          format={(v) => durationText(v * 1000)}
        />
        <BarChart
          title={t('dashChartRing')}
          labels={days.map((d) => String(d.day))}
          values={days.map((d) => seconds(d.avgRingMs))}
          unit={t('unitSeconds')}
          format={(v) => durationText(v * 1000)}
        />
      </div>
      <h2>{t('dashToday')}</h2>
      {board.today.length === 0 ? (
        <p class="empty">{t('dashNoCallsToday')}</p>
      ) : (
        <ul class="today" aria-label={t('dashToday')}>
          {board.today.slice(0, 50).map((c) => (
            <li key={c.id}>
              <span>{formatWhen(c.startedAt)}</span> <span>{t(keyOf('direction', c.direction))}</span>{' '}
              <span>{who(c)}</span> <span>{outcomeWords(c)}</span> <span>{durationText(c.talkDurationMs)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
