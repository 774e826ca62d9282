import type { CrmSearchReply } from '../../lib/protocol/crm';
import type { WrapUpText } from '../../lib/crm/view';
import type { CrmRecord, RecordKind } from '../../providers/crm/types';

/**
 * What the CRM parts of a pop-up can ask for. The in-page pop-up sends these to the background as
 * content messages (only for trusted clicks), the toolbar popup and history as page requests.
 */
export interface CrmActs {
  choose(recordKey: string): void;
  search(query: string): Promise<CrmSearchReply | null>;
  create(connection: string, kind: RecordKind, name: string): void;
  link(record: CrmRecord, attach: boolean): void;
  wrapUp(text: WrapUpText): void;
  dismiss(): void;
}

/** Runs `f` only for a real user's event: a page cannot click the pop-up's buttons for the agent. */
export function trusted<E extends Event>(f: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) f(e);
  };
}
