import { describe, expect, it } from 'vitest';
import { accountFromForm, formFromAccount, type AccountForm } from '../../lib/settings/account-form';
import { migrateSettings } from '../../lib/settings/migrate';
import { DEFAULT_DIAL_RULES } from '../../lib/phone/dial-rules';
import { authUserOf, defaultSettings, splitSipUri } from '../../lib/settings/schema';

const form: AccountForm = {
  wsServer: 'wss://pbx.example.com:8089/ws',
  sipUri: 'sip:1001@pbx.example.com',
  authUser: '',
  password: 'pw',
  displayName: 'Agent',
  iceUrls: 'stun:stun.example.com:3478\nturn:turn.example.com:3478',
  turnUsername: 'u',
  turnPassword: 'p',
};

describe('account form', () => {
  it('builds an account; TURN credentials go to turn: URLs only', () => {
    const r = accountFromForm(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.account.iceServers).toEqual([
      { urls: 'stun:stun.example.com:3478' },
      { urls: 'turn:turn.example.com:3478', username: 'u', credential: 'p' },
    ]);
    expect(formFromAccount(r.account)).toEqual(form);
  });

  it('reports each bad field with a message key', () => {
    const r = accountFromForm({ ...form, wsServer: 'http://pbx', sipUri: '1001', iceUrls: 'ftp://x' });
    expect(r).toEqual({ ok: false, errors: { wsServer: 'errWsUrl', sipUri: 'errSipUri', iceUrls: 'errIceUrl' } });
    expect(accountFromForm({ ...form, wsServer: ' ' })).toEqual({ ok: false, errors: { wsServer: 'errRequired' } });
  });

  it('derives the digest user from the SIP URI when none is given', () => {
    const r = accountFromForm(form);
    if (!r.ok) throw new Error('invalid');
    expect(authUserOf(r.account)).toBe('1001');
    expect(authUserOf({ ...r.account, authUser: 'agent7' })).toBe('agent7');
    expect(splitSipUri('sips:a@b.c')).toEqual({ user: 'a', host: 'b.c' });
    expect(splitSipUri('a@b')).toBeNull();
  });
});

describe('settings migrations', () => {
  const account = {
    wsServer: form.wsServer,
    sipUri: form.sipUri,
    authUser: '',
    password: 'pw',
    displayName: 'Agent',
    iceServers: [],
  };
  const PL = ['pl-PL', 'en'];
  const defaults = defaultSettings(PL);

  it('fresh install gives defaults with the country guessed from the locales', () => {
    expect(migrateSettings(undefined, PL)).toEqual({ ok: true, settings: defaults, migrated: false });
    expect(defaults).toMatchObject({
      version: 4,
      journal: { slaSeconds: 20 },
      account: null,
      clickToCall: { enabled: true, defaultCountry: 'PL', siteMode: 'all-except-blocked', blockedSites: [] },
      dialRules: DEFAULT_DIAL_RULES,
    });
    expect(defaultSettings(['ru']).clickToCall.defaultCountry).toBe('RU');
  });
  it('migrates an unversioned object (0 → 1 → 2)', () => {
    const r = migrateSettings({ account }, PL);
    expect(r).toEqual({ ok: true, migrated: true, settings: { ...defaults, account } });
  });
  it('migrates version 1, keeping the account and adding the defaults', () => {
    const r = migrateSettings({ version: 1, account }, ['de-AT']);
    expect(r).toEqual({ ok: true, migrated: true, settings: { ...defaultSettings(['de-AT']), account } });
    if (r.ok) expect(r.settings.clickToCall.defaultCountry).toBe('AT');
    expect(migrateSettings({ version: 1, account: null }, PL)).toEqual({
      ok: true,
      migrated: true,
      settings: defaults,
    });
  });
  it('migrates version 2, adding the journal settings and CRM settings, keeping everything else', () => {
    const v2 = { version: 2, account, clickToCall: defaults.clickToCall, dialRules: defaults.dialRules };
    expect(migrateSettings(v2, PL)).toEqual({ ok: true, migrated: true, settings: { ...defaults, account } });
    const recording = { local: true, urlHeader: 'X-Recording-URL', urlTemplate: '' };
    const withRecording = migrateSettings({ ...v2, account: { ...account, recording } }, PL);
    expect(withRecording.ok && withRecording.settings.account?.recording).toEqual(recording);
  });
  it('migrates version 3 by adding CRM settings without connections (3 → 4)', () => {
    const v3 = { ...defaults, version: 3, account, crm: undefined };
    expect(migrateSettings(v3, PL)).toEqual({ ok: true, migrated: true, settings: { ...defaults, account } });
    expect(defaults.crm).toEqual({ connections: [], lookupTimeoutMs: 4000, cacheTtlSeconds: 300, wrapUpSeconds: 120 });
  });
  it('keeps current settings as they are', () => {
    const current = { ...defaults, account, clickToCall: { ...defaults.clickToCall, defaultCountry: 'RU' } };
    expect(migrateSettings(current, PL)).toEqual({ ok: true, migrated: false, settings: current });
  });
  it('falls back to defaults and says why for unreadable settings', () => {
    expect(migrateSettings('junk', PL)).toMatchObject({ ok: false, settings: defaults });
    expect(migrateSettings([], PL)).toMatchObject({ ok: false, settings: defaults });
    const newer = migrateSettings({ version: 99, account }, PL);
    expect(newer).toMatchObject({ ok: false, settings: defaults });
    expect(newer.ok || newer.problem).toContain('newer than this build');
    const broken = migrateSettings({ version: 1, account: { sipUri: 'x' } }, PL);
    expect(broken.ok || broken.problem).toContain('invalid settings at account.');
    const badSites = migrateSettings(
      { ...defaults, clickToCall: { ...defaults.clickToCall, blockedSites: ['http://x'] } },
      PL,
    );
    expect(badSites.ok || badSites.problem).toContain('invalid settings at clickToCall.blockedSites.0');
    const noRules = migrateSettings({ version: 2, account: null, clickToCall: defaults.clickToCall }, PL);
    expect(noRules.ok || noRules.problem).toContain('dialRules');
    const badCrm = migrateSettings(
      {
        ...defaults,
        crm: {
          ...defaults.crm,
          connections: [
            {
              id: 'b',
              adapter: 'bitrix24',
              label: '',
              enabled: true,
              autoLog: 'matched',
              logMissed: false,
              popupFields: [],
              config: { webhookUrl: 'nope' },
            },
          ],
        },
      },
      PL,
    );
    expect(badCrm.ok || badCrm.problem).toContain('crm.connections.0.config.webhookUrl');
    expect(migrateSettings({ version: 1.5 }, PL)).toMatchObject({
      ok: false,
      problem: 'no migration from version 1.5',
    });
  });
});
