import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { AdapterName } from '../../../providers/crm/types';
import { startFakeBitrix24 } from './fake-bitrix24';
import type { FakeCrm } from './fake-http';
import { HUBSPOT_PORTAL, HUBSPOT_TOKEN, startFakeHubSpot } from './fake-hubspot';
import { PIPEDRIVE_TOKEN, startFakePipedrive } from './fake-pipedrive';
import { restConfig, startFakeRest } from './fake-rest';

/** The fixture callers every fake CRM knows (tests/fixtures/crm/README.md). */
export const CALLERS = {
  known: { e164: '+74951234567', name: 'Ivan Petrov', company: 'Romashka LLC' },
  shared: { e164: '+74957654321', names: ['Anna Smirnova', 'Oleg Smirnov'] },
  unknown: { e164: '+74950000000' },
} as const;

/** A running fake CRM and what the adapter needs to reach it. */
export interface RunningFake {
  fake: FakeCrm;
  /** A working configuration. */
  config: Record<string, unknown>;
  /** The same with a wrong token. */
  badConfig: Record<string, unknown>;
  /** Calls logged in the fake, however it stores them. */
  logs(): unknown[];
  /** The kind of related group the known caller has, and how many. */
  related: { kind: string; count: number };
}

/** How to run an HTTP adapter's contract tests against its local fake. */
export interface Harness {
  start(): Promise<RunningFake>;
}

/** `nationalNumber` as the background gives adapters (it has the full phone metadata). */
export const nationalNumber = (e164: string): string => parsePhoneNumberFromString(e164)?.nationalNumber ?? e164;

/**
 * Every adapter and how its contract is tested: a harness for the HTTP ones, or the name of the
 * unit test that covers the others. The registry test checks this table is complete.
 */
export const CONTRACT_COVERAGE: Record<AdapterName, Harness | { testedIn: string }> = {
  'address-book': { testedIn: 'tests/unit/crm-address-book.test.ts' },
  'screen-pop': { testedIn: 'tests/unit/crm-screen-pop.test.ts' },
  bitrix24: {
    async start() {
      const fake = await startFakeBitrix24();
      return {
        fake,
        config: { webhookUrl: fake.webhookUrl },
        badConfig: { webhookUrl: `${fake.url}/rest/1/wrongtoken/` },
        logs: () => fake.state.activities,
        related: { kind: 'deal', count: 2 },
      };
    },
  },
  hubspot: {
    async start() {
      const fake = await startFakeHubSpot();
      const config = { token: HUBSPOT_TOKEN, portalId: HUBSPOT_PORTAL, apiUrl: fake.url, appUrl: fake.url };
      return {
        fake,
        config,
        badConfig: { ...config, token: 'pat-wrong' },
        logs: () => fake.state.objects.calls ?? [],
        related: { kind: 'deal', count: 2 },
      };
    },
  },
  pipedrive: {
    async start() {
      const fake = await startFakePipedrive();
      const config = { url: fake.url, apiToken: PIPEDRIVE_TOKEN };
      return {
        fake,
        config,
        badConfig: { ...config, apiToken: 'wrong' },
        logs: () => fake.state.callLogs,
        related: { kind: 'deal', count: 2 },
      };
    },
  },
  rest: {
    async start() {
      const fake = await startFakeRest();
      const config = restConfig(fake.url);
      return {
        fake,
        config,
        badConfig: { ...config, headers: 'Authorization: Bearer nope' },
        logs: () => fake.state.calls,
        related: { kind: 'order', count: 2 },
      };
    },
  },
};
