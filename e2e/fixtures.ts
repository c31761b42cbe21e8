/** The sandbox's demo credentials as a user would enter them (one home: sandbox/demo-keys.ts). */
import { demoCredentials } from '../sandbox/demo-keys';
import { DEMO } from '../sandbox/contract';
import type { Platform } from '../src/core/platform';
import type { Harness } from './harness';

export { demoCredentials };

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

/** The consent page's approving button, by platform (the sandbox's pages name them so). */
const APPROVE = { fomo: 'Authorize', hicoin: 'Allow', biyong: /^Authorize/ } as const;
export type ConsentPlatform = keyof typeof APPROVE;

/**
 * Connect (or reconnect) an account that is granted on the platform's consent page, as a person
 * would: the worker opens the tab, the user approves. Waits until this flow has connected the
 * account; usable in beforeAll, where expect.poll is not allowed. The vault must be open with the
 * platform's credentials saved.
 */
export async function connectThroughConsent(
  h: Pick<Harness, 'send' | 'context'>,
  platform: ConsentPlatform,
): Promise<void> {
  const since = Date.now();
  const opened = h.context.waitForEvent('page');
  await h.send('accounts/connect', { platform });
  const consent = await opened;
  await consent.getByRole('button', { name: APPROVE[platform] }).click();
  await waitUntilConnected(h, platform, since);
}

/**
 * Wait until the flow started at `since` has connected the platform's account (polls up to
 * 15 s; usable in beforeAll, where expect.poll is not allowed).
 */
export async function waitUntilConnected(
  h: Pick<Harness, 'send'>,
  platform: Platform,
  since: number,
): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const { accounts, flows } = await h.send('accounts/list', {});
    const account = accounts[platform];
    // Connected by this flow: it has finished, and written the account after it started.
    if (
      !flows.some((f) => f.platform === platform) &&
      account?.state === 'connected' &&
      account.updatedAt >= since
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${platform} did not connect`);
}

/** FOMO through its consent page (connectThroughConsent). */
export const connectFomo = (h: Pick<Harness, 'send' | 'context'>): Promise<void> =>
  connectThroughConsent(h, 'fomo');

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
