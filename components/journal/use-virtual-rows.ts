import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useMemo, useReducer, type MutableRef } from 'preact/hooks';

/**
 * Virtual rows over a scrolling element (TanStack Virtual's framework-free core): only the rows
 * in view, plus a few, are rendered, so 100,000 calls scroll like 50.
 */
export function useVirtualRows(
  scroller: MutableRef<HTMLElement | null>,
  count: number,
  rowHeight: number,
): { items: VirtualItem[]; total: number; virtualizer: Virtualizer<HTMLElement, Element> } {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const virtualizer = useMemo(
    () =>
      new Virtualizer<HTMLElement, Element>({
        count,
        getScrollElement: () => scroller.current,
        estimateSize: () => rowHeight,
        overscan: 8,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        onChange: () => rerender(undefined),
      }),
    // One virtualizer per list; count changes are applied below on every render.
    [],
  );
  virtualizer.setOptions({ ...virtualizer.options, count });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return { items: virtualizer.getVirtualItems(), total: virtualizer.getTotalSize(), virtualizer };
}
