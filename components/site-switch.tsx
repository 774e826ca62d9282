import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostOf, isClickToCallOn } from '../lib/settings/sites';
import { t } from './i18n';
import './settings-form.css';
import { usePhoneSettings } from './use-phone-settings';

/**
 * The popup's per-site switch: click-to-call on or off for the site of the active tab. Shown for
 * web pages only; when click-to-call is off globally it says so and where to turn it on.
 */
export function SiteSwitch() {
  const phone = usePhoneSettings();
  const [host, setHost] = useState<string | null>(null);
  // What the agent just asked for, shown until the background has stored it.
  const [pending, setPending] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setHost(tab?.url ? hostOf(tab.url) : null))
      .catch(() => setHost(null));
  }, []);

  const clickToCall = phone.saved?.clickToCall;
  if (!host || (!clickToCall && !phone.failed)) return null;
  const globalOff = clickToCall?.enabled === false;

  const toggle = async (enabled: boolean) => {
    setPending(enabled);
    const saved = await phone.change({ type: 'setSiteEnabled', host, enabled });
    setFailed(!saved);
    setPending(null);
  };

  return (
    <div class="site-switch">
      <label class="check">
        <input
          type="checkbox"
          checked={pending ?? (clickToCall ? isClickToCallOn(clickToCall, host) : false)}
          disabled={!clickToCall || globalOff || pending !== null}
          aria-describedby={globalOff ? 'site-switch-why' : undefined}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        {t('siteSwitch', host)}
      </label>
      {globalOff && (
        <p id="site-switch-why" class="hint">
          {t('siteSwitchGlobalOff')}
        </p>
      )}
      {(failed || phone.failed) && (
        <p class="error" role="alert">
          {t('errEngine')}
        </p>
      )}
    </div>
  );
}
