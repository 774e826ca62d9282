import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string } };
}

/** Main-thread work attributed to the content script in a trace window. */
export interface ScriptWork {
  /** Milliseconds of main-thread tasks that ran the content script (its share of mixed tasks). */
  totalMs: number;
  /** The longest such task, ms. */
  longestTaskMs: number;
  /** All main-thread task time in the window, page's own work included, ms. */
  allTasksMs: number;
}

/** Top-level main-thread tasks (the name changed across Chromium versions). */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const OURS = /^chrome-extension:\/\/[a-p]{32}\/content-scripts\//;
/** Script execution that is not inside one of our calls means the task also ran page code. */
const FOREIGN_SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'v8.run', 'v8.callFunction', 'v8.evaluateModule']);

/** Whether `inner` lies within `outer` (same thread). */
function contains(outer: TraceEvent, inner: TraceEvent): boolean {
  return inner.ts >= outer.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
}

/**
 * Records a Chromium trace of `page`'s renderer while `work` runs and attributes main-thread
 * tasks to the content script: a task that ran only our code (including the native message
 * decoding before our callback) counts whole, a task shared with page code counts only our calls.
 */
export async function traceContentScript(page: Page, work: () => Promise<void>): Promise<ScriptWork> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  let totalMs = 0;
  let longestTaskMs = 0;
  let allTasksMs = 0;
  for (const list of byThread.values()) {
    const tasks = list.filter((e) => TASKS.has(e.name));
    const ours = list.filter((e) => e.name === 'FunctionCall' && OURS.test(e.args?.data?.url ?? ''));
    if (!ours.length) continue;
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      allTasksMs += (task.dur ?? 0) / 1000;
      const inside = (e: TraceEvent) => e.ts >= task.ts && e.ts <= end;
      const mine = ours.filter(inside);
      if (!mine.length) continue;
      // Page code in the same task (its own scripts, or the benchmark's evaluate that appends rows
      // and so runs our MutationObserver as a microtask) is not ours: count only our calls then.
      const foreign = list.some((e) => {
        // Parsing the page is the page's work, even when our DOMContentLoaded code ends the task.
        if (inside(e) && e.name === 'ParseHTML') return true;
        if (!inside(e) || !FOREIGN_SCRIPT.has(e.name) || mine.includes(e)) return false;
        if (mine.some((m) => contains(m, e))) return false;
        // A wrapper around our call (v8.callFunction → FunctionCall) is ours unless it did more.
        const wrapped = mine.filter((m) => contains(e, m)).reduce((sum, m) => sum + (m.dur ?? 0), 0);
        return (e.dur ?? 0) - wrapped > 300;
      });
      const ms = foreign ? mine.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000 : (task.dur ?? 0) / 1000;
      totalMs += ms;
      longestTaskMs = Math.max(longestTaskMs, ms);
    }
  }
  return { totalMs, longestTaskMs, allTasksMs };
}
