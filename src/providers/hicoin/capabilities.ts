/** What the pages offer for HiCoin: an OAuth sign-in (docs/providers/hicoin.md). */
import type { PlatformCapabilities } from '../types';

export const hicoinCapabilities: PlatformCapabilities = {
  signIn: 'oauth',
  fenBalance: false,
  keyPairHelper: false,
};
