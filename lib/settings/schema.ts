import { z } from 'zod';

/**
 * The settings model: one versioned zod schema. Error messages are i18n message keys (see
 * public/_locales/en/messages.json), so the UI can show them in the agent's language.
 */
export const SETTINGS_VERSION = 1 as const;

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
});
/** A validated SIP account. */
export type SipAccount = z.infer<typeof sipAccountSchema>;

/** Everything the extension stores as settings, at the current version. */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  account: sipAccountSchema.nullable(),
});
/** Settings at the current version. */
export type Settings = z.infer<typeof settingsSchema>;

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, account: null };

/** The user part and host of a SIP URI (`sip:1001@pbx.example.com`). */
export function splitSipUri(uri: string): { user: string; host: string } | null {
  const m = SIP_URI.exec(uri.trim());
  return m?.[1] && m[2] ? { user: m[1], host: m[2] } : null;
}

/** The digest user: the configured authorization user, else the SIP URI's user part. */
export function authUserOf(account: SipAccount): string {
  return account.authUser || splitSipUri(account.sipUri)?.user || '';
}
