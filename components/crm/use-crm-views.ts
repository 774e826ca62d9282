import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { crmViewSchema, type CrmView } from '../../lib/crm/view';
import { request } from '../page-request';
import { usePagePort } from '../use-page-port';

const pushSchema = z.object({ type: z.literal('crm'), views: z.array(crmViewSchema).check(z.maxLength(100)) });

/** The CRM views of live and open calls, pushed by the background over the pages' port. */
export function useCrmViews(): Map<string, CrmView> {
  const [views, setViews] = useState<Map<string, CrmView>>(new Map());
  usePagePort((raw) => {
    const msg = z.safeParse(pushSchema, raw);
    if (msg.success) setViews(new Map(msg.data.views.map((v) => [v.callId, v])));
  });
  return views;
}

/** Whether any CRM connection is set up (the Link menu on recent calls needs one). */
export function useCrmConfigured(): boolean {
  const [configured, setConfigured] = useState(false);
  useEffect(() => {
    void request({ type: 'getCrmSettings' })
      .then((r) =>
        setConfigured(((r as { crm?: { connections?: unknown[] } } | null)?.crm?.connections?.length ?? 0) > 0),
      )
      .catch(() => setConfigured(false));
  }, []);
  return configured;
}
