import { MAX_SCAN_BATCH, MAX_SCAN_TEXT, type FoundNumber } from '../../lib/protocol/content';
import { customElementHosts, insideSkipped, TextWalk, type Candidate } from './text-walk';

/** Longest piece of main-thread work per slice (the "≤ ~8 ms slices"). */
const SLICE_MS = 8;
/** Text nodes stepped over between two looks at the clock. */
const STEP = 256;
/** Texts sent per request: small enough that replies arrive while the walk goes on. */
const BATCH = Math.min(500, MAX_SCAN_BATCH);
/** Texts remembered with their result, so re-rendered rows cost no round trip. */
const CACHE_SIZE = 20_000;
/** How much text around a digit run is sent when a text node is too long to send whole. */
const WINDOW_BEFORE = 48;
const WINDOW_AFTER = 96;

/** A piece of a text node sent for matching: `text` is the node's `data` from `base` on. */
interface Piece {
  node: Text;
  /** The node's whole text when it was read. */
  data: string;
  base: number;
  text: string;
  shadow: ShadowRoot | undefined;
}

/** What the scanner needs from its surroundings. */
export interface ScannerDeps {
  /** Numbers in each text (the background's matcher). */
  match(texts: string[]): Promise<FoundNumber[][]>;
  /** Numbers found in `node` (offsets into `data`, which was `node.data` when read). */
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

/** What the scanner has done, for the benchmark (read from the content script's world). */
export interface ScanStats {
  numbersFound: number;
  /** Nothing queued, walked, sent or awaited. */
  idle: boolean;
}

/**
 * Finds phone numbers in a page without changing it: walks text in time slices of at most
 * {@link SLICE_MS} (idle callbacks), enters open shadow roots of web components, sends texts with
 * candidate digit runs to the background's matcher, and follows the page's changes with
 * MutationObservers. Whether a number sits somewhere it must not be clickable (a link, a form
 * field, editable text) is checked where it is used: see `insideSkipped`.
 */
export class NumberScanner {
  readonly stats: ScanStats = { numbersFound: 0, idle: true };
  private readonly roots: Node[] = [];
  private walk: TextWalk | undefined;
  private readonly shadowOf = new WeakMap<Node, ShadowRoot>();
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
    this.enqueue(root);
  }

  /** A shadow root met some other way (the pointer is over it): scan it if not yet done. */
  meetShadow(host: Element): void {
    if (this.enterShadow(host)) this.schedule();
  }

  /** Stops all work and observation; what was found is the caller's to drop. */
  stop(): void {
    this.stopped = true;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.roots.length = 0;
    this.pieces = [];
    this.walk = undefined;
    this.waiting.clear();
  }

