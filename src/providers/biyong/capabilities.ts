/** What the pages offer for BiYong: consent for a merchant with its key pair; its ledger's net flow on the card. */
import type { PlatformCapabilities } from '../types';

export const biyongCapabilities: PlatformCapabilities = {
  name: { en: 'BiYong', zh: '币用' },
  color: '#1849a9',
  signIn: 'key_pair',
  // The merchant's RSA key pair can be made on the options page (docs/providers/biyong.md).
  keyPairHelper: true,
  accountPanel: 'net_flow',
};

export default biyongCapabilities;
