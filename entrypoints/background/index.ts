import { defineBackground } from 'wxt/utils/define-background';
import { setupBackground } from './setup';

// Chrome/Edge: the MV3 service worker. Firefox: the persistent MV2 background page, which also
// runs the SIP engine because Firefox has no offscreen documents.
export default defineBackground({
  persistent: true,
  main() {
    setupBackground();
  },
});
