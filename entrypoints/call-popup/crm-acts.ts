import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { CrmActs } from '../../components/crm/crm-acts';
import { crmSearchReplySchema } from '../../lib/protocol/crm';

/** The in-page pop-up's CRM actions: content messages about the call it shows (the background checks that). */
export function pageCrmActs(callId: string): CrmActs {
  const send = (msg: Record<string, unknown>) => browser.runtime.sendMessage({ target: 'background', callId, ...msg });
  const fire = (msg: Record<string, unknown>) => void send(msg).catch(() => undefined);
  return {
    choose: (record) => fire({ type: 'crmChoose', record }),
    search: async (query) => {
      const reply = z.safeParse(crmSearchReplySchema, await send({ type: 'crmSearch', query }).catch(() => null));
      return reply.success ? reply.data : null;
    },
    create: (connection, kind, name) => fire({ type: 'crmCreate', connection, kind, name }),
    link: (record, attach) => fire({ type: 'crmLink', record, attach }),
    wrapUp: (text) => fire({ type: 'crmWrapUp', ...text }),
    dismiss: () => fire({ type: 'crmDismiss' }),
  };
}
