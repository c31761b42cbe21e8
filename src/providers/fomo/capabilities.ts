/** What the pages offer for FOMO: an OAuth sign-in (docs/providers/fomo.md), nothing more on its card. */
import type { PlatformCapabilities } from '../types';

export const fomoCapabilities: PlatformCapabilities = {
  signIn: 'oauth',
  fenBalance: false,
  keyPairHelper: false,
};
