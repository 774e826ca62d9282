import { useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { engineStateSchema, type EngineState } from '../lib/engine/state';
import { usePagePort } from './use-page-port';

const pushSchema = z.object({ type: z.literal('state'), state: engineStateSchema });

/** The engine's state, pushed by the background over the pages' port. */
export function useEngineState(): EngineState | undefined {
  const [state, setState] = useState<EngineState>();
  usePagePort((raw) => {
    const msg = z.safeParse(pushSchema, raw);
    if (msg.success) setState(msg.data.state);
  });
  return state;
}
