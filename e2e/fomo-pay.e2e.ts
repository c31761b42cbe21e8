/**
 * FOMO recharge and withdraw through the signed pay page, end to end: the popup's form, the
 * pending transfer saved before the tab opens, FOMO's pay page confirmed like a person would, the
 * return reconciled by trade_id and state, one notification and the badge; the worker stopped
 * between "pending saved" and "tab opened"; a duplicate trade_id answered with 201.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { connectFomo, saveDemoCredentials } from './fixtures';
import { CONTROL, MERCHANT_PATHS } from '../sandbox/contract';
import type { FomoPayTransfer } from '../src/core/transfers';
import { isFomoPay } from '../src/core/transfer-kinds';
import { banner } from './banner-reader';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: 'correct horse battery staple' });
  await saveDemoCredentials(h, ['fomo']);
  await connectFomo(h);
});
afterAll(async () => {
  await h?.close();
});

const transfer = async (id: string) =>
  (await h.send('transfers/list', {})).filter(isFomoPay).find((t) => t.id === id);
async function notifications(): Promise<string[]> {
  const w = await h.worker();
  return w.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}
async function badge(): Promise<string> {
  const w = await h.worker();
  return w.evaluate(() => chrome.action.getBadgeText({}));
}

/** Fill the popup's FOMO form, review, confirm; resolves with the pay tab and the transfer. */
async function payFromPopup(
  direction: '1' | '2',
  amount: string,
): Promise<{ tab: Page; t: FomoPayTransfer }> {
  const popup = await h.openPopup('transfers');
  const form = popup.getByTestId('fomo-pay');
  await form.getByLabel('Direction').selectOption(direction);
  await form.locator('select[name="coin"]').selectOption('3');
  await form.getByLabel('Amount').fill(amount);
  await form.getByRole('button', { name: 'Review' }).click();
  expect(await form.getByTestId('fomo-pay-summary').textContent()).toContain(amount);
  const opened = h.context.waitForEvent('page');
  await form.getByRole('button', { name: 'Confirm and open FOMO' }).click();
  const tab = await opened;
  await tab.waitForLoadState();
  const t = (await h.send('transfers/list', {})).filter(isFomoPay)[0]!;
  await popup.close();
  return { tab, t };
}

