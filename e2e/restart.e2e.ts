/**
 * Pending transfers across a BROWSER restart (issue 5): unlike a worker restart, quitting the
 * browser clears `storage.session`, so the vault comes back locked, open tabs are gone and Chrome
 * may or may not keep alarms. Each pending transfer must still be followed to final without the
 * user having to open the popup: a GOW order by its poll alarm and on unlock, a FOMO payment by
 * return capture while still locked, a Grand Chain send cut off mid-request from the history once
 * it can no longer be on its way, and on unlock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { connectFomo, saveDemoCredentials } from './fixtures';
import { banner } from './banner-reader';
import { CONTROL, DEMO } from '../sandbox/contract';
import type { Transfer } from '../src/core/transfers';

let h: Harness;
const PASS = 'correct horse battery staple';
const alice = DEMO.grandchain.users[0];
const bob = DEMO.grandchain.users[1];
// The alarms' names as the worker's modules define them (e2e reads the browser's state only).
const GOW_POLL_ALARM = 'gow-orders-poll';
const GRANDCHAIN_RECONCILE_ALARM = 'grandchain-send-reconcile';

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: PASS });
  await saveDemoCredentials(h, ['fomo', 'gow']);
  await h.send('accounts/connect', { platform: 'gow' });
  await h.send('grandchain/login', { email: alice.email, password: alice.password });
  await h.send('grandchain/face-token', { faceToken: alice.faceToken });
  await connectFomo(h);
});
afterAll(async () => {
  await h?.close();
});

/** The stored transfer, read from storage: reading it sends the worker nothing. */
const stored = async (id: string) =>
  ((await h.storage('local')).transfers as Record<string, Transfer> | undefined)?.[id];
const alarm = async (name: string) => {
  const w = await h.worker();
  return w.evaluate((n) => chrome.alarms.get(n), name);
};

/** Each test starts unlocked, as a user placing a transfer is, whatever the last one left. */
async function unlocked(): Promise<void> {
  if (!(await h.send('vault/status', {})).unlocked)
    await h.send('vault/unlock', { passphrase: PASS });
}

/** The popup's row for a transfer, in words. */
const row = (popup: Page, id: string) => popup.locator(`[data-transfer="${id}"]`);

