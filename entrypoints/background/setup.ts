import { browser, type Browser } from 'wxt/browser';
import { serialQueue } from '../../lib/async/serial';
import type { EngineApi } from '../../lib/engine/api';
import { UNCONFIGURED } from '../../lib/engine/registration';
import type { EngineState } from '../../lib/engine/state';
import { appLog } from '../../lib/log/app-log';
import { PAGE_PORT } from '../../lib/protocol/pages';
import { senderKind } from '../../lib/protocol/sender';
import { showBadge } from './badge';
import { CallDisplay } from './call-display';
import { ClickToCall } from './click-to-call';
import { ensureOffscreen, offscreenEngine } from './engine-link';
import { handleMessage } from './router';
import { JournalService } from './journal';
import { CrmClients } from './crm/crm-clients';
import type { CrmPageDeps } from './crm/crm-router';
import { CrmService } from './crm/crm-service';
import type { CallDb } from '../../lib/store/call-db';
import { CrmDb } from '../../lib/store/crm-db';
import { loadSettings, restrictStorageToExtension } from './settings-store';

const log = appLog.scope('background');

/** Shared by the routers: the engine, the latest state and who shows it. */
export interface Hub {
  engine: EngineApi;
  display: CallDisplay;
  state(): EngineState;
  setState(state: EngineState): void;
  /** Sends the saved account to the engine (after start, a new offscreen document, or a save). */
  configureEngine(): Promise<void>;
  /** Settles when start-up (restoring state after a service-worker restart) is done. */
  ready: Promise<void>;
  /** Number matching for pages, the scanner configuration and dialling clicked numbers. */
  clickToCall: ClickToCall;
  /** Click-to-call or dialling rules changed: open tabs get the new scanner configuration. */
  scanConfigChanged(): Promise<void>;
  /** The call journal: store, missed-call badge, callback reminders (issue 6). */
  journal: JournalService;
  /** CRM lookups, the Link menu and the outbox (issue 4). */
  crm: CrmService;
  crmPages: CrmPageDeps;
}

/** Wires the background: engine link, routing, badge, pop-up placement, onboarding. */
export function setupBackground(): void {
  const journal: JournalService = new JournalService(
    (number) => clickToCall.dial(number),
    () => clickToCall.phoneKit(),
  );
  const engine =
    import.meta.env.MANIFEST_VERSION === 2 ? inPageEngine((next) => hub.setState(next), journal.db) : offscreenEngine();
  const pages = new Set<Browser.runtime.Port>();
  let state: EngineState = { registration: UNCONFIGURED, calls: [] };
  const clickToCall = new ClickToCall(engine);
  const crmDb = new CrmDb();
  const crmClients = new CrmClients({
    db: crmDb,
    nationalNumber: async () => (await clickToCall.phoneKit()).nationalNumber,
  });
  const phone = async () => ({
    kit: await clickToCall.phoneKit(),
    country: (await loadSettings()).settings.clickToCall.defaultCountry,
  });
  const crm = new CrmService({
    db: crmDb,
    clients: crmClients,
    phone,
    storedCall: (id) => journal.db.calls.get(id),
    changed: () => {
      void display.render().catch((e: unknown) => log.warn(`display: ${String(e)}`));
      const views = crm.views();
      for (const port of pages) port.postMessage({ type: 'crm', views });
    },
  });
  const display = new CallDisplay(
    {
      answer: (id) => void engine.answer(id).catch((e: unknown) => log.error(String(e))),
      reject: (id) => void engine.reject(id).catch((e: unknown) => log.error(String(e))),
    },
    crm,
  );

  let started: () => void = () => undefined;
  const configuring = serialQueue();
  const hub: Hub = {
    ready: new Promise<void>((resolve) => (started = resolve)),
    engine,
    display,
    state: () => state,
    setState(next) {
      state = next;
      crm.observe(next);
      askForMicrophoneIfACallNeededIt(next);
      void showBadge(next).catch((e: unknown) => log.warn(`badge: ${String(e)}`));
      for (const port of pages) port.postMessage({ type: 'state', state: next });
      void display.update(next).catch((e: unknown) => log.warn(`display: ${String(e)}`));
    },
    configureEngine() {
      // One at a time, each reading settings afresh: a start-up read must never overtake a save.
      return configuring(async () => {
        const settings = await loadSettings();
        if (!settings.ok) log.error(`settings unreadable: ${settings.problem}`);
        await journal.pushNumbering().catch((e: unknown) => log.warn(`numbering: ${String(e)}`));
        await engine.configure(settings.settings.account);
      });
    },
    clickToCall,
    scanConfigChanged: () => clickToCall.broadcast(),
    journal,
    crm,
    crmPages: { crm, db: crmDb, clients: crmClients, phone },
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) =>
    handleMessage(hub, raw, sender, sendResponse),
  );

  browser.runtime.onConnect.addListener((port) => {
    const kind = port.sender ? senderKind(port.sender, browser.runtime.id, browser.runtime.getURL('/')) : 'unknown';
    if (port.name !== PAGE_PORT || kind !== 'extension-page') {
      port.disconnect();
      return;
    }
    pages.add(port);
    port.onDisconnect.addListener(() => pages.delete(port));
    port.postMessage({ type: 'state', state });
    port.postMessage({ type: 'crm', views: crm.views() });
  });

  browser.tabs.onActivated.addListener(() => void display.render());
  browser.windows?.onFocusChanged.addListener(() => void display.render());

  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });

  void start(hub)
    .catch((e: unknown) => log.error(`start-up failed: ${String(e)}`))
    .finally(started);
}

/** On every start (install, browser start, service-worker wake-up): sync with the engine. */
async function start(hub: Hub): Promise<void> {
  await restrictStorageToExtension();
  // Not awaited: the journal's metadata and store must never delay registration.
  void hub.journal.start().catch((e: unknown) => log.error(`journal: ${String(e)}`));
  await hub.display.restore();
  // CRM: clients, phone metadata and the outbox; a ringing call can then be looked up at once.
  void hub.crm.start().catch((e: unknown) => log.error(`CRM start-up failed: ${String(e)}`));
  if (import.meta.env.MANIFEST_VERSION === 3) await ensureOffscreen();
  await hub.configureEngine();
  hub.setState(await hub.engine.getState());
}

const micAskedFor = new Set<string>();

/** A call failed for want of a microphone: open the page that asks for it (once per call). */
function askForMicrophoneIfACallNeededIt(state: EngineState): void {
  const call = state.calls.find((c) => c.endReason === 'no-microphone' && !micAskedFor.has(c.id));
  if (!call) return;
  micAskedFor.add(call.id);
  void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
}

/** Firefox: the engine runs here, in the persistent background page. */
function inPageEngine(onState: (state: EngineState) => void, db: CallDb): EngineApi {
  let engine: Promise<EngineApi> | undefined;
  const load = () =>
    (engine ??= import('../offscreen/sip-engine').then(
      ({ SipEngine }) =>
        new SipEngine({
          db,
          log: appLog.scope('engine'),
          onState,
        }),
    ));
  return {
    configure: async (a) => (await load()).configure(a),
    dial: async (n) => (await load()).dial(n),
    answer: async (id) => (await load()).answer(id),
    reject: async (id) => (await load()).reject(id),
    hangup: async (id) => (await load()).hangup(id),
    getState: async () => (await load()).getState(),
    prepareCall: async () => (await load()).prepareCall(),
    getStats: async (id) => (await load()).getStats(id),
    testConnection: async (a) => (await load()).testConnection(a),
  };
}
