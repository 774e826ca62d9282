import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t, type MessageKey } from '../../components/i18n';
import { NumberOverlay, NumberStatus, type NumberBox } from '../../components/number-menu';
import type { FoundNumber } from '../../lib/protocol/content';
import type { NumberRegistry } from './number-registry';

/** Host element name of the number affordance's shadow root. */
export const ACTIONS_HOST = 'cti-number-actions';
const MENU_DELAY_MS = 350;
const LEAVE_GRACE_MS = 300;
const STATUS_MS = 4000;

interface Hit {
  number: FoundNumber;
  box: NumberBox;
}

/** What the affordance does with a number. */
export interface ActionDeps {
  /** Dials through the background; resolves to an i18n error key, or null when the call started. */
  dial(number: string): Promise<MessageKey | null>;
  /** The pointer is over a web component with an open shadow root: make sure it is scanned. */
  shadowMet(host: Element): void;
}

/**
 * Finds the number under the pointer (hit-testing only the text nodes of the element under it,
 * so pointer moves cost microseconds) and shows the affordance over it. The shadow root is
 * created on the first hovered number, never on pages where none is pointed at.
 */
export class NumberActions {
  private ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  private hit: Hit | undefined;
  private menuOpen = false;
  private status: { text: string; alert: boolean } | undefined;
  private frame = 0;
  private x = 0;
  private y = 0;
  private menuTimer: ReturnType<typeof setTimeout> | undefined;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private statusBox: NumberBox | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly registry: NumberRegistry,
    private readonly deps: ActionDeps,
  ) {}

  start(): void {
    document.addEventListener('pointermove', this.moved, { capture: true, passive: true });
    addEventListener('scroll', this.scrolled, { capture: true, passive: true });
  }

  /** Removes listeners and the shadow root. */
  stop(): void {
    document.removeEventListener('pointermove', this.moved, { capture: true });
    removeEventListener('scroll', this.scrolled, { capture: true });
    cancelAnimationFrame(this.frame);
    this.hide();
    const ui = this.ui;
    this.ui = undefined;
    void ui?.then((created) => {
      render(null, created.uiContainer);
      created.remove();
    });
  }

  /** Shows a message next to a rectangle (a tel: link that could not be dialled). */
  notify(box: NumberBox, text: string): void {
    this.hit = undefined;
    this.showStatus(text, true, box);
  }

  private readonly moved = (e: PointerEvent) => {
    this.x = e.clientX;
    this.y = e.clientY;
    if (!this.frame) this.frame = requestAnimationFrame(this.hitTest);
  };

  private readonly scrolled = () => {
    if (this.hit) this.hide();
  };

  private readonly hitTest = () => {
    this.frame = 0;
    const top = document.elementFromPoint(this.x, this.y);
    if (top?.localName === ACTIONS_HOST) {
      // Over our own affordance: keep it.
      clearTimeout(this.leaveTimer);
      this.leaveTimer = undefined;
      return;
    }
    const el = top && deepElement(top, this.x, this.y, (host) => this.deps.shadowMet(host));
    const hit = el ? this.numberAt(el, this.x, this.y) : undefined;
    if (hit) {
      clearTimeout(this.leaveTimer);
      this.leaveTimer = undefined;
      if (this.hit?.number.e164 !== hit.number.e164 || this.hit.box.left !== hit.box.left) this.show(hit);
      return;
    }
    if (this.hit && this.leaveTimer === undefined) {
      this.leaveTimer = setTimeout(() => this.hide(), this.menuOpen ? LEAVE_GRACE_MS : 0);
    }
  };

  /** The number under (x, y) among the text children of `el`. */
  private numberAt(el: Element, x: number, y: number): Hit | undefined {
    for (const child of el.childNodes) {
      if (child.nodeType !== Node.TEXT_NODE) continue;
      for (const number of this.registry.numbersIn(child as Text)) {
        const range = document.createRange();
        range.setStart(child, number.start);
        range.setEnd(child, number.end);
        for (const r of range.getClientRects()) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
            return { number, box: { left: r.left, top: r.top, width: r.width, height: r.height } };
          }
        }
      }
    }
    return undefined;
  }

  private show(hit: Hit): void {
    this.hit = hit;
    this.menuOpen = false;
    this.leaveTimer = undefined;
    clearTimeout(this.menuTimer);
    this.menuTimer = setTimeout(() => this.setMenu(true), MENU_DELAY_MS);
    void this.draw();
  }

  private hide(): void {
    clearTimeout(this.menuTimer);
    clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
    this.hit = undefined;
    this.menuOpen = false;
    void this.draw();
  }

  private setMenu(open: boolean): void {
    if (!this.hit) return;
    clearTimeout(this.menuTimer);
    this.menuOpen = open;
    void this.draw();
  }

  private async call(e: MouseEvent): Promise<void> {
    const hit = this.hit;
    // Only a person's click dials: a page cannot synthesise one.
    if (!e.isTrusted || !hit) return;
    this.menuOpen = false;
    void this.draw();
    const error = await this.deps.dial(hit.number.e164);
    if (error) this.showStatus(t(error), true, hit.box);
    else this.hide();
  }

  private async copy(e: MouseEvent): Promise<void> {
    const hit = this.hit;
    if (!e.isTrusted || !hit) return;
    const copied = await copyText(hit.number.e164, await this.root());
    this.showStatus(t(copied ? 'copiedNumber' : 'copyFailed', hit.number.e164), !copied, hit.box);
  }

  private showStatus(text: string, alert: boolean, box: NumberBox): void {
    this.status = { text, alert };
    this.statusBox = box;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => {
      this.status = undefined;
      void this.draw();
    }, STATUS_MS);
    void this.draw();
  }

  private async root(): Promise<ShadowRoot> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: ACTIONS_HOST,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: () => undefined,
    }).then((created) => {
      created.mount();
      return created;
    });
    return (await this.ui).shadow;
  }

  private async draw(): Promise<void> {
    if (!this.hit && !this.status && !this.ui) return;
    await this.root();
    const ui = await this.ui;
    if (!ui) return;
    const { hit, status, statusBox } = this;
    render(
      <>
        {hit && (
          <NumberOverlay
            display={hit.number.display}
            e164={hit.number.e164}
            box={hit.box}
            menuOpen={this.menuOpen}
            onCall={(e) => void this.call(e)}
            onCopy={(e) => void this.copy(e)}
            onMenu={(open) => this.setMenu(open)}
          />
        )}
        {status && statusBox && <NumberStatus box={statusBox} text={status.text} alert={status.alert} />}
      </>,
      ui.uiContainer,
    );
  }
}

/** The innermost element at a point below `el`, looking into open shadow roots. */
function deepElement(el: Element, x: number, y: number, met: (host: Element) => void): Element {
  let inner = el;
  while (inner.shadowRoot) {
    met(inner);
    const next = inner.shadowRoot.elementFromPoint(x, y);
    if (!next || next === inner) break;
    inner = next;
  }
  return inner;
}

/** Copies text: the Clipboard API where the page is a secure context, else a selection copy. */
async function copyText(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('aria-hidden', 'true');
    area.style.cssText = 'position:fixed;opacity:0;left:0;top:0';
    root.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
