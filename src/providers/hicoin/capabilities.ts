/** What the pages offer for HiCoin: an OAuth sign-in (docs/providers/hicoin.md). */
import type { PlatformCapabilities } from '../types';

export const hicoinCapabilities: PlatformCapabilities = {
  name: { en: 'HiCoin', zh: 'HiCoin' },
  color: '#c01048',
  signIn: 'oauth',
};

export default hicoinCapabilities;
