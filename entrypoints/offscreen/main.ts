import { browser } from 'wxt/browser';
import { appLog } from '../../lib/log/app-log';
import { CallDb } from '../../lib/store/call-db';
import { SipEngine } from './sip-engine';
import { serveEngine } from './engine-channel';
import { numberNormaliser } from '../../lib/journal/number-key';
import { phone } from '../../lib/phone/default-kit';

// The offscreen document: the one place on Chrome/Edge where SIP.js, its WebSocket and all call
// audio live. It outlives service-worker restarts; the background reaches it only by messages.
const db = new CallDb();
const engine = new SipEngine({
  db,
  log: appLog.scope('engine'),
  onState: (state) => {
    browser.runtime.sendMessage({ target: 'background', type: 'state', state }).catch(() => undefined);
  },
});
serveEngine(engine, {
  // Stored numbers become E.164 by the agent's home country and dialling rules (the journal).
  numbering: ({ country, dialRules }) => {
    db.normalise = numberNormaliser(phone, { country, dialRules });
  },
});
browser.runtime.sendMessage({ target: 'background', type: 'ready' }).catch(() => undefined);
