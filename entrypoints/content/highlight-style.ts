/** The CSS highlight that marks numbers; no element of the page is touched. */
export const HIGHLIGHT_NAME = 'cti-phone-number';
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) {
  text-decoration: underline dotted;
  text-decoration-color: #1a73e8;
  text-decoration-thickness: 1.5px;
  text-underline-offset: 2px;
}`;

/**
 * The one style rule the marks need. Adding any pseudo-element rule to a laid-out page makes the
 * browser recompute every element's style (≈0.4 s on a 10,000-row table), so the rule is adopted
 * at document_start, before there is anything to recompute, and only taken away when the agent
 * turns click-to-call off for the site.
 */
export class HighlightStyle {
  private readonly sheet: CSSStyleSheet | undefined;
  private readonly roots = new Set<Document | ShadowRoot>();

  constructor() {
    if (typeof CSSStyleSheet !== 'function' || typeof Highlight !== 'function') return;
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(HIGHLIGHT_CSS);
  }

  /** Whether marks can be shown at all (the Custom Highlight API exists). */
  get supported(): boolean {
    return this.sheet !== undefined;
  }

  /** Adds the rule to a document or shadow root (once). */
  adopt(root: Document | ShadowRoot): void {
    if (!this.sheet || this.roots.has(root)) return;
    try {
      if (!root.adoptedStyleSheets.includes(this.sheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.roots.add(root);
    } catch {
      // Firefox content scripts cannot always write adoptedStyleSheets: numbers still work unmarked.
    }
  }

  /** Adopts again where a page replaced its adoptedStyleSheets. */
  reassert(): void {
    for (const root of this.roots) {
      if (this.sheet && !root.adoptedStyleSheets.includes(this.sheet)) {
        this.roots.delete(root);
        this.adopt(root);
      }
    }
  }

  /** Removes the rule everywhere: the page is as it was. */
  release(): void {
    for (const root of this.roots) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        // See adopt.
      }
    }
    this.roots.clear();
  }
}

/** Settles once the document is parsed (at once if it already is). */
export function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
