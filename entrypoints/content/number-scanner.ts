import { mayContainPhone } from '../../lib/phone/candidates';
import { MAX_SCAN_BATCH, MAX_SCAN_TEXT, type FoundNumber } from '../../lib/protocol/content';

/** Returned by the walk to hand control back to the slice without a node. */
const SKIPPED = { nodeType: 0 } as unknown as Node;

/** Elements whose text is never a clickable number: code, form fields, links, graphics. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'a',
  'button',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
]);
const EDITABLE_ROLES = new Set(['textbox', 'searchbox', 'search', 'combobox', 'spinbutton']);
/** Longest piece of main-thread work per slice (the "≤ ~8 ms slices"). */
const SLICE_MS = 8;
/** Texts sent per request: small enough that replies arrive while the walk goes on. */
const BATCH = Math.min(500, MAX_SCAN_BATCH);
/** Texts remembered with their result, so re-rendered rows cost no round trip. */
const CACHE_SIZE = 20_000;
/** How much text around a candidate is sent when a text node is too long to send whole. */
const WINDOW_BEFORE = 48;
const WINDOW_AFTER = 96;

/** A piece of a text node sent for matching: `text` is `node.data` from `base` on. */
interface Piece {
  node: Text;
  data: string;
  base: number;
  text: string;
}

/** What the scanner needs from its surroundings. */
export interface ScannerDeps {
  /** Numbers in each text (the background's matcher). */
  match(texts: string[]): Promise<FoundNumber[][]>;
  /** Numbers found in `node` (offsets into `data`, which was `node.data` when sent). */
  found(node: Text, data: string, numbers: FoundNumber[]): void;
  /** `node` changed or left the page: forget what was found in it. */
  forget(node: Text): void;
  /** Nodes were removed somewhere: forget the ones no longer in the page. */
  swept(): void;
  /** A shadow root holds numbers: it needs the highlight style. */
  shadowRootSeen(root: ShadowRoot): void;
  /** Our own UI: never scanned. */
  isOwn(node: Node): boolean;
}

/** Counters for the debug log and the benchmark (read from the content script's world). */
export interface ScanStats {
  /** Main-thread milliseconds spent walking and handling replies. */
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  textsSent: number;
  numbersFound: number;
  /** Nothing queued, walked, sent or awaited. */
  idle: boolean;
}

/**
 * Finds phone numbers in a page without changing it: walks text nodes in time slices of at most
 * {@link SLICE_MS} (idle callbacks), skips code, form fields, links and anything editable, enters
 * open shadow roots of web components, sends texts with candidate digit runs to the background's
 * matcher, and follows the page's changes with MutationObservers.
 */
export class NumberScanner {
  readonly stats: ScanStats = { busyMs: 0, longestSliceMs: 0, slices: 0, textsSent: 0, numbersFound: 0, idle: true };
  /** Queued roots; `text` roots are walked over text nodes only (see {@link nextNode}). */
  private readonly roots: { node: Node; textOnly: boolean }[] = [];
  private walker: TreeWalker | undefined;
  private textOnly = false;
  /** The text of the node {@link nextNode} returned. */
  private data = '';
  /** Whether an element is inside something skipped, memoised for text-only walks. */
  private skipMemo = new WeakMap<Element, boolean>();
  /** Texts sent and not yet answered, with the other pieces waiting for the same answer. */
  private readonly waiting = new Map<string, Piece[]>();
  private pieces: Piece[] = [];
  private inFlight = 0;
  private scheduled = false;
  private stopped = false;
  private needsSweep = false;
  private readonly observers: MutationObserver[] = [];
  private readonly cache = new Map<string, FoundNumber[]>();
  private readonly shadows = new WeakSet<ShadowRoot>();

  constructor(
    private readonly doc: Document,
    private readonly deps: ScannerDeps,
  ) {}

  /** Scans the document and keeps following it. */
  start(): void {
    if (this.doc.designMode === 'on') return;
    const root = this.doc.body ?? this.doc.documentElement;
    this.observe(root);
    this.enqueue(root, true);
    for (const host of customElementHosts(this.doc)) this.enterShadow(host);
  }

  /** A shadow root met some other way (the pointer is over it): scan it if not yet done. */
  meetShadow(host: Element): void {
    this.enterShadow(host);
    this.schedule();
  }

  /** Stops all work and observation; what was found is the caller's to drop. */
  stop(): void {
    this.stopped = true;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.roots.length = 0;
    this.pieces = [];
    this.walker = undefined;
    this.waiting.clear();
  }

