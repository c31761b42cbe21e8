/** What the pages offer for GOW: merchant keys sign every call, and the account has a KYC status. */
import type { PlatformCapabilities } from '../types';

export const gowCapabilities: PlatformCapabilities = {
  name: { en: 'GOW', zh: 'GOW' },
  color: '#067647',
  signIn: 'api_keys',
  // The card status GOW gives the account; 1 is approved (docs/providers/gow.md, findUserAuthStatus).
  kyc: { approved: '1' },
};

export default gowCapabilities;
