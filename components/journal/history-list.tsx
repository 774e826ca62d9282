import { useEffect, useRef } from 'preact/hooks';
import { callColumns } from '../../lib/journal/columns';
import type { StoredCall } from '../../lib/store/stored-call';
import { keyOf, t } from '../i18n';
import { displayNumber, durationText, formatWhen, who } from './format';
import type { Selection } from './selection';
import { useVirtualRows } from './use-virtual-rows';

const ROW_HEIGHT = 44;

/**
 * The calls as a virtualised list (only rows in view are in the page), Oktell's columns: created,
 * direction, from, to, duration, contact, company. Each row has a checkbox, opens its card, and
 * redials. Scrolling near the end asks for the next page.
 */
export function HistoryList(props: {
  rows: StoredCall[];
  more: boolean;
  loadMore: () => void;
  selection: Selection;
  onToggle: (id: string, on: boolean) => void;
  onOpen: (call: StoredCall) => void;
  onRedial: (call: StoredCall) => void;
  canDial: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, more } = props;
  const { items, total } = useVirtualRows(scroller, rows.length, ROW_HEIGHT);
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (more && last >= rows.length - 20) props.loadMore();
  }, [last, rows.length, more]);

  return (
    <div class="history-list">
      <div class="history-row head" aria-hidden="true">
        <span />
        <span>{t('colCreated')}</span>
        <span>{t('colDirection')}</span>
        <span>{t('colFrom')}</span>
        <span>{t('colTo')}</span>
        <span>{t('colDuration')}</span>
        <span>{t('colContact')}</span>
        <span>{t('colCompany')}</span>
        <span />
      </div>
      <div class="history-scroll" ref={scroller}>
        <ul class="history-rows" aria-label={t('historyCalls')} style={{ height: `${total}px` }}>
          {items.map((item) => {
            const c = rows[item.index];
            if (!c) return null;
            const cols = callColumns(c, displayNumber(c));
            const when = formatWhen(c.startedAt);
            const selected = props.selection.has(c.id);
            return (
              <li
                key={c.id}
                class={`history-row ${selected ? 'selected' : ''} outcome-${c.outcome ?? 'live'}`}
                style={{ transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` }}
              >
                <input
                  type="checkbox"
                  checked={selected}
                  aria-label={t('historySelectCall', `${who(c)}, ${when}`)}
                  onChange={(e) => props.onToggle(c.id, e.currentTarget.checked)}
                />
                <button
                  type="button"
                  class="open"
                  aria-label={t('historyOpenCall', `${who(c)}, ${when}`)}
                  onClick={() => props.onOpen(c)}
                >
                  <span>{when}</span>
                  <span class={`dir ${c.direction}`}>
                    {t(keyOf('direction', c.direction))}
                    <small>{c.outcome ? t(keyOf('outcome', c.outcome)) : ''}</small>
                  </span>
                  <span>{cols.from}</span>
                  <span>{cols.to}</span>
                  <span>{durationText(c.talkDurationMs)}</span>
                  <span>{cols.contact}</span>
                  <span>{cols.company}</span>
                </button>
                <button
                  type="button"
                  class="redial"
                  disabled={!props.canDial}
                  aria-label={t('redial', who(c))}
                  onClick={() => props.onRedial(c)}
                >
                  ☎
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
