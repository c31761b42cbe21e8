/** What the pages offer for Grand Chain: an email sign-in form, and its balance (in fen) over time on the card. */
import type { PlatformCapabilities } from '../types';

export const grandchainCapabilities: PlatformCapabilities = {
  name: { en: 'Grand Chain', zh: '大链' },
  color: '#6927da',
  signIn: 'email_login',
  fenBalance: true,
  accountPanel: 'balance_history',
};

export default grandchainCapabilities;
