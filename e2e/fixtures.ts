/** The sandbox's demo credentials as a user would enter them (one home: sandbox/demo-keys.ts). */
import { demoCredentials } from '../sandbox/demo-keys';
import type { Platform } from '../src/core/errors';
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
