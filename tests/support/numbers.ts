import type { Frame, Page } from 'playwright-core';

/**
 * Where `text` is on screen in the main page's viewport coordinates: the centre of the first
 * occurrence in a text node of `frame` (open shadow roots included), offset by the frame's
 * position when it is an iframe. This is how a person aims the pointer at a number.
 */
export async function textCentre(
  page: Page,
  text: string,
  frame: Frame = page.mainFrame(),
): Promise<{ x: number; y: number }> {
  await frame.evaluate('globalThis.__name ??= (f) => f');
  const point = await frame.evaluate((wanted) => {
    const roots: Node[] = [document.body];
    while (roots.length) {
      const root = roots.shift()!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element && node.shadowRoot) roots.push(node.shadowRoot);
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const at = (node as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const r = range.getClientRects()[0];
        if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`"${text}" is not on the page`);
  const element = await frame.frameElement().catch(() => null);
  const box = element ? await element.boundingBox() : null;
  return box ? { x: point.x + box.x, y: point.y + box.y } : point;
}

/** Points at `text` like a person would (moving there in a few steps). */
export async function pointAt(page: Page, text: string, frame?: Frame): Promise<void> {
  const { x, y } = await textCentre(page, text, frame);
  await page.mouse.move(x - 30, y + 25);
  await page.mouse.move(x, y, { steps: 4 });
}
