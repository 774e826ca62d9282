import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../providers/crm';
import { ADAPTER_NAMES } from '../../providers/crm/types';
import { CONTRACT_COVERAGE } from '../support/crm/harness';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const crmSection = readme.slice(readme.indexOf('## CRM'));

describe('the CRM adapter registry', () => {
  it.each(ADAPTER_NAMES)('%s is registered, documented in the README and covered by contract tests', (name) => {
    const adapter = ADAPTERS[name];
    expect(adapter.name).toBe(name);
    expect(crmSection).toContain(`| **${adapter.label}**`);
    const coverage = CONTRACT_COVERAGE[name];
    if ('testedIn' in coverage) expect(existsSync(join(root, coverage.testedIn))).toBe(true);
    else expect(existsSync(join(root, 'tests/fixtures/crm', name, 'seed.json'))).toBe(true);
  });

  it.each(ADAPTER_NAMES)('%s declares what it can do consistently', (name) => {
    const a = ADAPTERS[name];
    expect(a.capabilities.includes('create')).toBe(a.kinds.length > 0);
    const defaults = a.defaults();
    for (const secret of a.secrets) expect(Object.keys(defaults)).toContain(secret);
    for (const key of a.defaultFields) expect(a.fields.map((f) => f.key)).toContain(key);
    // A fresh connection's defaults are a form to fill, not a usable configuration, unless it needs none.
    const valid = a.configSchema.safeParse(defaults).success;
    expect(valid).toBe(name === 'address-book');
  });
});