  private observe(root: Node): void {
    const observer = new MutationObserver((records) => this.changed(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);
  }

  private changed(records: MutationRecord[]): void {
    this.walk?.stale();
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target as Text;
        this.deps.forget(node);
        // Editors (contenteditable, text boxes) change on every key: they are never scanned.
        if (!insideSkipped(node)) this.enqueue(node);
        continue;
      }
      if (record.removedNodes.length) this.needsSweep = true;
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (!this.deps.isOwn(node) && !insideSkipped(node)) this.enqueue(node);
      }
    }
    if (this.needsSweep) this.schedule();
  }

  private enqueue(root: Node): void {
    this.roots.push(root);
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
    const deadline = performance.now() + SLICE_MS;
    if (this.needsSweep) {
      this.needsSweep = false;
      this.deps.swept();
    }
    const met: Candidate[] = [];
    while (!this.stopped && performance.now() < deadline) {
      const walk = this.walk ?? this.nextWalk();
      if (!walk) break;
      walk.step(STEP, met);
      const shadow = this.shadowOf.get(walk.root);
      for (const candidate of met) this.collect(candidate, shadow);
      met.length = 0;
      if (walk.done) this.walk = undefined;
      if (this.pieces.length >= BATCH) this.flush();
    }
    this.flush();
    if (this.walk || this.roots.length) this.schedule();
    else this.updateIdle();
  }

  /** Starts the walk of the next queued root (a text node is handled on the spot). */
  private nextWalk(): TextWalk | undefined {
    for (let root = this.roots.shift(); root; root = this.roots.shift()) {
      if (!root.isConnected) continue;
      if (root.nodeType === Node.TEXT_NODE) {
        const node = root as Text;
        const shadow = node.getRootNode();
        this.collect({ node, text: node.data }, shadow instanceof ShadowRoot ? shadow : undefined);
        continue;
      }
      if (root.nodeType === Node.ELEMENT_NODE || root instanceof ShadowRoot) {
        for (const host of customElementHosts(root as Element | ShadowRoot)) this.enterShadow(host);
      }
      const walk = new TextWalk(this.doc, root);
      if (root.getRootNode() instanceof ShadowRoot) this.shadowOf.set(root, root.getRootNode() as ShadowRoot);
      if (root instanceof ShadowRoot) this.shadowOf.set(root, root);
      if (!walk.done) return (this.walk = walk);
    }
    return undefined;
  }

  /** Queues the open shadow root of a web component; false if there is none or it is known. */
  private enterShadow(host: Element): boolean {
    const shadow = host.shadowRoot;
    if (!shadow || this.shadows.has(shadow) || this.deps.isOwn(host)) return false;
    this.shadows.add(shadow);
    this.observe(shadow);
    this.roots.push(shadow);
    this.stats.idle = false;
    return true;
  }

  private collect({ node, text }: Candidate, shadow: ShadowRoot | undefined): void {
    if (text.length < 7) return;
    if (text.length > MAX_SCAN_TEXT) {
      this.collectWindows(node, text, shadow);
      return;
    }
    const cached = this.cache.get(text);
    if (cached) {
      if (cached.length) this.report(node, text, cached, shadow);
      return;
    }
    const piece: Piece = { node, data: text, base: 0, text, shadow };
    // The same text is often many times on a page (dates, a company's switchboard): ask once.
    const waiting = this.waiting.get(text);
    if (waiting) waiting.push(piece);
    else {
      this.waiting.set(text, []);
      this.pieces.push(piece);
    }
  }

  /** Long texts (articles, logs): send windows around digit runs, not the whole node. */
  private collectWindows(node: Text, data: string, shadow: ShadowRoot | undefined): void {
    const digits = /\d[\d\s().\-/\u00a0]{5,}\d/g;
    let last = -1;
    for (let m = digits.exec(data); m; m = digits.exec(data)) {
      const base = Math.max(last, m.index - WINDOW_BEFORE, 0);
      const end = Math.min(data.length, m.index + m[0].length + WINDOW_AFTER, base + MAX_SCAN_TEXT);
      this.pieces.push({ node, data, base, text: data.slice(base, end), shadow });
      last = end;
      digits.lastIndex = Math.max(digits.lastIndex, end);
    }
  }

  private flush(): void {
    if (!this.pieces.length) return;
    const pieces = this.pieces;
    this.pieces = [];
    this.inFlight++;
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
    pieces.forEach((piece, i) => {
      const found = results[i] ?? [];
      if (piece.base === 0) {
        this.remember(piece.text, found);
        const others = this.waiting.get(piece.text) ?? [];
        this.waiting.delete(piece.text);
        if (found.length) for (const other of others) this.report(other.node, other.data, found, other.shadow);
      }
      if (!found.length) return;
      const shifted = piece.base
        ? found.map((f) => ({ ...f, start: f.start + piece.base, end: f.end + piece.base }))
        : found;
      this.report(piece.node, piece.data, shifted, piece.shadow);
    });
  }

  /** Hands numbers to the registry, which checks `data` against the node whenever it uses them. */
  private report(node: Text, data: string, found: FoundNumber[], shadow: ShadowRoot | undefined): void {
    this.stats.numbersFound += found.length;
    if (shadow) this.deps.shadowRootSeen(shadow);
    this.deps.found(node, data, found);
  }

  private remember(text: string, found: FoundNumber[]): void {
    // Clearing beats evicting one by one: a Map's oldest-first walk slows down as holes pile up.
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(text, found);
  }

  private updateIdle(): void {
    if (this.stopped) return;
    this.stats.idle = !this.walk && !this.roots.length && !this.pieces.length && this.inFlight === 0;
  }
}
