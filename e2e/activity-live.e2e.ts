/**
 * Activity follows what the worker stores while the popup is open (issue 11 §3): rows appear as
 * soon as a connection's first sync stored them, Refresh updates the count, and a sync the popup
 * did not ask for (the periodic alarm's, a Grand Chain sign-in on the options page) shows too —
 * all without reopening the popup. Expected counts are what the worker holds, read in the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { bobSendsAlice, saveDemoCredentials } from './fixtures';
import { CONTROL, DEMO } from '../sandbox/contract';

let h: Harness;
const LEDGER = 241;
const [ALICE] = DEMO.grandchain.users;
let popup: Page;

const count = () => popup.getByTestId('activity-count').textContent();
const rowsShown = () => popup.getByTestId('activity-row').count();
/** Rows the worker holds now (what the popup must come to say). */
const held = async () => (await h.send('activity/page', { offset: 0, limit: 1 })).total;

beforeAll(async () => {
  h = await launch();
  await h.control(CONTROL.seed, { biyongLedgerSize: LEDGER });
  await h.send('vault/create', { passphrase: 'activity follows storage' });
  await saveDemoCredentials(h, ['biyong', 'grandchain'], {
    biyong: { userToken: 'coindock_user_42' },
  });
  popup = await h.openPopup('activity');
});
afterAll(async () => {
  await h?.close();
});

describe('activity in an open popup', () => {
  it('shows the rows of a connection as soon as they are synced', async () => {
    await expect.poll(count).toBe('0 rows');
    expect(await popup.getByTestId('activity-empty').count()).toBe(1);

    // BiYong as a person connects it: the popup's button (on the Accounts tab), the consent
    // page in a tab.
    await popup.getByRole('tab', { name: /^Accounts/ }).click();
    const card = popup.locator('li[data-platform="biyong"]');
    const opened = h.context.waitForEvent('page');
    await card.getByRole('button', { name: /^Connect$/ }).click();
    const consent = await opened;
    await consent.waitForLoadState();
    await consent.getByRole('button', { name: /Authorize/ }).click();

    // The same popup, never reopened: the count and the rows follow the worker's sync.
    await popup.getByRole('tab', { name: /^Activity/ }).click();
    await expect.poll(held, { timeout: 15_000 }).toBe(LEDGER);
    await expect.poll(count, { timeout: 15_000 }).toBe(`${LEDGER} rows`);
    await expect.poll(rowsShown).toBeGreaterThan(0);
    expect(await popup.getByTestId('activity-empty').count()).toBe(0);
    await expect
      .poll(() => popup.getByTestId('activity-freshness').textContent())
      .toMatch(/BiYong: updated (just now|\d+ min ago)/);
  });

  it('updates the count after Refresh', async () => {
    await h.control(CONTROL.seed, { biyongAppendLedger: 40 });
    await popup.getByTestId('activity').getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(count, { timeout: 15_000 }).toBe(`${LEDGER + 40} rows`);
    expect(await held()).toBe(LEDGER + 40);
  });

  it('follows syncs it did not ask for: the periodic alarm, a sign-in elsewhere', async () => {
    await h.control(CONTROL.seed, { biyongAppendLedger: 25 });
    // The worker's own alarm, fired now (it is what runs every 15 minutes).
    const worker = await h.worker();
    await worker.evaluate(() => chrome.alarms.create('activity-sync', { when: Date.now() + 50 }));
    await expect.poll(count, { timeout: 15_000 }).toBe(`${LEDGER + 65} rows`);

    // Bob sent Alice money to receive: a Grand Chain row once she is signed in.
    await bobSendsAlice(h, 1234);
    // Grand Chain signed in from another page (the options page does this): its first sync
    // runs by itself and its rows join the open popup's list.
    await h.send('grandchain/login', { email: ALICE.email, password: ALICE.password });
    const withGrandchain = async () => {
      const page = await h.send('activity/page', { platform: 'grandchain', offset: 0, limit: 1 });
      return page.total;
    };
    await expect.poll(withGrandchain, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(count, { timeout: 15_000 }).toBe(`${await held()} rows`);
    await expect
      .poll(() => popup.getByTestId('activity-freshness').textContent())
      .toMatch(/Grand Chain: updated/);
  });
});
