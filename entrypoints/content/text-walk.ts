import { isPlainDate, mayContainPhone } from '../../lib/phone/candidates';

/** Text that can never show a clickable number: scripts, styles, form values. */
const TEXT_CONTAINERS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA']);
/** A digit run with phone separators, at least 7 characters long: the only places worth a look. */
const RUN = /[+(]?\d[\d\s().\-/\u00a0\u2007\u2009\u200a\u202f\u2010-\u2014]{5,}\d/g;

/** A text node worth matching, with its text as it was read. */
export interface Candidate {
  node: Text;
  text: string;
}

/**
 * One root's walk over its text nodes, resumable across time slices. Reading from a content
 * script's world costs more per DOM call than from the page's own, so the walk reads the whole
 * root's text once (`textContent`, one native call), finds digit runs in it with one regular
 * expression, and then only steps through text nodes counting their lengths, reading none of
 * them; it stops after the last run. If the page changes the root meanwhile, the positions no
 * longer line up: the walk then reads each remaining node itself (the mutation records queue the
 * changed nodes anyway).
 */
export class TextWalk {
  private readonly walker: TreeWalker;
  private text = '';
  private runs: number[] = [];
  private run = 0;
  private pos = 0;
  private exact = true;
  done = false;

  constructor(
    doc: Document,
    readonly root: Node,
  ) {
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.text = root.textContent ?? '';
    for (const m of this.text.matchAll(RUN)) this.runs.push(m.index, m.index + m[0].length);
    if (!this.runs.length) this.done = true;
  }

  /** The root changed while walking: stop trusting the positions. */
  stale(): void {
    this.exact = false;
  }

  /**
   * Advances up to `budget` nodes and returns the candidates met; `done` tells whether the root
   * is finished.
   */
  step(budget: number, out: Candidate[]): void {
    const walker = this.walker;
    for (let i = 0; i < budget && !this.done; i++) {
      const node = walker.nextNode() as Text | null;
      if (!node) {
        this.done = true;
        return;
      }
      if (!this.exact) {
        const data = node.data;
        if (worthSending(data) && !inTextContainer(node)) out.push({ node, text: data });
        continue;
      }
      const start = this.pos;
      const end = start + node.length;
      this.pos = end;
      const runs = this.runs;
      while (this.run < runs.length && (runs[this.run + 1] as number) <= start) this.run += 2;
      if (this.run >= runs.length) {
        this.done = true;
        return;
      }
      if ((runs[this.run] as number) >= end || end - start < 7) continue;
      const text = this.text.slice(start, end);
      if (worthSending(text) && !inTextContainer(node)) out.push({ node, text });
    }
  }
}

function worthSending(text: string): boolean {
  return text.length >= 7 && mayContainPhone(text) && !isPlainDate(text);
}

function inTextContainer(node: Text): boolean {
  const name = node.parentNode?.nodeName;
  return name !== undefined && TEXT_CONTAINERS.has(name);
}

/**
 * Hosts of custom elements (where open shadow roots live) under `root`, for roots of moderate
 * size, found from the tag names in the markup: far cheaper than visiting every element. Larger
 * roots leave their shadow roots to be met under the pointer and in added subtrees.
 */
export function customElementHosts(root: Element | ShadowRoot): Element[] {
  const own = root instanceof Element && root.localName.includes('-') && root.shadowRoot ? [root] : [];
  if (root instanceof Element) {
    const all = root.getElementsByTagName('*');
    // Small subtrees (a row a page just added): looking at each element is cheapest.
    if (all.length <= 64) return [...own, ...[...all].filter((el) => el.localName.includes('-'))];
    if (all.length > 30_000) return own;
  }
  // Read, never written: only tag names are taken from the markup.
  // eslint-disable-next-line no-restricted-properties
  const html = root.innerHTML;
  if (html.length > 4_000_000) return own;
  const names = new Set<string>();
  for (const m of html.matchAll(/<([a-z][a-z0-9]*-[a-z0-9._-]*)/g)) names.add(m[1] as string);
  return names.size ? [...own, ...root.querySelectorAll([...names].join(','))] : own;
}

/**
 * Where a number is never clickable: code, form fields, links, buttons, media, anything editable.
 * Checked when a number is about to be marked or pointed at (a few at a time), not for every text
 * node of a page during the scan.
 */
export const SKIP_SELECTOR = [
  'script,style,noscript,template,textarea,input,select,option,code,pre,kbd,samp,svg,math',
  'a[href],button,iframe,object,embed,canvas,video,audio',
  '[contenteditable]:not([contenteditable="false"])',
  '[role=textbox],[role=searchbox],[role=search],[role=combobox],[role=spinbutton]',
].join(',');

/** Whether a node sits inside something whose numbers are never clickable. */
export function insideSkipped(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(SKIP_SELECTOR) != null;
}