describe('after a browser restart', () => {
  it('a GOW order placed before is followed to final once the vault is unlocked, and the open popup shows it', async () => {
    await unlocked();
    const t = await h.send('transfers/gow-deposit', {
      legalAmount: '700',
      countryCode: 'PH',
      firstName: 'Alice',
      middleName: '',
      lastName: 'Chen',
      birthDate: '1990-01-02',
    });
    expect(t).toMatchObject({ kind: 'gow_deposit', state: 'pending' });
    expect(await alarm(GOW_POLL_ALARM)).toBeTruthy();
    // Chrome may drop alarms when it quits; the worker must arm the poll again by itself.
    const w = await h.worker();
    await w.evaluate((n) => chrome.alarms.clear(n), GOW_POLL_ALARM);

    await h.restartBrowser();
    expect((await h.storage('session')).vaultKey ?? null).toBeNull();
    await expect.poll(() => alarm(GOW_POLL_ALARM)).toMatchObject({ periodInMinutes: 1 });

    // The popup, opened while locked, asks for the passphrase and still shows the order pending.
    const popup = await h.openPopup('transfers');
    await expect.poll(() => popup.getByTestId('unlock').textContent()).toContain('Locked');
    await expect.poll(() => row(popup, t.id).getAttribute('data-state')).toBe('pending');
    expect(await row(popup, t.id).textContent()).toContain('Pending');
    // Its refresh polled with a locked vault: nothing changed and the alarm is still there.
    expect(await stored(t.id)).toMatchObject({ state: 'pending' });
    expect(await alarm(GOW_POLL_ALARM)).toBeTruthy();

    // GOW releases the order while the browser was away.
    await h.control(CONTROL.advance, { ms: 60 * 60_000 });
    await h.control(CONTROL.seed, { gowOrderStatus: { [t.id]: 5 } });

    const unlock = popup.getByTestId('unlock');
    await unlock.getByLabel('Passphrase').fill(PASS);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => popup.getByTestId('unlock').count()).toBe(0);

    // Unlocking alone brings the order to final (the popup asks nothing more of GOW)…
    await expect
      .poll(() => stored(t.id), { timeout: 20_000 })
      .toMatchObject({ state: 'succeeded', statusCode: '5' });
    // …and the popup left open shows it as the worker stores it.
    await expect.poll(() => row(popup, t.id).getAttribute('data-state')).toBe('succeeded');
    await popup.close();
    // Nothing left to follow: the poll alarm is gone.
    await expect.poll(() => alarm(GOW_POLL_ALARM)).toBeUndefined();

    const again = await h.openPopup('transfers');
    await expect.poll(() => row(again, t.id).getAttribute('data-state')).toBe('succeeded');
    expect(await row(again, t.id).textContent()).toContain('Completed');
    await again.close();
  });

  it('a FOMO payment finished after the restart is reconciled by return capture, vault locked', async () => {
    await unlocked();
    const tabOpened = h.context.waitForEvent('page');
    const t = await h.send('transfers/fomo-pay', { direction: 1, amount: '6.5', coinId: '3' });
    const tab = await tabOpened;
    await tab.waitForLoadState();
    const payUrl = tab.url();
    expect(new URL(payUrl).searchParams.get('trade_id')).toBe(t.id);

    await h.restartBrowser();
    expect((await h.send('vault/status', {})).unlocked).toBe(false);
    expect(await stored(t.id)).toMatchObject({ state: 'pending', details: { step: 'opened' } });

    // The user goes back to FOMO's page (history, a bookmark) and confirms there.
    const pay = await h.context.newPage();
    await pay.goto(payUrl);
    await pay.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => stored(t.id), { timeout: 15_000 })
      .toMatchObject({ state: 'succeeded', statusCode: '1', details: { step: 'returned' } });
    // The return page's banner knows the transfer.
    const shown = await banner(pay);
    expect(shown.lines.join(' ')).toContain('6.5');
    expect(shown.lines.join(' ')).not.toMatch(/unrecognised/i);
    await pay.close();
    expect((await h.send('vault/status', {})).unlocked).toBe(false);
  });

  it('a Grand Chain send cut off by the browser quitting is settled from the history, not guessed early', async () => {
    await unlocked();
    // Grand Chain is slow to answer: it records the send seconds after the browser has quit.
    await h.control(CONTROL.faults, {
      platform: 'grandchain',
      endpoint: 'trade/transfer/',
      kind: 'latency',
      ms: 8000,
      times: 1,
    });
    const transferRequests = async () => {
      const { requests } = (await h.control(CONTROL.stats)) as {
        requests: Record<string, Record<string, number> | undefined>;
      };
      return Object.entries(requests.grandchain ?? {})
        .filter(([path]) => path.includes('trade/transfer'))
        .reduce((n, [, count]) => n + count, 0);
    };
    const sentBefore = await transferRequests();
    const page = await h.openOptions();
    void page
      .evaluate(
        (to) =>
          chrome.runtime.sendMessage({
            __coindock: 1,
            name: 'transfers/grandchain-send',
            payload: { to, amountYuan: '0.09' },
          }),
        bob.email,
      )
      .catch(() => undefined);
    let id = '';
    await expect
      .poll(async () => {
        const all = (await h.storage('local')).transfers as Record<string, Transfer>;
        const sending = Object.values(all).find((x) => x.amount === '0.09');
        id = sending?.id ?? '';
        return sending?.details.step;
      })
      .toBe('sending');
    // 'sending' is saved just before the request leaves: quit only once Grand Chain has it, or
    // the send truly never left and "not sent" would be the right answer.
    await expect.poll(transferRequests).toBe(sentBefore + 1);

    await h.restartBrowser();
    // Unlocked at once, while Grand Chain is still on it: the history does not show the send
    // yet, and saying "not sent" now would be wrong. It stays pending, with an alarm for later.
    await h.send('vault/unlock', { passphrase: PASS });
    expect(await alarm(GRANDCHAIN_RECONCILE_ALARM)).toBeTruthy();
    expect(await stored(id)).toMatchObject({ state: 'pending', details: { step: 'sending' } });

    // Locked again before the alarm: it fires, cannot read the history, and changes nothing.
    await h.send('vault/lock', {});
    await expect.poll(() => alarm(GRANDCHAIN_RECONCILE_ALARM), { timeout: 40_000 }).toBeUndefined();
    expect(await stored(id)).toMatchObject({ state: 'pending' });

    // Unlocking settles it from the history: sent once, never sent again.
    await h.send('vault/unlock', { passphrase: PASS });
    await expect
      .poll(() => stored(id))
      .toMatchObject({ state: 'succeeded', message: { en: 'Found in Grand Chain’s history' } });
    const gc = (await h.control(CONTROL.state)) as {
      grandchain: { orders: { valueFen: string }[] };
    };
    expect(gc.grandchain.orders.filter((o) => o.valueFen === '9')).toHaveLength(1);
  }, 90_000);
});
