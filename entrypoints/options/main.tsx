import { render } from 'preact';
import '../../components/page.css';
import './options.css';
import { AccountFormView } from '../../components/account-form';
import { ClickToCallFormView } from '../../components/click-to-call-form';
import { DialRulesFormView } from '../../components/dial-rules-form';
import { localizePage, t } from '../../components/i18n';
import { usePhoneSettings } from '../../components/use-phone-settings';
import { RecordingFormView } from '../../components/journal/recording-form';
import { AddressBookSection } from '../../components/crm/address-book-section';
import { CrmSettingsForm } from '../../components/crm/crm-settings-form';

localizePage('settingsTitle');

function OptionsApp() {
  const phone = usePhoneSettings();
  return (
    <div class="options-page">
      <h1>{t('settingsTitle')}</h1>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t('accountHeading')}</h2>
        <AccountFormView />
      </section>
      <section aria-labelledby="click-to-call-heading">
        <h2 id="click-to-call-heading">{t('clickToCallHeading')}</h2>
        <ClickToCallFormView phone={phone} />
      </section>
      <section aria-labelledby="dial-rules-heading">
        <h2 id="dial-rules-heading">{t('dialRulesHeading')}</h2>
        <DialRulesFormView phone={phone} />
      </section>
      <section aria-labelledby="recording-heading">
        <h2 id="recording-heading">{t('recordingHeading')}</h2>
        <RecordingFormView />
      </section>
      <section aria-labelledby="crm-heading">
        <h2 id="crm-heading">{t('crmHeading')}</h2>
        <CrmSettingsForm />
      </section>
      <section aria-labelledby="address-book-heading">
        <h2 id="address-book-heading">{t('crmAddressBook')}</h2>
        <AddressBookSection />
      </section>
    </div>
  );
}

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
