import type { FoundNumber } from '../../lib/protocol/content';
import { HIGHLIGHT_NAME, type HighlightStyle } from './highlight-style';
import { insideSkipped } from './text-walk';

/** At most this many numbers are marked at once (those in and near the viewport). */
const MAX_MARKED = 600;
/** Delay after scrolling or changes before marks are recomputed. */
const REFRESH_MS = 120;
/** Pages with at most this many numbers are checked whole. */
const SMALL_PAGE = 1500;
/** Most boxes read per pass on large pages. */
const MAX_CHECKS = 1500;
/** Numbers in a row below the view after which a pass stops. */
const BELOW_RUN = 48;

/** A number found in a text node, with the text it was found in. */
export interface NumberAt {
  node: Text;
  number: FoundNumber;
}

interface Entry {
  data: string;
  numbers: FoundNumber[];
  /** Inside a link, a form field, editable text…: known, never marked. Checked on first use. */
  skipped?: boolean;
}

/**
 * The numbers found on a page, by text node, and their marks. Marks use the CSS Custom Highlight
 * API over StaticRanges instead of wrapping text in elements: the DOM and the layout stay exactly
 * as the page made them (no reflow, nothing for a framework such as React to trip over), and
 * turning click-to-call off simply drops the highlight. Browsers re-validate every highlighted
 * range on each DOM change, so only the numbers in and near the viewport are marked, recomputed
 * in slices after scrolling stops.
 */
export class NumberRegistry {
  private readonly entries = new Map<Text, Entry>();
  private readonly highlight: Highlight | undefined;
  /** Marked nodes and their ranges. */
  private readonly marks = new Map<Text, StaticRange[]>();
  /** Nodes with numbers in the order they were found (document order, mostly). */
  private order: Text[] = [];
  /** Found since the last pass; a pass after scrolling looks at everything instead. */
  private fresh: Text[] = [];
  private viewMoved = true;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly style: HighlightStyle,
  ) {
    if (style.supported && typeof CSS !== 'undefined' && 'highlights' in CSS) {
      this.highlight = new Highlight();
      this.highlight.priority = 1;
      style.adopt(doc);
      CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    }
    addEventListener('scroll', this.moved, { capture: true, passive: true });
    addEventListener('resize', this.moved, { passive: true });
  }

  /** Records numbers found in `node` while it held `data` (pieces of one long text add up). */
  found(node: Text, data: string, numbers: FoundNumber[]): void {
    const entry = this.entries.get(node);
    if (entry?.data === data) {
      const known = new Set(entry.numbers.map((n) => n.start));
      entry.numbers.push(...numbers.filter((n) => !known.has(n.start)));
    } else {
      if (!entry) this.order.push(node);
      this.entries.set(node, { data, numbers: [...numbers] });
    }
    this.fresh.push(node);
    this.schedule();
  }

  /** Forgets `node` (its text changed). */
  forget(node: Text): void {
    this.entries.delete(node);
    this.unmark(node);
  }

  /** Forgets nodes that left the page. */
  sweep(): void {
    for (const node of this.entries.keys()) {
      if (node.isConnected) continue;
      this.entries.delete(node);
      this.unmark(node);
    }
    this.schedule();
  }

  /** The numbers of a text node, if its text is still what was matched. */
  numbersIn(node: Text): readonly FoundNumber[] {
    const entry = this.entries.get(node);
    if (!entry || entry.data !== node.data) return [];
    entry.skipped ??= insideSkipped(node);
    return entry.skipped ? [] : entry.numbers;
  }

  /** Shadow roots need the highlight style inside them: page styles do not cross into them. */
  styleIn(root: ShadowRoot): void {
    this.style.adopt(root);
  }

  /** Drops every mark and listener (the style is its owner's to release). */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.entries.clear();
    this.order = [];
    this.fresh = [];
    this.marks.clear();
    removeEventListener('scroll', this.moved, { capture: true });
    removeEventListener('resize', this.moved);
    if (!this.highlight) return;
    this.highlight.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
  }

  private readonly moved = (): void => {
    this.viewMoved = true;
    this.schedule();
  };

  private schedule(): void {
    if (!this.highlight || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      // After the next frame the page's own layout is done, so reading boxes forces none.
      requestAnimationFrame(() =>
        setTimeout(() => {
          this.timer = undefined;
          this.pass();
        }, 0),
      );
    }, REFRESH_MS);
  }

  /**
   * Marks the numbers within a viewport's height of the visible area and unmarks the others, in
   * bounded work: small pages are checked whole; on large ones the first visible number is found
   * by binary search over the numbers in document order (which is screen order for tables and
   * lists), and the walk stops a little past the bottom of the view. Geometry is read first and
   * marks changed after, so reads never force a fresh layout. Marks are a hint only: pointing at
   * a number works whether it is marked or not.
   */
  private pass(): void {
    if (!this.highlight) return;
    const view = this.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    const width = view?.innerWidth ?? 0;
    // Many new numbers at once (a page being scanned) are looked at like a scrolled view: bounded.
    const full = this.viewMoved || this.fresh.length > SMALL_PAGE;
    this.viewMoved = false;
    const order = full ? this.order.filter((node) => this.entries.has(node)) : this.fresh;
    if (full) this.order = order;
    this.fresh = [];
    const box = (node: Text): DOMRect | undefined => {
      const entry = this.entries.get(node);
      const parent = node.parentElement;
      if (!entry || !parent || entry.data !== node.data) return undefined;
      entry.skipped ??= insideSkipped(node);
      return entry.skipped ? undefined : parent.getBoundingClientRect();
    };
    const isNear = (r: DOMRect | undefined) =>
      r !== undefined && r.bottom >= -height && r.top <= 2 * height && r.right >= 0 && r.left <= width;
    const far = full ? [...this.marks.keys()].filter((node) => !isNear(box(node))) : [];
    let from = 0;
    if (full && order.length > SMALL_PAGE) {
      let hi = order.length;
      while (from < hi) {
        const mid = (from + hi) >>> 1;
        const r = box(order[mid] as Text);
        if (!r || r.bottom < -height) from = mid + 1;
        else hi = mid;
      }
    }
    const near: Text[] = [];
    let below = 0;
    for (let i = from, checks = 0; i < order.length && checks < MAX_CHECKS; i++, checks++) {
      const node = order[i] as Text;
      const r = box(node);
      if (isNear(r)) {
        near.push(node);
        below = 0;
      } else if (full && order.length > SMALL_PAGE && r && r.top > 2 * height && ++below >= BELOW_RUN) break;
    }
    for (const node of far) this.unmark(node);
    for (const node of near) {
      const entry = this.entries.get(node);
      if (entry && !this.marks.has(node) && this.highlight.size < MAX_MARKED) this.mark(node, entry);
    }
    // A page that replaced the registry (or document.adoptedStyleSheets) gets the marks back.
    if (CSS.highlights.get(HIGHLIGHT_NAME) !== this.highlight) CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    this.style.reassert();
  }

  private mark(node: Text, entry: Entry): void {
    const ranges = entry.numbers.map(
      (n) => new StaticRange({ startContainer: node, startOffset: n.start, endContainer: node, endOffset: n.end }),
    );
    this.marks.set(node, ranges);
    for (const r of ranges) this.highlight?.add(r);
  }

  private unmark(node: Text): void {
    const ranges = this.marks.get(node);
    if (!ranges) return;
    this.marks.delete(node);
    for (const r of ranges) this.highlight?.delete(r);
  }
}
