/** Most routing variables kept per call. */
export const MAX_VARIABLES = 8;

/** A header of an incoming INVITE, as SIP.js parses them (`request.headers`). */
export type RawHeaders = Record<string, Array<{ raw: string }> | undefined>;

/**
 * Routing variables of an incoming call: what the PBX learned before ringing the agent (queue,
 * IVR choices, the number the customer dialled), carried as `X-` headers of the INVITE (as
 * Asterisk's `PJSIP_HEADER(add,X-…)`, FreeSWITCH's `sip_h_X-…` and Webitel's variables do).
 * Names lose the `X-` and read as words (`X-Queue-Name` → `Queue Name`); values are hostile text:
 * control characters removed, bounded, at most {@link MAX_VARIABLES}.
 */
export function routingVariables(headers: RawHeaders): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const [name, values] of Object.entries(headers)) {
    if (!/^x-[a-z0-9-]+$/i.test(name) || !values) continue;
    const words = name
      .slice(2)
      .split('-')
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
      .join(' ')
      .slice(0, 40);
    for (const v of values) {
      const value = v.raw
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim()
        .slice(0, 128);
      if (words && value && out.length < MAX_VARIABLES) out.push({ name: words, value });
    }
  }
  return out;
}
