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

/**
 * Connect (or reconnect) FOMO through its consent page as a person would: the worker opens the
 * tab, the user authorizes. Waits until this flow has connected the account; usable in beforeAll,
 * where expect.poll is not allowed. The vault must be open with FOMO's credentials saved.
 */
export async function connectFomo(h: Pick<Harness, 'send' | 'context'>): Promise<void> {
  const since = Date.now();
  const opened = h.context.waitForEvent('page');
  await h.send('accounts/connect', { platform: 'fomo' });
  const consent = await opened;
  await consent.getByRole('button', { name: 'Authorize' }).click();
  for (let i = 0; i < 150; i++) {
    const { accounts, flows } = await h.send('accounts/list', {});
    // Connected by this flow: it has finished, and written the account after it started.
    if (
      flows.length === 0 &&
      accounts.fomo?.state === 'connected' &&
      accounts.fomo.updatedAt >= since
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('FOMO did not connect');
}

/**
 * Bob sends Alice `fen` through the sandbox's own Grand Chain API (the deployed revision), as
 * another user of Grand Chain would: in Alice's CoinDock it is an incoming transfer to receive.
 */
export async function bobSendsAlice(h: Pick<Harness, 'sandbox'>, fen: number): Promise<void> {
  const [alice, bob] = DEMO.grandchain.users;
  const base = h.sandbox.origin + '/grandchain/';
  const post = async (path: string, body: unknown) => {
    const r = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const j = (await r.json()) as Record<string, unknown>;
    if (j.code !== 0 && j.code !== 201) throw new Error(`${path}: ${JSON.stringify(j)}`);
    return j;
  };
  const login = await post('login/', { email: bob.email, password: bob.password });
  await post('trade/transfer/', {
    email: bob.email,
    user_id: login.user_id,
    session_token: login.session_token,
    trade_value: String(fen),
    receiver_user_email: alice.email,
    face_token: bob.faceToken,
  });
}
