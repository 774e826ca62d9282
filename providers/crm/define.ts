import type { ZodType } from 'zod';
import { CrmError } from './errors';
import type { Adapter, AdapterDeps, Capability, CrmClient } from './types';

/** An adapter written against its own typed configuration. */
export interface TypedAdapter<C> extends Omit<
  Adapter,
  'configSchema' | 'origins' | 'connect' | 'defaults' | 'capabilitiesFor'
> {
  configSchema: ZodType<C>;
  capabilitiesFor?(config: C): readonly Capability[];
  defaults(): C;
  origins(config: C): string[];
  connect(config: C, deps: AdapterDeps): CrmClient;
}

/**
 * Erases an adapter's configuration type for the registry: every entry point validates the raw
 * configuration with the adapter's schema first, so a stored or typed configuration that is wrong
 * fails with `CrmError('config')` instead of reaching the adapter.
 */
export function defineAdapter<C>(adapter: TypedAdapter<C>): Adapter {
  const parse = (raw: unknown): C => {
    const parsed = adapter.configSchema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
      throw new CrmError('config', `invalid ${adapter.name} configuration at ${where}`);
    }
    return parsed.data;
  };
  return {
    ...adapter,
    defaults: () => adapter.defaults() as Record<string, unknown>,
    origins: (raw) => adapter.origins(parse(raw)),
    capabilitiesFor: (raw) => {
      const parsed = adapter.configSchema.safeParse(raw);
      if (!parsed.success) return [];
      return adapter.capabilitiesFor?.(parsed.data) ?? adapter.capabilities;
    },
    connect: (raw, deps) => adapter.connect(parse(raw), deps),
  };
}

/** The host permission pattern for a URL's origin (`https://crm.example.com/*`), or none. */
export function originPattern(url: string): string[] {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return [];
    // Match patterns carry no port: the permission covers the host on every port.
    return [`${u.protocol}//${u.hostname}/*`];
  } catch {
    return [];
  }
}
