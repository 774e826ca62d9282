/** The parts of `runtime.MessageSender` the checks use. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Which context a message came from. */
export type SenderKind = 'background' | 'offscreen' | 'extension-page' | 'content' | 'unknown';

/** Path of the offscreen document inside the extension. */
export const OFFSCREEN_PATH = '/offscreen.html';
/** Path of the MV3 service worker (and of the MV2 background page's script). */
export const BACKGROUND_PATHS = ['/background.js', '/background.html'];

/**
 * Classifies a sender: our background, our offscreen document, one of our pages, our content script in a web
 * page tab, or anything else (another extension, a stale context), which every receiver rejects.
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId || !sender.url) return 'unknown';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'unknown';
  }
  if (`${url.protocol}//${url.host}` === extensionOrigin.replace(/\/$/, '')) {
    if (url.pathname === OFFSCREEN_PATH) return 'offscreen';
    return BACKGROUND_PATHS.includes(url.pathname) ? 'background' : 'extension-page';
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && sender.tab?.id !== undefined) return 'content';
  return 'unknown';
}
