/**
 * The demo app's credentials for every platform, as a person would type them into CoinDock's
 * options page (the same values e2e/fixtures.ts uses). Served at GET /__demo/credentials for the
 * options page's "Fill in sandbox demo keys": public demo data, valid only against this sandbox.
 */
import { DEMO, MERCHANT_PATHS } from './contract';

export const DEMO_CREDENTIALS_PATH = '/__demo/credentials';

export function demoCredentialsFor(origin: string): Record<string, Record<string, string>> {
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
