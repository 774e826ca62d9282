import { z } from 'zod';
import { countryCodeSchema, guessCountry } from '../phone/countries';
import { DEFAULT_DIAL_RULES, dialRulesSchema } from '../phone/dial-rules';
import { ADAPTERS } from '../../providers/crm';
import { ADAPTER_NAMES } from '../../providers/crm/types';

/**
 * The settings model: one versioned zod schema. Error messages are i18n message keys (see
 * public/_locales/en/messages.json), so the UI can show them in the agent's language.
 */
export const SETTINGS_VERSION = 4 as const;

const WS_URL = /^wss?:\/\/[^\s/?#]+(?::\d{1,5})?(?:[/?#]\S*)?$/i;
const SIP_URI = /^sips?:([^@\s:;]+)@([^@\s;?]+)$/i;
const ICE_URL = /^(stuns?|turns?):[^\s]+$/i;

/** A STUN or TURN server as RTCPeerConnection expects it. */
export const iceServerSchema = z.object({
  urls: z.string().regex(ICE_URL, 'errIceUrl'),
  username: z.string().max(256).optional(),
  credential: z.string().max(256).optional(),
});
/** One STUN/TURN server entry. */
export type IceServer = z.infer<typeof iceServerSchema>;

/** One SIP account: where to register and with which credentials. */
export const sipAccountSchema = z.object({
  wsServer: z.string().trim().min(1, 'errRequired').regex(WS_URL, 'errWsUrl'),
  sipUri: z.string().trim().min(1, 'errRequired').regex(SIP_URI, 'errSipUri'),
  authUser: z.string().trim().max(128, 'errTooLong'),
  password: z.string().max(256, 'errTooLong'),
  displayName: z.string().trim().max(64, 'errTooLong'),
  iceServers: z.array(iceServerSchema).max(10, 'errTooMany'),
  /** Call recording for this account (absent: off); see {@link recordingSchema}. */
  recording: z.lazy(() => recordingSchema).optional(),
});
/** A validated SIP account. */
export type SipAccount = z.infer<typeof sipAccountSchema>;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = `${LABEL}(?:\\.${LABEL})*`;
// A host as URL.hostname gives it (lower-case, punycode, IPv6 in brackets), optionally `*.`-prefixed.
const SITE_HOST = new RegExp(`^(?:${HOST}|\\[[0-9a-f:.]+\\])$`);
const SITE_PATTERN = new RegExp(`^(?:(?:\\*\\.)?${HOST}|\\[[0-9a-f:.]+\\])$`);

/** Most entries a block or allow list may hold. */
export const MAX_SITES = 500;

/** A web host, as the popup sends it: `crm.example.com`, `127.0.0.1`, `[::1]`. */
export const siteHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'errSitePattern')
  .regex(SITE_HOST, 'errSitePattern');

/**
 * A site entry: `crm.example.com` (that host only) or `*.example.com` (the domain and all its
 * subdomains). Host names only: no scheme, path or port.
 */
export const sitePatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'errSitePattern')
  .regex(SITE_PATTERN, 'errSitePattern');

/** A list of site entries, without duplicates. */
export const siteListSchema = z
  .array(sitePatternSchema)
  .max(MAX_SITES, 'errTooManySites')
  .overwrite((sites) => [...new Set(sites)]);

/** Where click-to-call works: everywhere but the blocked sites, or only on the allowed ones. */
export const SITE_MODES = ['all-except-blocked', 'only-allowed'] as const;
/** One of {@link SITE_MODES}. */
export type SiteMode = (typeof SITE_MODES)[number];

/** Click-to-call: phone numbers on web pages become links that dial. */
export const clickToCallSchema = z.object({
  /** The global switch. */
  enabled: z.boolean(),
  /** The country of numbers written without a country code. */
  defaultCountry: countryCodeSchema,
  siteMode: z.enum(SITE_MODES),
  /** Always off here, whatever the mode. */
  blockedSites: siteListSchema,
  /** On here in `only-allowed` mode. */
  allowedSites: siteListSchema,
});
/** Validated click-to-call settings. */
export type ClickToCall = z.infer<typeof clickToCallSchema>;

// ---- journal (issue 6)

/** Placeholders a recording URL template may hold. */
export const RECORDING_URL_FIELDS = ['{sipCallId}', '{callId}', '{remote}', '{local}', '{date}'] as const;

/**
 * Call recording of one account. Recording a call without telling the other party is unlawful
 * in many places, so `local` is only ever turned on after the agent confirms callers are told.
 */
export const recordingSchema = z.object({
  /** Record both directions of every call in the extension, stored with the call. */
  local: z.boolean(),
  /** A SIP header of the INVITE or its 200 OK that carries the PBX's recording URL (`X-Recording-URL`). */
  urlHeader: z
    .string()
    .trim()
    .max(64, 'errTooLong')
    .regex(/^[A-Za-z0-9-]*$/, 'errHeaderName'),
  /** The PBX's recording URL for a call, with placeholders ({@link RECORDING_URL_FIELDS}). */
  urlTemplate: z
    .string()
    .trim()
    .max(512, 'errTooLong')
    .regex(/^(?:https?:\/\/\S+)?$/i, 'errUrlTemplate'),
});
/** Recording settings of an account. */
export type Recording = z.infer<typeof recordingSchema>;
/** Recording of an account that never set it: off, no PBX recordings. */
export const NO_RECORDING: Recording = { local: false, urlHeader: '', urlTemplate: '' };

