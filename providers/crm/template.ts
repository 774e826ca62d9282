/**
 * URL and JSON templates of the generic REST adapter and the screen-pop URL: `{name}` placeholders
 * filled from call and record values. Values are encoded for where they land (a URL component, a
 * JSON string), so a caller ID or a typed query cannot break out of the template.
 */

/** Placeholder names any template may use. */
export const TEMPLATE_VARS = [
  'e164',
  'number',
  'query',
  'id',
  'kind',
  'name',
  'callId',
  'direction',
  'startedAt',
  'endedAt',
  'duration',
  'outcome',
  'subject',
  'summary',
  'disposition',
  'recordUrl',
] as const;
/** One of {@link TEMPLATE_VARS}. */
export type TemplateVar = (typeof TEMPLATE_VARS)[number];
/** Values for a template; missing ones are empty. */
export type TemplateValues = Partial<Record<TemplateVar, string>>;

const PLACEHOLDER = /\{([A-Za-z0-9]+)\}/g;

/** Placeholders a template uses that are not {@link TEMPLATE_VARS}. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(TEMPLATE_VARS as readonly string[]).includes(name));
}

/**
 * A URL from a template: values are percent-encoded, except `{recordUrl}`, which must stand alone
 * (the whole template) and is used as is.
 */
export function fillUrl(template: string, values: TemplateValues): string {
  if (template.trim() === '{recordUrl}') return values.recordUrl ?? '';
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values || (TEMPLATE_VARS as readonly string[]).includes(name)
      ? encodeURIComponent(values[name as TemplateVar] ?? '')
      : whole,
  );
}

/** A JSON body from a template: values are escaped as JSON string content; the result is parsed. */
export function fillJson(template: string, values: TemplateValues): unknown {
  const filled = template.replace(PLACEHOLDER, (whole, name: string) =>
    (TEMPLATE_VARS as readonly string[]).includes(name)
      ? JSON.stringify(values[name as TemplateVar] ?? '').slice(1, -1)
      : whole,
  );
  return JSON.parse(filled) as unknown;
}

/** True when the template is a JSON document once its placeholders are filled. */
export function isJsonTemplate(template: string): boolean {
  try {
    fillJson(template, {});
    return true;
  } catch {
    return false;
  }
}

/** The value at a dot path (`data.items`, `company.name`, `phones.0`); the whole value for ''. */
export function atPath(value: unknown, path: string): unknown {
  if (path.trim() === '') return value;
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    // Own properties only: a path can never reach a prototype (`__proto__`, `constructor`).
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
