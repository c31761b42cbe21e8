/** What the pages offer for FOMO: an OAuth sign-in (docs/providers/fomo.md), nothing more on its card. */
import type { PlatformCapabilities } from '../types';

export const fomoCapabilities: PlatformCapabilities = {
  name: { en: 'FOMO', zh: 'FOMO' },
  color: '#b54708',
  signIn: 'oauth',
};

export default fomoCapabilities;
