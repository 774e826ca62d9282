import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/page.css';
import { localizePage, t } from '../../components/i18n';

localizePage('onboardingTitle');
import { useMicPermission } from '../../components/use-mic-permission';

/**
 * Asks for the microphone once, in a tab: the offscreen document that runs calls cannot show the
 * browser's permission prompt, but it inherits the grant given to the extension here.
 */
function Onboarding() {
  const permission = useMicPermission();
  const [problem, setProblem] = useState<string>();
  const [granted, setGranted] = useState(false);
  const ask = async () => {
    setProblem(undefined);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((track) => track.stop());
      setGranted(true);
    } catch (e) {
      setProblem(e instanceof DOMException && e.name === 'NotFoundError' ? t('micNoDevice') : t('micDenied'));
    }
  };
  const ok = granted || permission === 'granted';
  return (
    <div class="onboarding" style={{ maxWidth: '560px', margin: '32px auto', padding: '0 16px' }}>
      <h1>{t('onboardingTitle')}</h1>
      <p>{t('onboardingWhy')}</p>
      <p>{t('onboardingPrivacy')}</p>
      {ok ? (
        <p class="ok" role="status">
          {t('micReady')} <a href={browser.runtime.getURL('/options.html')}>{t('openSettings')}</a>
        </p>
      ) : (
        <button type="button" class="primary" onClick={() => void ask()}>
          {t('allowMic')}
        </button>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

render(<Onboarding />, document.getElementById('app') as HTMLElement);