describe('FOMO pay page', () => {
  let payUrl = '';
  let firstId = '';

  it('recharge: pending before the tab, confirmed on FOMO, reconciled by the return, notified once', async () => {
    const { tab, t } = await payFromPopup('1', '12.5');
    expect(t).toMatchObject({
      kind: 'fomo_recharge',
      state: 'pending',
      amount: '12.5',
      reference: t.id,
    });
    payUrl = tab.url();
    firstId = t.id;
    expect(new URL(payUrl).searchParams.get('trade_id')).toBe(t.id);
    await tab.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => transfer(t.id), { timeout: 15_000 })
      .toMatchObject({ state: 'succeeded', statusCode: '1' });
    expect((await transfer(t.id))?.details.transferId).toBeTruthy();
    // The return page's banner knows this transfer: it is not "unrecognised".
    const shown = await banner(tab);
    expect(shown.title).toContain('FOMO');
    expect(shown.lines.join(' ')).toContain('12.5');
    expect(shown.lines.join(' ')).not.toMatch(/unrecognised/i);
    expect(await notifications()).toEqual([`transfer:${t.id}`]);
    expect(await badge()).toBe('1');
    // The merchant's server got FOMO's callback for this trade.
    const state = (await h.control(CONTROL.state)) as {
      merchant: { callbacks: { body: Record<string, string> }[] };
    };
    expect(state.merchant.callbacks.some((c) => JSON.stringify(c).includes(t.id))).toBe(true);

    // Opening the popup clears the badge.
    const popup = await h.openPopup('transfers');
    await expect.poll(badge).toBe('');
    await expect
      .poll(() => popup.locator(`[data-transfer="${t.id}"]`).getAttribute('data-state'))
      .toBe('succeeded');
    // FOMO cannot be asked whether it was paid: the list says what CoinDock knows.
    expect(await popup.locator(`[data-transfer="${t.id}"]`).textContent()).toContain(
      'Returned as paid — not confirmed by FOMO',
    );
    await popup.close();
  });

  it('a duplicate trade_id is answered with 201 and changes nothing', async () => {
    const again = await h.context.newPage();
    await again.goto(payUrl);
    await expect.poll(() => again.url(), { timeout: 10_000 }).toContain('status=201');
    expect((await banner(again)).lines.join(' ')).toMatch(/201/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await transfer(firstId)).toMatchObject({ state: 'succeeded', statusCode: '1' });
    expect(await notifications()).toEqual([`transfer:${firstId}`]);
    await again.close();
  });

  it('withdraw: the merchant pays the user, back on the front URL', async () => {
    const { tab, t } = await payFromPopup('2', '3.25');
    expect(t.kind).toBe('fomo_withdraw');
    await tab.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => transfer(t.id), { timeout: 15_000 })
      .toMatchObject({ state: 'succeeded' });
    expect(new URL(tab.url()).pathname).toBe(MERCHANT_PATHS.fomoFront);
  });

  it('a cancelled payment fails in words', async () => {
    const { tab, t } = await payFromPopup('1', '1');
    await tab.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => transfer(t.id), { timeout: 15_000 })
      .toMatchObject({ state: 'failed', statusCode: '54' });
    expect((await transfer(t.id))?.message?.en).toBeTruthy();
  });

  it('a forged return (right trade_id, wrong state) changes nothing', async () => {
    const { tab, t } = await payFromPopup('1', '2');
    const forged = await h.context.newPage();
    await forged.goto(
      `${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}?status=1&trade_id=${t.id}&state=forged&amount=2&coin_id=3`,
    );
    await new Promise((r) => setTimeout(r, 800));
    expect(await transfer(t.id)).toMatchObject({ state: 'pending' });
    await forged.close();
    await tab.close();
  });

  it('in its own tab, a "success" for another amount, coin and user does not settle it; the banner shows what CoinDock recorded', async () => {
    const { tab, t } = await payFromPopup('1', '100');
    const q = new URLSearchParams({
      status: '1',
      trade_id: t.id,
      state: t.details.state,
      amount: '0.01',
      coin_id: '999',
      user_id: '666',
    });
    await tab.goto(`${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}?${q.toString()}`);
    await expect
      .poll(async () => (await transfer(t.id))?.state, { timeout: 10_000 })
      .toBe('failed');
    expect((await transfer(t.id))?.details).toMatchObject({
      returnCheck: 'mismatch',
      mismatch: 'amount,coin_id,user_id',
    });
    const shown = (await banner(tab)).lines.join(' ');
    expect(shown).toContain('does not match this transfer');
    expect(shown).toContain('100');
    expect(shown).not.toMatch(/0\.01|Success/);
    await tab.close();
  });

  it('the worker stopped between "pending saved" and "tab opened" opens the same transfer’s page when it wakes', async () => {
    const worker = await h.worker();
    // Make this worker instance unable to open tabs, as if it were killed right after saving.
    await worker.evaluate(() => {
      chrome.tabs.create = () => new Promise(() => undefined);
    });
    const popupless = await h.openOptions();
    // The answer never comes: the worker is stopped while it hangs.
    void popupless
      .evaluate(() =>
        chrome.runtime.sendMessage({
          __coindock: 1,
          name: 'transfers/fomo-pay',
          payload: { direction: 1, amount: '4', coinId: '3' },
        }),
      )
      .catch(() => undefined);
    await expect
      .poll(async () => (await h.storage('local')).transfers as Record<string, FomoPayTransfer>)
      .toSatisfy((all: Record<string, FomoPayTransfer>) =>
        Object.values(all).some((x) => x.amount === '4' && x.details.step === 'saved'),
      );
    const saved = Object.values(
      (await h.storage('local')).transfers as Record<string, FomoPayTransfer>,
    ).find((x) => x.amount === '4')!;
    await h.stopWorker();
    const opened = h.context.waitForEvent('page');
    await h.send('ping', {});
    const tab = await opened;
    await tab.waitForLoadState();
    expect(new URL(tab.url()).searchParams.get('trade_id')).toBe(saved.id);
    await tab.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => transfer(saved.id), { timeout: 15_000 })
      .toMatchObject({ state: 'succeeded' });
    expect((await h.send('transfers/list', {})).filter((x) => x.amount === '4')).toHaveLength(1);
    await popupless.close();
  });

  it('after a token refresh (profile only), paying says to reconnect and saves nothing; reconnected, it pays', async () => {
    // Tokens that expire at once, so the next call refreshes (FOMO's refresh asks `userinfo`).
    await h.control(CONTROL.seed, { fomoTokenTtlSeconds: 1 });
    await connectFomo(h);
    await h.control(CONTROL.seed, { fomoTokenTtlSeconds: 7200 });
    await new Promise((r) => setTimeout(r, 1500));
    await h.send('accounts/profile', { platform: 'fomo' });
    const before = (await h.send('transfers/list', {})).length;

    const popup = await h.openPopup('transfers');
    const form = popup.getByTestId('fomo-pay');
    await form.getByLabel('Amount').fill('6');
    await form.getByRole('button', { name: 'Review' }).click();
    let tabs = 0;
    const countTab = () => tabs++;
    h.context.on('page', countTab);
    await form.getByRole('button', { name: 'Confirm and open FOMO' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('covers your profile only, not payments: reconnect FOMO');
    h.context.off('page', countTab);
    expect(tabs).toBe(0);
    expect(await h.send('transfers/list', {})).toHaveLength(before);
    await popup.close();

    await connectFomo(h);
    const { tab, t } = await payFromPopup('1', '6');
    expect(new URL(tab.url()).searchParams.get('trade_id')).toBe(t.id);
    await tab.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => transfer(t.id), { timeout: 15_000 })
      .toMatchObject({ state: 'succeeded' });
  });
});
