import { browser } from 'wxt/browser';
import { appLog } from '../../lib/log/app-log';
import { CallDb } from '../../lib/store/call-db';
import { SipEngine } from './sip-engine';
import { serveEngine } from './engine-channel';

// The offscreen document: the one place on Chrome/Edge where SIP.js, its WebSocket and all call
// audio live. It outlives service-worker restarts; the background reaches it only by messages.
const engine = new SipEngine({
  db: new CallDb(),
  log: appLog.scope('engine'),
  onState: (state) => {
    browser.runtime.sendMessage({ target: 'background', type: 'state', state }).catch(() => undefined);
  },
});
serveEngine(engine);
browser.runtime.sendMessage({ target: 'background', type: 'ready' }).catch(() => undefined);
