import {
  Registerer,
  RegistererState,
  UserAgent,
  type SessionDescriptionHandlerFactory,
  type UserAgentOptions,
} from 'sip.js';
import type { SessionDescriptionHandlerFactoryOptions } from 'sip.js/lib/platform/web';
import { classifyFailure } from '../../lib/engine/registration';
import type { TestResult } from '../../lib/engine/state';
import { authUserOf, type SipAccount } from '../../lib/settings/schema';
import type { ScopedLog } from '../../lib/log/debug-log';

/**
 * SIP.js options for an account. Reconnection is ours (backoff in the engine), so SIP.js's own is
 * off. SIP.js logs go to the redacting debug log, never to the console.
 */
export function userAgentOptions(
  account: SipAccount,
  log: ScopedLog,
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory,
): UserAgentOptions | null {
  const uri = UserAgent.makeURI(account.sipUri);
  if (!uri) return null;
  return {
    uri,
    transportOptions: { server: account.wsServer, connectionTimeout: 5, keepAliveInterval: 20 },
    authorizationUsername: authUserOf(account),
    authorizationPassword: account.password,
    ...(account.displayName ? { displayName: account.displayName } : {}),
    reconnectionAttempts: 0,
    logBuiltinEnabled: false,
    logLevel: 'warn',
    logConnector: (level, category, _label, content) => {
      if (level === 'error') log.error(`${category}: ${content}`);
      else log.debug(`${category}: ${content}`);
    },
    userAgentString: 'CTI Phone',
    sessionDescriptionHandlerFactoryOptions: mediaOptions(account),
    ...(sessionDescriptionHandlerFactory ? { sessionDescriptionHandlerFactory } : {}),
  };
}

/** Media options of an account's calls: its ICE servers, and how long to wait for gathering. */
export function mediaOptions(account: SipAccount | null): SessionDescriptionHandlerFactoryOptions {
  return { peerConnectionConfiguration: { iceServers: account?.iceServers ?? [] }, iceGatheringTimeout: 2000 };
}

const TEST_TIMEOUT_MS = 8000;

/**
 * Registers once with an unsaved account on a separate UserAgent, then unregisters: the live
 * registration and calls are untouched. Answers in a form the options page puts into words.
 */
export async function testConnection(account: SipAccount, log: ScopedLog): Promise<TestResult> {
  const options = userAgentOptions({ ...account, authUser: authUserOf(account) }, log);
  if (!options) return { ok: false, error: 'bad-config' };
  const ua = new UserAgent(options);
  let registerer: Registerer | undefined;
  try {
    try {
      await ua.start();
    } catch {
      return { ok: false, error: 'unreachable' };
    }
    const reg = new Registerer(ua, { expires: 60 });
    registerer = reg;
    return await new Promise<TestResult>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, error: 'timeout' }), TEST_TIMEOUT_MS);
      const done = (r: TestResult) => {
        clearTimeout(timer);
        resolve(r);
      };
      reg.stateChange.addListener((s) => s === RegistererState.Registered && done({ ok: true }));
      reg
        .register({
          requestDelegate: {
            onReject: (res) => {
              const sipCode = res.message.statusCode;
              done({ ok: false, error: classifyFailure({ sipCode }), ...(sipCode ? { sipCode } : {}) });
            },
          },
        })
        .catch(() => done({ ok: false, error: 'unreachable' }));
    });
  } finally {
    if (registerer?.state === RegistererState.Registered) await registerer.unregister().catch(() => undefined);
    await ua.stop().catch(() => undefined);
  }
}
