import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PAGE_PORT } from '../lib/protocol/pages';

/**
 * Listens to what the background pushes to extension pages over {@link PAGE_PORT}. The port drops
 * when the service worker restarts; the page reconnects and gets fresh snapshots.
 */
export function usePagePort(onMessage: (raw: unknown) => void): void {
  useEffect(() => {
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const open = () => {
      if (closed) return;
      port = browser.runtime.connect({ name: PAGE_PORT });
      port.onMessage.addListener(onMessage);
      port.onDisconnect.addListener(() => setTimeout(open, 300));
    };
    open();
    return () => {
      closed = true;
      port?.disconnect();
    };
    // Connected once per page: the listener only hands messages to state setters.
  }, []);
}
