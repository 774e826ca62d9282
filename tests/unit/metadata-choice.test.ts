import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE_METADATA_SET } from '../../lib/phone/metadata-choice';

describe('phone metadata', () => {
  it('ships the chosen set to the background, where pages get their matches from', () => {
    const config = readFileSync(resolve(import.meta.dirname, '../../wxt.config.ts'), 'utf8');
    expect(config).toContain(`libphonenumber-js/metadata.${PHONE_METADATA_SET}.json`);
  });
});
