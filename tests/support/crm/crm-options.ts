import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';
import { waitFor } from '../extension';
import type { VirtualDisplay } from './xvfb';

/** A connection as an admin types it into the options page. */
export interface TypedConnection {
  /** The adapter's label in the "CRM" list (`Bitrix24`, `HubSpot`…). */
  crm: string;
  /** Field label → value. */
  fields: Record<string, string>;
}

/**
 * Sets up a CRM connection the way an admin does: options page, CRM section, add the connection,
 * fill its fields, Save. Save asks the browser for access to the CRM's site; the prompt is a real
 * browser window, answered on the virtual display like a person would (Tab to "Allow", Return).
 * Resolves once the settings are saved and the permission is held.
 */
export async function setUpCrm(
  ext: ExtensionBrowser,
  screen: VirtualDisplay,
  connection: TypedConnection,
  general: { wrapUpSeconds?: number } = {},
): Promise<Page> {
  const page = await ext.openPage('options.html');
  await page.bringToFront();
  const section = page.getByRole('region', { name: 'CRM' });
  await section.getByLabel('CRM', { exact: true }).selectOption({ label: connection.crm });
  await section.getByRole('button', { name: 'Add a connection' }).click();
  for (const [label, value] of Object.entries(connection.fields))
    await section.getByLabel(label, { exact: false }).last().fill(value);
  if (general.wrapUpSeconds !== undefined) {
    await section.getByLabel('Keep the pop-up for the wrap-up after hang-up').fill(String(general.wrapUpSeconds));
  }
  await section.getByRole('button', { name: 'Save CRM settings' }).click();
  const status = section.getByRole('status').last();
  const sw = await ext.worker();
  const granted = () => sw.evaluate(() => chrome.permissions.getAll().then((p) => (p.origins ?? []).length > 0));
  await waitFor(
    async () => {
      const text = (await status.textContent()) ?? '';
      if (text.startsWith('Allow access')) {
        // The prompt opens with "Cancel" focused; "Allow" is the next button.
        await new Promise((r) => setTimeout(r, 700));
        if (((await status.textContent()) ?? '').startsWith('Allow access')) await screen.keys('Tab', 'Return');
      }
      return text;
    },
    (text) => text === 'CRM settings saved.',
    20_000,
    'the CRM settings to be saved with access to the CRM',
  );
  if (!(await granted())) throw new Error('the host permission was not granted');
  return page;
}
