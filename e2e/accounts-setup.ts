/**
 * Set-up shared by real-browser tests and benchmarks (e2e/net-flow.e2e.ts, e2e/popup-snapshot.e2e.ts,
 * bench/popup-paint.ts, bench/biyong-sync-worker.ts): a vault, BiYong's demo credentials and a
 * seeded ledger, and accounts stored as connected.
 *
 * FOMO, HiCoin and BiYong connect through consent pages (covered by e2e/connect.e2e.ts); for a
 * benchmark their stored public records are what matters, so they are written to storage as the
 * worker would after a connection.
 */
import { saveDemoCredentials } from './fixtures';
import type { Harness } from './harness';
import { CONTROL, DEMO } from '../sandbox/contract';
import type { Account } from '../src/core/accounts';

type BiyongScope = 'PUBLIC_INFO' | 'PHONE' | 'BALANCE';

/**
 * Seed the sandbox's BiYong ledger with `records` and grant the demo AppId `grant` (no consent
 * page), create a vault and save BiYong's demo credentials in it (e2e/fixtures.ts).
 */
export async function vaultWithBiyong(
  h: Harness,
  opts: { records: number; grant: readonly BiyongScope[]; passphrase: string },
): Promise<void> {
  await h.control(CONTROL.seed, { biyongLedgerSize: opts.records, biyongGrant: opts.grant });
  await h.send('vault/create', { passphrase: opts.passphrase });
  await saveDemoCredentials(h, ['biyong']);
}

function connected(
  platform: Account['platform'],
  label: string,
  details: Record<string, string>,
): Account {
  const now = Date.now();
  return { platform, state: 'connected', label, details, connectedAt: now, updatedAt: now };
}

/** The demo BiYong user as stored after a connection with these scopes. */
export const biyongConnected = (grant: readonly BiyongScope[]): Account =>
  connected('biyong', DEMO.biyong.user.nickname, {
    openId: DEMO.biyong.user.openId,
    authList: grant.join(','),
  });

/** Add these accounts to the stored ones (through an extension page, as the worker stores them). */
export async function storeConnected(h: Harness, add: readonly Account[]): Promise<void> {
  const stored = (await h.storage('local')).accounts as Record<string, unknown> | undefined;
  const accounts = { ...stored, ...Object.fromEntries(add.map((a) => [a.platform, a])) };
  const bridge = await h.openOptions();
  await bridge.evaluate((a) => chrome.storage.local.set({ accounts: a }), accounts);
  await bridge.close();
}

/**
 * popup-paint.ts: five connected accounts (GOW by its signed call, Grand Chain signed in, FOMO,
 * HiCoin and BiYong stored) and `rows` BiYong ledger records synced for real.
 */
export async function setUpFiveAccounts(h: Harness, rows: number): Promise<void> {
  const grant = ['PUBLIC_INFO', 'PHONE', 'BALANCE'] as const;
  await vaultWithBiyong(h, { records: rows, grant, passphrase: 'bench passphrase for the popup' });
  await saveDemoCredentials(h, ['gow']);
  await h.send('accounts/connect', { platform: 'gow' });
  const alice = DEMO.grandchain.users[0];
  await h.send('grandchain/login', { email: alice.email, password: alice.password });
  await storeConnected(h, [
    connected('fomo', DEMO.fomo.user.nickname, { userId: DEMO.fomo.user.userId }),
    connected('hicoin', DEMO.hicoin.user.nickname, { openid: DEMO.hicoin.user.openid }),
    biyongConnected(grant),
  ]);
  const o = await h.send('activity/sync', { force: true });
  const by = o.sources.find((s) => s.source === 'biyong');
  if (by?.state !== 'ok' || by.count !== rows) {
    throw new Error(`BiYong ledger did not sync: ${JSON.stringify(by)}`);
  }
  const listed = (await h.send('accounts/list', {})).accounts;
  if (Object.values(listed).filter((a) => a?.state === 'connected').length !== 5) {
    throw new Error('Expected 5 connected accounts');
  }
}
