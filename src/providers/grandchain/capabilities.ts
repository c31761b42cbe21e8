/** What the pages offer for Grand Chain: an email sign-in form, and its balance (in fen) over time on the card. */
import type { PlatformCapabilities } from '../types';

export const grandchainCapabilities: PlatformCapabilities = {
  signIn: 'email_login',
  fenBalance: true,
  keyPairHelper: false,
  accountPanel: 'balance_history',
};
