import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import * as z from 'zod/mini';
import type { MessageKey } from '../../components/i18n';
import { t } from '../../components/i18n';
import { foundNumbersReplySchema, scanConfigSchema, type ScanConfig } from '../../lib/protocol/content';
import { dialReplySchema } from '../../lib/protocol/dial-reply';
import { domReady, type HighlightStyle } from './highlight-style';
import { ACTIONS_HOST, NumberActions } from './number-actions';
import { NumberRegistry } from './number-registry';
import { NumberScanner } from './number-scanner';
import { interceptPhoneLinks } from './tel-links';

/** Our own shadow-root hosts: never scanned. */
const OWN_HOSTS = new Set([ACTIONS_HOST, 'cti-call-popup']);

/** The running parts while click-to-call is on for this page. */
interface Running {
  config: ScanConfig;
  registry: NumberRegistry;
  scanner: NumberScanner | undefined;
  actions: NumberActions;
  unhookLinks: () => void;
}

/** Debug handle for the benchmark and the debug log, in the content script's own world only. */
declare global {
  var __ctiClickToCall: { scanner?: NumberScanner; registry?: NumberRegistry } | undefined;
}

/**
 * Click-to-call on this page (and this frame): asks the background at document_start whether it
 * is on for the site; once the DOM is there it scans, marks and intercepts phone links; turning it
 * off leaves the page as it was. Pages that opt out of phone detection with
 * `<meta name="format-detection" content="telephone=no">` or Skype's toolbar meta are not scanned;
 * their explicit tel: links still dial.
 */
export function setupClickToCall(
  ctx: ContentScriptContext,
  style: HighlightStyle,
): { configure(config: ScanConfig): void } {
  let running: Running | undefined;

  const dial = async (number: string): Promise<MessageKey | null> => {
    const reply: unknown = await browser.runtime
      .sendMessage({ target: 'background', type: 'dial', number })
      .catch(() => null);
    const parsed = z.safeParse(dialReplySchema, reply);
    if (!parsed.success) return 'errEngine';
    return parsed.data.ok ? null : (parsed.data.error as MessageKey);
  };

  const match = async (texts: string[]) => {
    const reply: unknown = await browser.runtime.sendMessage({ target: 'background', type: 'findNumbers', texts });
    const parsed = z.safeParse(foundNumbersReplySchema, reply);
    if (!parsed.success || parsed.data.results.length !== texts.length) throw new Error('bad findNumbers reply');
    return parsed.data.results;
  };

  const stop = () => {
    if (!running) return;
    running.scanner?.stop();
    running.actions.stop();
    running.registry.clear();
    running.unhookLinks();
    running = undefined;
    globalThis.__ctiClickToCall = undefined;
  };

  const start = (config: ScanConfig) => {
    const registry = new NumberRegistry(document, style);
    const optOut = optedOut(document);
    if (optOut) style.release();
    const scanner = optOut
      ? undefined
      : new NumberScanner(document, {
          match,
          found: (node, data, numbers) => registry.found(node, data, numbers),
          forget: (node) => registry.forget(node),
          swept: () => registry.sweep(),
          shadowRootSeen: (root) => registry.styleIn(root),
          isOwn: (node) => OWN_HOSTS.has((node as Element).localName),
        });
    const actions = new NumberActions(ctx, registry, { dial, shadowMet: (host) => scanner?.meetShadow(host) });
    const unhookLinks = interceptPhoneLinks((number, link) => {
      void dial(number).then((error) => {
        if (!error) return;
        const r = link.getBoundingClientRect();
        actions.notify({ left: r.left, top: r.top, width: r.width, height: r.height }, t(error));
      });
    });
    running = { config, registry, scanner, actions, unhookLinks };
    globalThis.__ctiClickToCall = { scanner, registry };
    actions.start();
    scanner?.start();
  };

  let wanted: ScanConfig | undefined;
  const configure = (config: ScanConfig) => {
    wanted = config;
    if (!config.enabled || ctx.isInvalid) {
      stop();
      style.release();
      return;
    }
    void domReady().then(() => {
      if (wanted !== config || ctx.isInvalid) return;
      if (running?.config.country === config.country) return;
      stop();
      start(config);
    });
  };

  ctx.onInvalidated(() => {
    stop();
    style.release();
  });
  browser.runtime
    .sendMessage({ target: 'background', type: 'scanConfig' })
    .then((reply: unknown) => {
      const parsed = z.safeParse(scanConfigSchema, reply);
      if (parsed.success) configure(parsed.data);
    })
    .catch(() => undefined);
  return { configure };
}

/** The page asked not to have phone numbers detected. */
function optedOut(doc: Document): boolean {
  for (const meta of doc.querySelectorAll('meta[name]')) {
    const name = meta.getAttribute('name')?.toLowerCase();
    const content = (meta.getAttribute('content') ?? '').toLowerCase().replace(/\s/g, '');
    if (name === 'format-detection' && content.split(/[,;]/).includes('telephone=no')) return true;
    if (name === 'skype_toolbar' && content.includes('skype_toolbar_parser_compatible')) return true;
  }
  return false;
}
