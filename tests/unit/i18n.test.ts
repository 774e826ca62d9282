import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_OUTCOMES } from '../../lib/call/types';
import { REGISTRATION_ERRORS } from '../../lib/engine/registration';

const root = join(__dirname, '..', '..');
const en = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('English messages', () => {
  it('has every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of [
      ...sources(join(root, 'components')),
      ...sources(join(root, 'entrypoints')),
      ...sources(join(root, 'lib')),
    ]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z_-]+)'/g)) used.add(m[1] ?? '');
      // Schema errors and engine errors carry message keys as plain strings.
      for (const m of text.matchAll(/'(err[A-Z][A-Za-z]+)'/g)) used.add(m[1] ?? '');
    }
    for (const outcome of CALL_OUTCOMES) used.add(`outcome_${outcome}`);
    for (const error of REGISTRATION_ERRORS) {
      used.add(`regError_${error}`);
      used.add(`test_${error}`);
    }
    for (const reason of [
      'error',
      'hangup-local',
      'hangup-remote',
      'rejected-local',
      'cancelled-local',
      'cancelled-remote',
      'answered-elsewhere',
      'failed-remote',
      'no-microphone',
      'busy-here',
      'account-changed',
      'setup-failed',
    ]) {
      used.add(`end_${reason}`);
    }
    const missing = [...used].map((k) => k.replace(/-/g, '_')).filter((k) => !en[k]?.message);
    expect(missing).toEqual([]);
  });

  it('uses only the characters browsers accept in message names', () => {
    expect(Object.keys(en).filter((k) => !/^[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });

  it('declares a placeholder for every $n it uses', () => {
    for (const [key, entry] of Object.entries(en)) {
      const e = entry as { message: string; placeholders?: Record<string, unknown> };
      for (const m of e.message.matchAll(/\$([a-z0-9_]+)\$/gi)) {
        expect(e.placeholders?.[m[1] ?? ''], `${key} uses $${m[1]}$`).toBeDefined();
      }
    }
  });
});

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const localesDir = join(root, 'public/_locales');
/** Every locale we ship besides English, the reference set. */
const translations = readdirSync(localesDir).filter((l) => l !== 'en');
const placeholdersIn = (message: string) =>
  [...message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase()).sort();

describe('translations', () => {
  it('ship Russian and Polish', () => {
    expect(translations.sort()).toEqual(['pl', 'ru']);
  });

  for (const locale of translations) {
    const messages = JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Messages;

    it(`${locale}: has every English key, and no other`, () => {
      expect(Object.keys(en).filter((k) => !messages[k]?.message.trim())).toEqual([]);
      expect(Object.keys(messages).filter((k) => !(k in en))).toEqual([]);
    });

    it(`${locale}: uses the same substitutions as English, declared`, () => {
      for (const [key, entry] of Object.entries(messages)) {
        const english = (en as Messages)[key];
        if (!english) continue;
        expect(placeholdersIn(entry.message), `${locale} ${key}`).toEqual(placeholdersIn(english.message));
        for (const name of placeholdersIn(entry.message)) {
          expect(entry.placeholders?.[name], `${locale} ${key} declares $${name}$`).toBeDefined();
        }
      }
    });
  }
});
