import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { phoneSettingsSchema, type PageCommand, type PhoneSettings } from '../lib/protocol/pages';
import { request } from './page-request';

/** Click-to-call and dialling rules as the background last reported them. */
export interface PhoneSettingsState {
  /** Null until loaded (or when loading failed). */
  saved: PhoneSettings | null;
  /** The background did not answer with settings. */
  failed: boolean;
  /** Sends a change and takes the settings the background stored; null when it failed. */
  change(command: PhoneCommand): Promise<PhoneSettings | null>;
}

/** The page requests that change phone settings; each is answered with all of them. */
export type PhoneCommand = Extract<PageCommand, { type: 'saveClickToCall' | 'saveDialRules' | 'setSiteEnabled' }>;

/** Loads the phone settings once and keeps them current as the page changes them. */
export function usePhoneSettings(): PhoneSettingsState {
  const [saved, setSaved] = useState<PhoneSettings | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void ask({ type: 'getPhoneSettings' }).then((settings) => {
      setSaved(settings);
      setFailed(!settings);
    });
  }, []);
  const change = async (command: PhoneCommand) => {
    const settings = await ask(command);
    if (settings) setSaved(settings);
    return settings;
  };
  return { saved, failed, change };
}

async function ask(command: PageCommand): Promise<PhoneSettings | null> {
  const reply = z.safeParse(phoneSettingsSchema, await request(command).catch(() => null));
  return reply.success ? reply.data : null;
}
