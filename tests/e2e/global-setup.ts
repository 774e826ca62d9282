import { startPbx, stopPbx } from '../support/lab';

/** Starts Kamailio and rtpengine once for the whole e2e run and stops them after. */
export async function setup(): Promise<void> {
  await startPbx();
}

export async function teardown(): Promise<void> {
  await stopPbx();
}
