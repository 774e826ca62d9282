// npm run demo: the local PBX, a demo CRM page, Chromium with the built extension, and a test
// call that rings on the page. With a display it runs headed and waits for you; without one it
// runs headless and saves a screenshot of each step.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchExtension } from '../tests/support/browser';
import { serveCrm } from '../tests/support/crm-server';
import { badge, configureAccount, waitFor } from '../tests/support/extension';
import { answerCalls, callAgent, LAB, startPbx, stopPbx } from '../tests/support/lab';
import { pointAt } from '../tests/support/numbers';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (headed) process.env.HEADED = '1';
const shots = resolve(import.meta.dirname, '../.demo');
await mkdir(shots, { recursive: true });
const saved: string[] = [];

const agent = LAB.agents[0]!;
console.log('Starting the local PBX (Kamailio + rtpengine on 127.0.0.1)…');
await startPbx();
const crm = await serveCrm();
const ext = await launchExtension();
try {
  console.log(`Configuring the extension as ${agent.sipUri} on ${LAB.wsServer}…`);
  const options = await configureAccount(ext, {
    wsServer: LAB.wsServer,
    sipUri: agent.sipUri,
    password: agent.password,
  });
  await waitFor(
    () => badge(ext),
    (b) => b.text === 'ON',
    15_000,
    'registration',
  );
  await options.screenshot({ path: `${shots}/1-options.png` });
  saved.push(`${shots}/1-options.png`);
  await options.close();

  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1000, height: 560 });
  await page.goto(crm.url);
  await page.bringToFront();

  console.log('Calling the agent from the customer phone (sipp)…');
  const call = callAgent({
    agent: agent.user,
    callerNumber: '48221234567',
    displayName: 'Anna Kowalska',
    talkSeconds: headed ? 20 : 4,
    hangup: 'caller',
    timeoutMs: 120_000,
  });
  const dialog = page.getByRole('dialog', { name: 'Incoming call' });
  await dialog.waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${shots}/2-ringing.png` });
  saved.push(`${shots}/2-ringing.png`);
  if (headed) console.log('The call is ringing on the Demo CRM page: press Accept there.');
  else await dialog.getByRole('button', { name: 'Accept' }).click();
  await dialog.getByText(/^Connected/).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${shots}/3-connected.png` });
  saved.push(`${shots}/3-connected.png`);
  await call.done;
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });

  console.log('Pointing at a phone number on the CRM page (click-to-call)…');
  await pointAt(page, '+7 495 123-45-67');
  await page.getByRole('menu').waitFor();
  await page.screenshot({ path: `${shots}/4-click-to-call.png` });
  saved.push(`${shots}/4-click-to-call.png`);
  if (!headed) {
    const pstn = answerCalls({ calls: 1 });
    await pstn.ready;
    await page.getByRole('menu').getByRole('menuitem', { name: 'Call' }).click();
    const outgoing = page.getByRole('dialog', { name: 'Outgoing call' });
    await outgoing.getByText(/^Connected/).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1500);
    await outgoing.getByRole('button', { name: 'Hang up' }).click();
    const result = await pstn.done;
    console.log(`The PBX was asked to dial ${result.inviteTargets[0] ?? '?'}.`);
  }

  const popup = await ext.openPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 480 });
  await popup.getByRole('list', { name: 'Recent calls' }).waitFor();
  await popup.screenshot({ path: `${shots}/5-dialer.png` });
  saved.push(`${shots}/5-dialer.png`);
  console.log('\nScreenshots:');
  for (const path of saved) console.log(`  ${path}`);
  if (headed) {
    const pstn = answerCalls({ calls: 50, timeoutMs: 3_600_000 });
    await pstn.ready;
    console.log(
      `\nThe browser stays open: click a phone number on the Demo CRM page, or dial ${LAB.pstnNumber} from the toolbar popup, to reach a sipp phone that answers. Ctrl+C ends the demo.`,
    );
    await new Promise((r) => process.once('SIGINT', r));
    await pstn.stop();
  }
} finally {
  await ext.close();
  await crm.close();
  await stopPbx();
}