  private observe(root: Node): void {
    const observer = new MutationObserver((records) => this.changed(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);
  }

  private changed(records: MutationRecord[]): void {
    const started = performance.now();
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target as Text;
        this.deps.forget(node);
        if (!this.insideSkipped(node)) this.enqueue(node);
        continue;
      }
      if (record.removedNodes.length) this.needsSweep = true;
      for (const node of record.addedNodes) {
        if ((node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) && !this.deps.isOwn(node)) {
          if (!this.insideSkipped(node)) this.enqueue(node);
        }
      }
    }
    this.account(performance.now() - started);
    if (this.needsSweep) this.schedule();
  }

  /** Whether an added node sits inside something the walk skips (an ancestor check, once per root). */
  private insideSkipped(node: Node): boolean {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (this.skips(el)) return true;
    }
    return false;
  }

  private skips(el: Element): boolean {
    if (SKIP_TAGS.has(el.localName)) return true;
    // Most elements of a CRM table have no attributes at all: the fast path.
    if (!el.hasAttributes()) return false;
    if (this.deps.isOwn(el)) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
    const role = el.getAttribute('role');
    return role !== null && EDITABLE_ROLES.has(role);
  }

  private enqueue(node: Node, textOnly = false): void {
    this.roots.push({ node, textOnly });
    this.stats.idle = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      if (!this.stopped) this.slice();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  /** One slice of work: walk until the budget is spent, then send what was collected. */
  private slice(): void {
    const started = performance.now();
    const deadline = started + SLICE_MS;
    if (this.needsSweep) {
      this.needsSweep = false;
      this.deps.swept();
    }
    let steps = 0;
    while (!this.stopped) {
      const node = this.nextNode();
      if (!node) break;
      if (node !== SKIPPED && node.nodeType === Node.TEXT_NODE) this.collect(node as Text, this.data);
      if (this.pieces.length >= BATCH) this.flush();
      if ((++steps & 15) === 0 && performance.now() > deadline) break;
    }
    this.flush();
    const spent = performance.now() - started;
    this.stats.slices++;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
    this.account(spent);
    if (this.walker || this.roots.length) this.schedule();
    else this.updateIdle();
  }

  /**
   * The next text node of the walk over the queued roots, with its text in {@link data} (read
   * once: every DOM read from a content script's world costs more than from the page's own). A
   * whole document is walked over text nodes only, like the cheapest possible pass, with a
   * memoised check of their ancestors; added subtrees are walked over elements too, to skip
   * excluded subtrees and find shadow roots. Returns {@link SKIPPED} now and then on long runs of
   * plain text so the slice can check its time budget.
   */
  private nextNode(): Node | null {
    for (;;) {
      if (!this.walker) {
        const root = this.roots.shift();
        if (!root) return null;
        const node = root.node;
        if (!node.isConnected) continue;
        if (node.nodeType === Node.TEXT_NODE) {
          this.data = (node as Text).data;
          if (this.data.length >= 7 && mayContainPhone(this.data)) return node;
          continue;
        }
        if (node.nodeType === Node.ELEMENT_NODE && this.skips(node as Element)) continue;
        this.textOnly = root.textOnly;
        this.walker = this.doc.createTreeWalker(
          node,
          root.textOnly ? NodeFilter.SHOW_TEXT : NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
        );
        if (!root.textOnly) this.enterShadow(node);
      }
      const walker = this.walker;
      for (let i = 0; i < 256; i++) {
        const node = this.textOnly ? walker.nextNode() : this.nextOfSubtree(walker);
        if (!node) {
          this.walker = undefined;
          break;
        }
        if (node.nodeType === Node.ELEMENT_NODE) {
          this.enterShadow(node);
          continue;
        }
        const data = (node as Text).data;
        if (data.length < 7 || !mayContainPhone(data)) continue;
        const parent = node.parentElement;
        if (this.textOnly && parent && this.skippedWithin(parent)) continue;
        this.data = data;
        return node;
      }
      if (this.walker) return SKIPPED;
    }
  }

  /** Element-and-text walks: the next node, past excluded subtrees. */
  private nextOfSubtree(walker: TreeWalker): Node | null {
    let node = walker.nextNode();
    while (node && node.nodeType === Node.ELEMENT_NODE && this.skips(node as Element)) node = this.skipSubtree(walker);
    return node;
  }

  private skippedWithin(el: Element): boolean {
    const known = this.skipMemo.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const skipped = this.skips(el) || (parent !== null && this.skippedWithin(parent));
    this.skipMemo.set(el, skipped);
    return skipped;
  }

  /** Moves the walker past the current node's subtree; null at the end of the root. */
  private skipSubtree(walker: TreeWalker): Node | null {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  }

  /** Web components (custom elements, whose names have a dash) may hold numbers in open shadow roots. */
  private enterShadow(node: Node): void {
    const el = node as Element;
    if (!el.localName?.includes('-') || this.deps.isOwn(el)) return;
    const shadow = el.shadowRoot;
    if (!shadow) return;
    if (this.shadows.has(shadow)) return;
    this.shadows.add(shadow);
    this.observe(shadow);
    this.roots.push({ node: shadow, textOnly: false });
    this.stats.idle = false;
  }

  private collect(node: Text, data: string): void {
    const cached = data.length <= MAX_SCAN_TEXT ? this.cache.get(data) : undefined;
    if (cached) {
      if (cached.length) this.report(node, data, cached);
      return;
    }
    if (data.length <= MAX_SCAN_TEXT) {
      const piece = { node, data, base: 0, text: data };
      // The same text is often many times on a page (dates, a company's switchboard): ask once.
      const waiting = this.waiting.get(data);
      if (waiting) waiting.push(piece);
      else {
        this.waiting.set(data, []);
        this.pieces.push(piece);
      }
      return;
    }
    // Long texts (articles, logs): send windows around digit runs, not the whole node.
    const digits = /\d[\d\s().\-/\u00a0]{5,}\d/g;
    let last = -1;
    for (let m = digits.exec(data); m; m = digits.exec(data)) {
      const base = Math.max(last, m.index - WINDOW_BEFORE, 0);
      const end = Math.min(data.length, m.index + m[0].length + WINDOW_AFTER, base + MAX_SCAN_TEXT);
      this.pieces.push({ node, data, base, text: data.slice(base, end) });
      last = end;
      digits.lastIndex = Math.max(digits.lastIndex, end);
    }
  }

  private flush(): void {
    if (!this.pieces.length) return;
    const pieces = this.pieces;
    this.pieces = [];
    this.inFlight++;
    this.stats.textsSent += pieces.length;
    void this.deps
      .match(pieces.map((p) => p.text))
      .then((results) => this.received(pieces, results))
      .catch(() => {
        for (const piece of pieces) this.waiting.delete(piece.text);
      })
      .finally(() => {
        this.inFlight--;
        this.updateIdle();
      });
  }

  private received(pieces: Piece[], results: FoundNumber[][]): void {
    if (this.stopped) return;
    const started = performance.now();
    pieces.forEach((piece, i) => {
      const found = results[i] ?? [];
      const whole = piece.base === 0 && piece.text === piece.data;
      if (whole) {
        this.remember(piece.data, found);
        const others = this.waiting.get(piece.data) ?? [];
        this.waiting.delete(piece.data);
        for (const other of others)
          if (found.length && other.node.data === other.data) this.report(other.node, other.data, found);
      }
      // The node changed while its text was away: its own mutation record queues it again.
      if (!found.length || piece.node.data !== piece.data) return;
      const shifted = piece.base
        ? found.map((f) => ({ ...f, start: f.start + piece.base, end: f.end + piece.base }))
        : found;
      this.report(piece.node, piece.data, shifted);
    });
    this.account(performance.now() - started);
  }

  private report(node: Text, data: string, found: FoundNumber[]): void {
    this.stats.numbersFound += found.length;
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) this.deps.shadowRootSeen(root);
    this.deps.found(node, data, found);
  }

  private remember(text: string, found: FoundNumber[]): void {
    // Clearing beats evicting one by one: a Map's oldest-first walk slows down as holes pile up.
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(text, found);
  }

  private account(ms: number): void {
    this.stats.busyMs += ms;
  }

  private updateIdle(): void {
    if (this.stopped) return;
    this.stats.idle = !this.walker && !this.roots.length && !this.pieces.length && this.inFlight === 0;
  }
}

/**
 * Hosts of custom elements (where open shadow roots live) in a document of moderate size, found
 * from the tag names in its markup: far cheaper than visiting every element. Larger documents
 * leave their shadow roots to be met under the pointer and in added subtrees.
 */
function customElementHosts(doc: Document): Element[] {
  const body = doc.body;
  if (!body || doc.getElementsByTagName('*').length > 30_000) return [];
  const names = new Set<string>();
  // Read, never written: only tag names are taken from the markup.
  // eslint-disable-next-line no-restricted-properties
  for (const m of body.innerHTML.matchAll(/<([a-z][a-z0-9]*-[a-z0-9._-]*)/g)) names.add(m[1] as string);
  return names.size ? [...body.querySelectorAll([...names].join(','))] : [];
}
