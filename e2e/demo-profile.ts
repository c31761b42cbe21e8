/**
 * The demo profile `npm start` comes up with, so the first window shows CoinDock at work: a vault
 * under a passphrase generated here, every platform's sandbox demo keys saved, all five accounts
 * really connected (FOMO, HiCoin and BiYong through their consent pages, clicked as a person
 * would; GOW by its signed call; Grand Chain signed in as the demo user), BiYong's ledger synced,
 * and a few real transfers made through the worker.
 *
 * Everything goes through the extension's own messages and the sandbox's pages, as a user's
 * clicks would: nothing is written into storage behind the worker's back. Used by scripts/start.ts,
 * e2e/demo.e2e.ts and e2e/a11y.e2e.ts, and available to any test that wants a populated CoinDock.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { connectThroughConsent, saveDemoCredentials, type ConsentPlatform } from './fixtures';
import type { Harness } from './harness';
import { CONTROL, DEMO } from '../sandbox/contract';
import { DEMO_GRANDCHAIN_USER, DEMO_PLATFORMS } from '../sandbox/demo-keys';
import type { ActivityOverview } from '../src/core/activity';
import type { Account } from '../src/core/accounts';
import type { Platform } from '../src/core/platform';
import type { Transfer } from '../src/core/transfers';

/** BiYong's seeded ledger: a few hundred records over the last six weeks, for charts over time. */
export const DEMO_LEDGER = { records: 300, days: 42 } as const;

/** The demo's transfers: a Grand Chain send to the second demo user and a GOW deposit order. */
export const DEMO_TRANSFERS = {
  grandchainSend: { to: DEMO.grandchain.users[1].email, amountYuan: '88.00' },
  gowDeposit: {
    legalAmount: '1000',
    countryCode: 'PH',
    firstName: 'Alice',
    middleName: '',
    lastName: 'Chen',
    birthDate: '1990-01-02',
  },
} as const;

/** What the set-up did, for the start banner and for tests to check the pages against. */
export interface DemoProfile {
  passphrase: string;
  /** Every account, as the worker stores it after connecting. */
  accounts: Record<Platform, Account>;
  /** The activity overview after the last sync (BiYong's ledger among the sources). */
  activity: ActivityOverview;
  /** The transfers made, newest first, as the worker lists them. */
  transfers: Transfer[];
}

// No look-alikes (0/O, 1/l/I), so the printed passphrase is easy to type.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A fresh passphrase for the demo vault: four groups of five characters (about 100 bits), e.g.
 * `k7dwq-2mzhe-p9tra-x4nvs`. Printed once by `npm start`; it is only ever the sandbox's vault.
 */
export function demoPassphrase(): string {
  const group = () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/** What the demo set-up drives: Chromium's harness, or one that approves consent pages itself. */
export type DemoHarness =
  | Harness
  | (Pick<Harness, 'send' | 'control' | 'sandbox'> & {
      connectThroughConsent(platform: ConsentPlatform): Promise<void>;
    });

/**
 * Set up the demo profile in a harness launched with the sandbox configured (harness.ts `launch`):
 * a fresh profile with no vault. `log` hears one line per step.
 */
export async function setUpDemoProfile(
  h: DemoHarness,
  opts: { passphrase?: string; log?: (line: string) => void } = {},
): Promise<DemoProfile> {
  // Chromium's harness approves consent pages through Playwright; another browser's brings its own.
  const connect = (p: ConsentPlatform) =>
    'connectThroughConsent' in h ? h.connectThroughConsent(p) : connectThroughConsent(h, p);
  const log = opts.log ?? (() => undefined);
  const passphrase = opts.passphrase ?? demoPassphrase();

  await h.control(CONTROL.seed, {
    biyongLedgerSize: DEMO_LEDGER.records,
    biyongLedgerDays: DEMO_LEDGER.days,
  });
  log('Creating the vault…');
  await h.send('vault/create', { passphrase });
  await saveDemoCredentials(h, DEMO_PLATFORMS);

  log('Connecting FOMO, HiCoin and BiYong on their consent pages…');
  for (const platform of ['fomo', 'hicoin', 'biyong'] as const) {
    await connect(platform);
  }
  log('Connecting GOW and signing in to Grand Chain…');
  await h.send('accounts/connect', { platform: 'gow' });
  await h.send('grandchain/login', {
    email: DEMO_GRANDCHAIN_USER.email,
    password: DEMO_GRANDCHAIN_USER.password,
  });
  // Grand Chain asks for the user's face token on a transfer: the demo user's, as enrolled.
  await h.send('grandchain/face-token', { faceToken: DEMO_GRANDCHAIN_USER.faceToken });

  log('Making a Grand Chain send and a GOW deposit order…');
  const sent = await h.send('transfers/grandchain-send', DEMO_TRANSFERS.grandchainSend);
  const deposit = await h.send('transfers/gow-deposit', DEMO_TRANSFERS.gowDeposit);
  for (const t of [sent, deposit]) {
    if (t.state === 'failed') {
      throw new Error(`The demo ${t.kind} failed: ${t.statusCode ?? ''} ${t.message?.en ?? ''}`);
    }
  }

  log('Syncing activity (BiYong ledger)…');
  const activity = await h.send('activity/sync', { force: true });
  const biyong = activity.sources.find((s) => s.source === 'biyong');
  if (biyong?.state !== 'ok' || biyong.count !== DEMO_LEDGER.records) {
    throw new Error(`BiYong's ledger did not sync: ${JSON.stringify(biyong)}`);
  }

  const { accounts } = await h.send('accounts/list', {});
  const notConnected = DEMO_PLATFORMS.filter((p) => accounts[p]?.state !== 'connected');
  if (notConnected.length > 0) {
    throw new Error(`Not connected after the demo set-up: ${notConnected.join(', ')}`);
  }
  const transfers = await h.send('transfers/list', {});
  return {
    passphrase,
    accounts: accounts as Record<Platform, Account>,
    activity,
    transfers,
  };
}

/** Let a page finish painting: fonts, then two animation frames. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/**
 * Wait until the popup shows what it has to show (for a screenshot or an accessibility check):
 * every account's item, then — where there is activity — the activity list, which the popup
 * paints just after the accounts.
 */
export async function popupPainted(popup: Page, h: Pick<Harness, 'send'>): Promise<void> {
  await popup
    .locator('[data-platform]')
    .nth(DEMO_PLATFORMS.length - 1)
    .waitFor();
  const { total } = await h.send('activity/status', {});
  // With tabs, the activity list is drawn when its tab is chosen; on one page, just after.
  if (total > 0 && (await popup.getByRole('tab').count()) === 0) {
    await popup.getByRole('listbox').first().getByRole('option').first().waitFor();
  }
  await settled(popup);
}

/** Wait until the options page has drawn its sections. */
export async function optionsPainted(options: Page): Promise<void> {
  await options.getByRole('heading').first().waitFor();
  await settled(options);
}
