/** The sandbox's demo credentials as a user would enter them, for every platform. */
import { DEMO, MERCHANT_PATHS } from '../sandbox/contract';
import type { Platform } from '../src/core/errors';
import type { Harness } from './harness';

export function demoCredentials(origin: string): Record<Platform, Record<string, string>> {
  return {
    fomo: {
      clientId: DEMO.fomo.clientId,
      clientSecret: DEMO.fomo.clientSecret,
      redirectUri: origin + MERCHANT_PATHS.fomoReturn,
      serverUri: origin + MERCHANT_PATHS.fomoCallback,
      frontUri: origin + MERCHANT_PATHS.fomoFront,
    },
    gow: { apiKey: DEMO.gow.apiKey, secretKey: DEMO.gow.secretKey, account: 'alice@example.com' },
    biyong: {
      appId: DEMO.biyong.appId,
      merchantPrivateKey: DEMO.biyong.merchantPrivateKey,
      merchantPublicKey: DEMO.biyong.merchantPublicKey,
      platformPublicKey: DEMO.biyong.platformPublicKey,
      hashMode: 'SHA256',
    },
    grandchain: { email: DEMO.grandchain.users[0].email },
    hicoin: {
      appId: DEMO.hicoin.appId,
      secret: DEMO.hicoin.secret,
      redirectUri: origin + MERCHANT_PATHS.hicoinReturn,
      walletRedirect: origin + MERCHANT_PATHS.hicoinReturn,
      scope: 'snsapi_userinfo',
    },
  };
}

/** Save the demo credentials of these platforms through the worker (the vault must be open). */
export async function saveDemoCredentials(
  h: Pick<Harness, 'send' | 'sandbox'>,
  platforms: readonly Platform[],
  overrides: Partial<Record<Platform, Record<string, string>>> = {},
): Promise<void> {
  const all = demoCredentials(h.sandbox.origin);
  for (const platform of platforms) {
    await h.send('credentials/save', {
      platform,
      values: { ...all[platform], ...overrides[platform] },
    });
  }
}
