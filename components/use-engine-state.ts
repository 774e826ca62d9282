import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { engineStateSchema, type EngineState } from '../lib/engine/state';
import { PAGE_PORT } from '../lib/protocol/pages';

const pushSchema = z.object({ type: z.literal('state'), state: engineStateSchema });

/**
 * The engine's state, pushed by the background over a port. The port drops when the service
 * worker restarts; the page reconnects and gets a fresh snapshot.
 */
export function useEngineState(): EngineState | undefined {
  const [state, setState] = useState<EngineState>();
  useEffect(() => {
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const open = () => {
      if (closed) return;
      port = browser.runtime.connect({ name: PAGE_PORT });
      port.onMessage.addListener((raw: unknown) => {
        const msg = z.safeParse(pushSchema, raw);
        if (msg.success) setState(msg.data.state);
      });
      port.onDisconnect.addListener(() => setTimeout(open, 300));
    };
    open();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, []);
  return state;
}
