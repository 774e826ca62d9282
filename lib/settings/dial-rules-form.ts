import { dialRulesSchema, type DialRules } from '../phone/dial-rules';

/** What the dialling-rules form holds: the number of digits as typed. */
export interface DialRulesForm {
  outsideLinePrefix: string;
  international: DialRules['international'];
  domestic: DialRules['domestic'];
  extensionMaxDigits: string;
}

/** Field name → i18n key of the first problem with it. */
export type DialRulesErrors = Partial<Record<keyof DialRulesForm, string>>;

/** Result of validating the form: rules, or errors per field. */
export type DialRulesFormResult = { ok: true; dialRules: DialRules } | { ok: false; errors: DialRulesErrors };

/** The form filled from saved rules. */
export function formFromDialRules(rules: DialRules): DialRulesForm {
  return { ...rules, extensionMaxDigits: String(rules.extensionMaxDigits) };
}

/** Validates the form and builds the rules. */
export function dialRulesFromForm(form: DialRulesForm): DialRulesFormResult {
  const digits = form.extensionMaxDigits.trim();
  const parsed = dialRulesSchema.safeParse({
    ...form,
    // Anything but a whole number becomes -1, which fails the range check with the field's message.
    extensionMaxDigits: /^\d{1,2}$/.test(digits) ? Number(digits) : -1,
  });
  if (parsed.success) return { ok: true, dialRules: parsed.data };
  const errors: DialRulesErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof DialRulesForm;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
