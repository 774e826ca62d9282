import { defineContentScript } from 'wxt/utils/define-content-script';
import { setupCallPopup } from './call-popup-host';
import '../../components/call-card.css';
import './popup.css';

// Runs on every web page, so it stays small: it only renders a call the background sends it.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    setupCallPopup(ctx);
  },
});
