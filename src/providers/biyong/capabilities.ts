/** What the pages offer for BiYong: consent for a merchant with its key pair; its ledger's net flow on the card. */
import type { PlatformCapabilities } from '../types';

export const biyongCapabilities: PlatformCapabilities = {
  signIn: 'key_pair',
  fenBalance: false,
  // The merchant's RSA key pair can be made on the options page (docs/providers/biyong.md).
  keyPairHelper: true,
  accountPanel: 'net_flow',
};
