import { request } from './page-request';

let last = 0;

/**
 * Tells the engine the agent is about to dial (typing a number, pointing at a recent call), so
 * the microphone and ICE are ready by the click. At most one request every few seconds.
 */
export function prepareCall(): void {
  const now = Date.now();
  if (now - last < 2000) return;
  last = now;
  void request({ type: 'prepareCall' }).catch(() => undefined);
}
