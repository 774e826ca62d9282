import type { RegistrationStatus } from '../engine/registration';

/** What the toolbar badge shows: text, and which registration colour behind it. */
export interface BadgeFace {
  text: string;
  /** The background colour follows registration, always. */
  color: RegistrationStatus;
}

/** Longest count the badge spells out (it has room for about four characters). */
const MAX_COUNT = 99;

/**
 * Registration state and missed calls share the one badge. Without missed calls it reads as
 * before (`ON`, `…`, `!`); with them it shows the number of callers to call back, on the colour of
 * the registration state, and `!` stays in front when the agent must act on registration. The
 * tooltip says both in words.
 */
export function badgeFace(
  status: RegistrationStatus,
  words: { registered: string; connecting: string; error: string },
  missedCallers: number,
): BadgeFace {
  if (missedCallers <= 0) {
    const text =
      status === 'registered'
        ? words.registered
        : status === 'connecting'
          ? words.connecting
          : status === 'error'
            ? words.error
            : '';
    return { text, color: status };
  }
  const count = missedCallers > MAX_COUNT ? `${MAX_COUNT}+` : String(missedCallers);
  return { text: status === 'error' ? `${words.error}${count}` : count, color: status };
}
