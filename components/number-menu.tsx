import { useEffect, useRef } from 'preact/hooks';
import { t } from './i18n';

/** Where a hovered number is on screen (client coordinates of its frame). */
export interface NumberBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Props of {@link NumberOverlay}. */
export interface NumberOverlayProps {
  /** International display form, e.g. +7 495 123-45-67. */
  display: string;
  e164: string;
  box: NumberBox;
  menuOpen: boolean;
  onCall: (e: MouseEvent) => void;
  onCopy: (e: MouseEvent) => void;
  onMenu: (open: boolean) => void;
}

const MENU_HEIGHT = 76;

/**
 * The affordance over a hovered phone number: a transparent button exactly over the number (a
 * click calls), and a small menu above it with Call, Copy and the number in international form.
 * It floats over the page in a shadow root, so the page's layout never moves.
 */
export function NumberOverlay(props: NumberOverlayProps) {
  const { box } = props;
  const menuRef = useRef<HTMLDivElement>(null);
  const below = box.top < MENU_HEIGHT + 8;
  const menuTop = below ? box.top + box.height + 4 : box.top - MENU_HEIGHT - 4;
  useEffect(() => {
    if (!props.menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') props.onMenu(false);
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [props.menuOpen]);
  return (
    <>
      <button
        type="button"
        class="number-hit"
        style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
        aria-label={t('callNumber', props.display)}
        title={t('callNumber', props.display)}
        aria-haspopup="menu"
        onClick={props.onCall}
        onContextMenu={(e) => {
          e.preventDefault();
          props.onMenu(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') props.onMenu(true);
        }}
      />
      {props.menuOpen && (
        <div
          ref={menuRef}
          role="menu"
          aria-label={props.display}
          class="number-menu"
          style={{ left: `${Math.max(4, box.left)}px`, top: `${menuTop}px` }}
        >
          <div class="number-menu-title" aria-hidden="true">
            {props.display}
          </div>
          <div class="number-menu-items">
            <button type="button" role="menuitem" onClick={props.onCall}>
              {t('menuCall')}
            </button>
            <button type="button" role="menuitem" onClick={props.onCopy} title={props.e164}>
              {t('menuCopy')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** A message about the last action on a number (dialling failed, copied), shown just below it. */
export function NumberStatus(props: { box: NumberBox; text: string; alert: boolean }) {
  return (
    <p
      class={props.alert ? 'number-status alert' : 'number-status'}
      role={props.alert ? 'alert' : 'status'}
      style={{ left: `${Math.max(4, props.box.left)}px`, top: `${props.box.top + props.box.height + 4}px` }}
    >
      {props.text}
    </p>
  );
}
