import { execFile, spawn, type ChildProcess } from 'node:child_process';

/** A virtual X display for a headed Chromium whose native prompts the test answers by keyboard. */
export interface VirtualDisplay {
  /** `:N`, for DISPLAY. */
  display: string;
  /** Presses keys in the focused window (`Tab`, `Return`) through the X server, as a person would. */
  keys(...keys: string[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts Xvfb on a free display number (it picks one and reports it on a pipe), without TCP, so
 * several engineers' and CI's displays never collide. Chromium's permission prompt is a native
 * window: in headless mode it is never shown and `permissions.request` never settles, so CRM
 * suites run Chromium headed here and answer the prompt with xdotool (Tab to "Allow", Return).
 */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start in 10 s')), 10_000);
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(\d+)\s*$/.exec(out);
      if (m && out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${m[1]}`);
      }
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return {
    display,
    keys: (...keys) =>
      new Promise<void>((ok, fail) =>
        execFile('xdotool', ['key', '--delay', '120', ...keys], { env: { ...process.env, DISPLAY: display } }, (e) =>
          e ? fail(new Error(`xdotool: ${e.message}`)) : ok(),
        ),
      ),
    stop: () =>
      new Promise<void>((ok) => {
        if (xvfb.exitCode !== null) return ok();
        xvfb.once('exit', () => ok());
        xvfb.kill('SIGTERM');
      }),
  };
}
