import type { CallRecord } from '../call/types';
import type { Recording } from '../settings/schema';

/** Longest recording URL kept on a call record. */
const MAX_URL = 2048;

/** The value if it is an http(s) URL a page may play, else undefined (headers are hostile). */
export function safeUrl(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || v.length > MAX_URL || !/^https?:\/\/\S+$/i.test(v)) return undefined;
  try {
    return new URL(v).href.length <= MAX_URL ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the PBX keeps a call's recording: the URL its SIP header gave, else the account's template
 * filled in (`https://pbx/rec/{date}/{sipCallId}.wav`). Placeholders are URL-encoded.
 */
export function pbxRecordingUrl(
  recording: Recording | undefined,
  call: Pick<CallRecord, 'id' | 'sipCallId' | 'remoteNumber' | 'localNumber' | 'startedAt'>,
  headerValue?: string,
): string | undefined {
  const fromHeader = safeUrl(headerValue);
  if (fromHeader) return fromHeader;
  const template = recording?.urlTemplate;
  if (!template) return undefined;
  const d = new Date(call.startedAt);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const values: Record<string, string> = {
    '{sipCallId}': call.sipCallId,
    '{callId}': call.id,
    '{remote}': call.remoteNumber,
    '{local}': call.localNumber,
    '{date}': date,
  };
  return safeUrl(
    template.replace(/\{(?:sipCallId|callId|remote|local|date)\}/g, (m) => encodeURIComponent(values[m] ?? '')),
  );
}
