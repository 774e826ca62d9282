import { addressBook } from './address-book';
import { bitrix24 } from './bitrix24';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { rest } from './rest';
import { screenPop } from './screen-pop';
import type { Adapter, AdapterName } from './types';

/**
 * Every CRM adapter by name. The type makes a missing or misspelt entry a compile error; the
 * registry test checks each one is documented (README) and has contract tests with fixtures.
 */
export const ADAPTERS: Readonly<Record<AdapterName, Adapter>> = {
  'address-book': addressBook,
  rest,
  'screen-pop': screenPop,
  bitrix24,
  hubspot,
  pipedrive,
};

export type { Adapter, AdapterName } from './types';
