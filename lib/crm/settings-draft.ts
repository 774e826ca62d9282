import { ADAPTERS } from '../../providers/crm';
import { crmSettingsDraftSchema, type CrmSettingsDraft } from '../settings/schema';

/** Configuration keys the options form edits as JSON text (the REST adapter's lists). */
const JSON_KEYS = ['fields', 'related'];

/** The result of checking the CRM form: settings to send, or errors by connection and field. */
export type DraftCheck =
  | { ok: true; settings: CrmSettingsDraft }
  | { ok: false; errors: Record<string, Record<string, string>>; global: Record<string, string> };

/**
 * Checks the CRM settings form before it is sent: JSON list fields parsed, every connection's
 * configuration validated by its adapter, except secrets left blank that the background keeps
 * (`secretsSet`). Error values are i18n message keys.
 */
export function checkCrmDraft(draft: CrmSettingsDraft, secretsSet: Record<string, string[]>): DraftCheck {
  const errors: Record<string, Record<string, string>> = {};
  const global: Record<string, string> = {};
  const connections = draft.connections.map((c) => {
    const config: Record<string, unknown> = { ...c.config };
    const own: Record<string, string> = {};
    for (const key of JSON_KEYS) {
      const text = config[key];
      if (typeof text !== 'string') continue;
      try {
        config[key] = JSON.parse(text) as unknown;
      } catch {
        own[`config.${key}`] = 'errJsonList';
      }
    }
    const adapter = ADAPTERS[c.adapter];
    const kept = (secretsSet[c.id] ?? []).filter((k) => config[k] === '');
    const parsed = adapter.configSchema.safeParse(config);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (kept.includes(key)) continue;
        own[`config.${issue.path.map(String).join('.')}`] ??= issue.message;
        own[`config.${key}`] ??= issue.message;
      }
    }
    if (Object.keys(own).length) errors[c.id] = own;
    return { ...c, config };
  });
  const whole = crmSettingsDraftSchema.safeParse({ ...draft, connections });
  if (!whole.success) {
    for (const issue of whole.error.issues) {
      if (issue.path[0] !== 'connections') global[String(issue.path[0] ?? '')] ??= issue.message;
    }
  }
  if (Object.keys(errors).length || Object.keys(global).length || !whole.success) return { ok: false, errors, global };
  return { ok: true, settings: whole.data };
}
