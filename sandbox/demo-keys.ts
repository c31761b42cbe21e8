/**
 * The sandbox's demo credentials exactly as a user types them into CoinDock's settings: for each
 * platform, the key of each credential field (the `key`s of the providers' `credentials` lists)
 * and its value, with the merchant URLs absolute for one sandbox origin.
 *
 * One home for them: the real-browser tests (e2e/fixtures.ts), `npm start` (e2e/demo-profile.ts),
 * `npm run sandbox`'s printout and the sandbox's own `GET /__demo/credentials` (which the options
 * page's "Fill in sandbox demo keys" reads) all take them from here. The values themselves are the
 * accounts the simulators are seeded with (contract.ts `DEMO`). Sandbox data only: none of it is a
 * real secret.
 */
import { DEMO, MERCHANT_PATHS } from './contract';

/** The platforms, in the order CoinDock lists them. */
export const DEMO_PLATFORMS = ['fomo', 'gow', 'biyong', 'grandchain', 'hicoin'] as const;
export type DemoPlatform = (typeof DEMO_PLATFORMS)[number];

/** Credential field key → the value a user would type, per platform. */
export type DemoCredentials = Record<DemoPlatform, Record<string, string>>;

/** The Grand Chain demo user CoinDock signs in as (its second user receives the demo's send). */
export const DEMO_GRANDCHAIN_USER = DEMO.grandchain.users[0];

/** Every platform's demo credentials for a sandbox on `origin` (e.g. `http://127.0.0.1:8787`). */
export function demoCredentials(origin: string): DemoCredentials {
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
      hashMode: DEMO.biyong.hash,
    },
    // The password is typed at sign-in only (CoinDock never stores it): see DEMO_GRANDCHAIN_USER.
    grandchain: { email: DEMO_GRANDCHAIN_USER.email },
    hicoin: {
      appId: DEMO.hicoin.appId,
      secret: DEMO.hicoin.secret,
      redirectUri: origin + MERCHANT_PATHS.hicoinReturn,
      walletRedirect: origin + MERCHANT_PATHS.hicoinReturn,
      scope: 'snsapi_userinfo',
    },
  };
}

/** Base64 DER as PEM: the label's armour around 64-character lines, as openssl writes it. */
export function pem(label: string, base64Der: string): string {
  const lines = base64Der.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * BiYong's demo merchant key pair in openssl's usual PEM form (what `openssl genpkey` /
 * `openssl pkey -pubout` print): PKCS#8 `PRIVATE KEY` and X.509 SPKI `PUBLIC KEY`. The same keys
 * as the base64 DER of `demoCredentials().biyong`.
 */
export const BIYONG_MERCHANT_PEM = {
  privateKey: pem('PRIVATE KEY', DEMO.biyong.merchantPrivateKey),
  publicKey: pem('PUBLIC KEY', DEMO.biyong.merchantPublicKey),
} as const;

/** BiYong's own (platform) public key as PEM, the key CoinDock verifies BiYong's answers with. */
export const BIYONG_PLATFORM_PUBLIC_PEM = pem('PUBLIC KEY', DEMO.biyong.platformPublicKey);
