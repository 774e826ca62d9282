import * as z from 'zod/mini';
import { crmSearchReplySchema } from '../../lib/protocol/crm';
import { request } from '../page-request';
import type { CrmActs } from './crm-acts';

/** CRM actions from an extension page (toolbar popup, history): page requests about one call. */
export function pageRequestCrmActs(callId: string): CrmActs {
  const fire = (p: Promise<unknown>) => void p.catch(() => undefined);
  return {
    choose: (record) => fire(request({ type: 'crmChoose', callId, record })),
    search: async (query) => {
      const reply = z.safeParse(
        crmSearchReplySchema,
        await request({ type: 'crmSearch', callId, query }).catch(() => null),
      );
      return reply.success ? reply.data : null;
    },
    create: (connection, kind, name) => fire(request({ type: 'crmCreate', callId, connection, kind, name })),
    link: (record, attach) => fire(request({ type: 'crmLink', callId, record, attach })),
    wrapUp: (text) => fire(request({ type: 'crmWrapUp', callId, ...text })),
    dismiss: () => fire(request({ type: 'crmDismiss', callId })),
  };
}
