import type { Page } from 'playwright-core';

/**
 * Evaluates `expression` in the extension's isolated world of the page's top frame (where its
 * content script and the modules it imports run; the page's own scripts cannot see it) and returns
 * the value, or undefined when the content script has not started there.
 */
export async function evaluateInContentWorld(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    // Enabling reports every existing context before it returns.
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
    );
    if (!world) return undefined;
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
    })) as { result: { value?: unknown } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}