/** The journal's own settings. */
export const journalSettingsSchema = z.object({
  /** Spikon's SLA threshold: incoming calls answered within this many seconds count as in time. */
  slaSeconds: z.number().int().min(1, 'errSlaSeconds').max(600, 'errSlaSeconds'),
});
/** Journal settings. */
export type JournalSettings = z.infer<typeof journalSettingsSchema>;
/** Journal settings of a fresh install: 20 s, the usual call-centre target (80/20). */
export const DEFAULT_JOURNAL: JournalSettings = { slaSeconds: 20 };

/** Everything the extension stores as settings, at the current version. */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  account: sipAccountSchema.nullable(),
  clickToCall: clickToCallSchema,
  dialRules: dialRulesSchema,
  journal: journalSettingsSchema,
  crm: z.lazy(() => crmSettingsSchema),
});
/** Settings at the current version. */
export type Settings = z.infer<typeof settingsSchema>;

/** Click-to-call of a fresh install: on everywhere, numbers read as numbers of `locales`' country. */
export function defaultClickToCall(locales: readonly string[]): ClickToCall {
  return {
    enabled: true,
    defaultCountry: guessCountry(locales),
    siteMode: 'all-except-blocked',
    blockedSites: [],
    allowedSites: [],
  };
}

/** Settings of a fresh install for a browser whose languages are `locales` (`navigator.languages`). */
export function defaultSettings(locales: readonly string[]): Settings {
  return {
    version: SETTINGS_VERSION,
    account: null,
    clickToCall: defaultClickToCall(locales),
    dialRules: { ...DEFAULT_DIAL_RULES },
    journal: { ...DEFAULT_JOURNAL },
    crm: defaultCrmSettings(),
  };
}

/** The user part and host of a SIP URI (`sip:1001@pbx.example.com`). */
export function splitSipUri(uri: string): { user: string; host: string } | null {
  const m = SIP_URI.exec(uri.trim());
  return m?.[1] && m[2] ? { user: m[1], host: m[2] } : null;
}

/** The digest user: the configured authorization user, else the SIP URI's user part. */
export function authUserOf(account: SipAccount): string {
  return account.authUser || splitSipUri(account.sipUri)?.user || '';
}

// ---- CRM connections (issue 4)

/** When a call is logged by itself: never, when a record matched (or was chosen, created, linked), or always. */
export const AUTO_LOG = ['off', 'matched', 'all'] as const;

/** How long lookups wait, answers are reused, and the wrap-up lasts. */
const crmTimings = {
  /** Longest wait for a CRM's answer before the pop-up says it is unreachable. */
  lookupTimeoutMs: z.number().int().min(1000, 'errLookupTimeout').max(15_000, 'errLookupTimeout'),
  /** How long a number's lookup is reused (a caller who rings again pops up at once). */
  cacheTtlSeconds: z.number().int().min(0, 'errCacheTtl').max(3600, 'errCacheTtl'),
  /** After hang-up, the pop-up stays this long for the Link menu; the call is logged when it closes. */
  wrapUpSeconds: z.number().int().min(0, 'errWrapUp').max(900, 'errWrapUp'),
};

/** A connection's fields; its configuration is checked by its adapter in {@link crmConnectionSchema}. */
const crmConnectionFields = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'errConnectionId'),
  adapter: z.enum(ADAPTER_NAMES),
  label: z.string().trim().max(64, 'errTooLong'),
  enabled: z.boolean(),
  autoLog: z.enum(AUTO_LOG),
  /** Log missed (never answered) calls too. */
  logMissed: z.boolean(),
  /** Record fields shown in the pop-up, by key; empty: the adapter's defaults. */
  popupFields: z.array(z.string().max(40)).max(12, 'errTooMany'),
  config: z.record(z.string(), z.unknown()),
});

/**
 * One CRM connection: an adapter and its configuration (validated by the adapter's own schema,
 * errors under `config.<field>`), plus what the pop-up shows and when calls are logged.
 */
export const crmConnectionSchema = crmConnectionFields.superRefine((c, ctx) => {
  const parsed = ADAPTERS[c.adapter].configSchema.safeParse(c.config);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: ['config', ...issue.path.map(String)] });
  }
});
/** A CRM connection. */
export type CrmConnection = z.infer<typeof crmConnectionSchema>;

/**
 * CRM settings as a page sends them: secrets may be blank (the page never saw them; the
 * background keeps the stored ones), so configurations are checked only after the merge.
 */
export const crmSettingsDraftSchema = z.object({
  connections: z.array(crmConnectionFields).max(8, 'errTooMany'),
  ...crmTimings,
});
/** CRM settings from a page, secrets possibly blank. */
export type CrmSettingsDraft = z.infer<typeof crmSettingsDraftSchema>;

/** The CRM connections and how lookups, pop-ups and logging behave. */
export const crmSettingsSchema = z.object({
  connections: z
    .array(crmConnectionSchema)
    .max(8, 'errTooMany')
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'errConnectionId'),
  ...crmTimings,
});
/** CRM settings. */
export type CrmSettings = z.infer<typeof crmSettingsSchema>;

/** CRM settings of a fresh install: no connections. */
export function defaultCrmSettings(): CrmSettings {
  return { connections: [], lookupTimeoutMs: 4000, cacheTtlSeconds: 300, wrapUpSeconds: 120 };
}
