import { useEffect, useRef, useState } from 'preact/hooks';
import { distinctValues } from '../../lib/journal/columns';
import type { JournalFilter } from '../../lib/journal/filter';
import { allMatching } from '../../lib/journal/query';
import { deleteCalls, purgeTrash, restoreBatch, UNDO_MS } from '../../lib/journal/trash';
import { byNewest } from '../../lib/journal/order';
import type { StoredCall } from '../../lib/store/stored-call';
import { t } from '../i18n';
import { CallDetails } from './call-details';
import { ConfirmDialog } from './confirm-dialog';
import { ExchangePanel } from './exchange-panel';
import { redialNumber } from './format';
import { HistoryFilters } from './history-filters';
import { HistoryList } from './history-list';
import type { JournalDb } from './journal-db';
import { Selection } from './selection';
import { useHistory } from './use-history';

/**
 * The Calls tab: search and filters, the virtualised list with multi-select, export/import,
 * delete with confirmation and undo, and the call card.
 */
export function CallsView(props: { journal: JournalDb; canDial: boolean; dial: (number: string) => void }) {
  const { journal } = props;
  const [filter, setFilter] = useState<JournalFilter>({});
  const [selection, setSelection] = useState(Selection.none());
  const [open, setOpen] = useState<StoredCall | null>(null);
  const [accounts, setAccounts] = useState<string[]>([]);
  const [queues, setQueues] = useState<string[]>([]);
  const [pending, setPending] = useState<string[] | null>(null);
  const [undo, setUndo] = useState<{ batch: string; count: number } | null>(null);
  const confirm = useRef<HTMLDialogElement>(null);
  const history = useHistory(journal, filter);

  useEffect(() => {
    void distinctValues(journal.db, '[account+startedAt]')
      .then(setAccounts)
      .catch(() => undefined);
    void distinctValues(journal.db, '[queue+startedAt]')
      .then(setQueues)
      .catch(() => undefined);
    void purgeTrash(journal.db, Date.now()).catch(() => undefined);
  }, [journal]);
  useEffect(() => setSelection(Selection.none()), [JSON.stringify(filter)]);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => {
      setUndo(null);
      void purgeTrash(journal.db, Date.now() + 1000).catch(() => undefined);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  /** The selected calls, or everything the filter shows when nothing is selected. */
  const chosen = async (): Promise<StoredCall[]> => {
    if (!selection.all && !selection.isEmpty(history.total)) {
      const calls = await journal.db.calls.bulkGet(selection.chosen());
      return calls.filter((c) => c !== undefined).sort(byNewest);
    }
    const out: StoredCall[] = [];
    for await (const page of allMatching(journal.db, filter, history.plan))
      out.push(...page.filter((c) => (selection.all ? selection.has(c.id) : true)));
    return out;
  };

  const askDelete = async (ids?: string[]) => {
    setPending(ids ?? (await chosen()).map((c) => c.id));
    confirm.current?.showModal();
  };
  const doDelete = async () => {
    const ids = pending ?? [];
    confirm.current?.close();
    setPending(null);
    setOpen(null);
    const batch = await deleteCalls(journal.db, ids, Date.now());
    setSelection(Selection.none());
    setUndo({ batch, count: ids.length });
  };

  const selected = selection.count(history.total);
  const anySelected = !selection.isEmpty(history.total);
  const scope = anySelected ? t('scopeSelected', String(selected ?? '…')) : t('scopeShown');
  return (
    <section class="calls-view" aria-label={t('tabCalls')}>
      <HistoryFilters filter={filter} onChange={setFilter} accounts={accounts} queues={queues} />
      <div class="toolbar">
        <label class="select-all">
          <input
            type="checkbox"
            checked={selection.all && anySelected}
            onChange={(e) => setSelection(e.currentTarget.checked ? Selection.everything() : Selection.none())}
          />
          {t('selectAll')}
        </label>
        <span class="count" role="status">
          {history.total === null ? t('counting') : t('historyCount', String(history.total))}
          {anySelected ? ` · ${t('historySelected', String(selected ?? '…'))}` : ''}
        </span>
        <button type="button" class="danger" disabled={!anySelected} onClick={() => void askDelete()}>
          {t('deleteSelected')}
        </button>
        <ExchangePanel journal={journal} exportCalls={chosen} scope={scope} />
      </div>
      {history.failed && (
        <p class="error" role="alert">
          {t('errStore')}
        </p>
      )}
      {history.rows.length === 0 && history.total === 0 ? (
        <p class="empty">
          {filter.text || Object.keys(filter).length > 0 ? t('historyNothingFound') : t('historyEmpty')}
        </p>
      ) : (
        <HistoryList
          rows={history.rows}
          more={history.more}
          loadMore={history.loadMore}
          selection={selection}
          onToggle={(id, on) => setSelection(selection.toggle(id, on))}
          onOpen={setOpen}
          onRedial={(c) => props.dial(redialNumber(c))}
          canDial={props.canDial}
        />
      )}
      {open && (
        <CallDetails
          key={open.id}
          journal={journal}
          call={open}
          canDial={props.canDial}
          onRedial={() => props.dial(redialNumber(open))}
          onDelete={() => void askDelete([open.id])}
          onClose={() => setOpen(null)}
        />
      )}
      <ConfirmDialog
        dialog={confirm}
        title={t('deleteConfirmTitle')}
        text={t('deleteConfirm', String(pending?.length ?? 0))}
        confirm={t('deleteConfirmYes', String(pending?.length ?? 0))}
        onConfirm={() => void doDelete()}
        onClose={() => setPending(null)}
      />
      {undo && (
        <div class="toast" role="status">
          {t('deletedCalls', String(undo.count))}{' '}
          <button
            type="button"
            onClick={() => {
              const { batch } = undo;
              setUndo(null);
              void restoreBatch(journal.db, batch);
            }}
          >
            {t('undo')}
          </button>
        </div>
      )}
    </section>
  );
}
