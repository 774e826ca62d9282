import type { z } from 'zod';
import { sipAccountSchema, type IceServer, type SipAccount } from './schema';

/** What the options form holds: plain strings, as typed by the admin or agent. */
export interface AccountForm {
  wsServer: string;
  sipUri: string;
  authUser: string;
  password: string;
  displayName: string;
  /** One STUN/TURN URL per line. */
  iceUrls: string;
  turnUsername: string;
  turnPassword: string;
}

/** Field name → i18n key of the first problem with it. */
export type FieldErrors = Partial<Record<keyof AccountForm, string>>;

/** Result of validating the form: an account, or errors per field. */
export type FormResult = { ok: true; account: SipAccount } | { ok: false; errors: FieldErrors };

/** An empty form, or one filled from a saved account. */
export function formFromAccount(account: SipAccount | null): AccountForm {
  const turn = account?.iceServers.find((s) => s.username || s.credential);
  return {
    wsServer: account?.wsServer ?? '',
    sipUri: account?.sipUri ?? '',
    authUser: account?.authUser ?? '',
    password: account?.password ?? '',
    displayName: account?.displayName ?? '',
    iceUrls: account?.iceServers.map((s) => s.urls).join('\n') ?? '',
    turnUsername: turn?.username ?? '',
    turnPassword: turn?.credential ?? '',
  };
}

/** Validates the form and builds the account; TURN credentials apply to turn:/turns: URLs. */
export function accountFromForm(form: AccountForm): FormResult {
  const iceServers: IceServer[] = form.iceUrls
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((urls) =>
      /^turns?:/i.test(urls) && (form.turnUsername || form.turnPassword)
        ? { urls, username: form.turnUsername, credential: form.turnPassword }
        : { urls },
    );
  const parsed = sipAccountSchema.safeParse({ ...form, iceServers });
  if (parsed.success) return { ok: true, account: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error) };
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const head = issue.path[0];
    const field: keyof AccountForm | undefined =
      head === 'iceServers' ? 'iceUrls' : (head as keyof AccountForm | undefined);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
