import { render } from 'preact';
import '../../components/page.css';
import './options.css';
import { AccountFormView } from '../../components/account-form';
import { localizePage, t } from '../../components/i18n';

localizePage('settingsTitle');

function OptionsApp() {
  return (
    <div class="options-page">
      <h1>{t('settingsTitle')}</h1>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t('accountHeading')}</h2>
        <AccountFormView />
      </section>
    </div>
  );
}

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
