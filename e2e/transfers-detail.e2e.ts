/**
 * What a transfer keeps for the user, in a real Chromium against the sandbox: a GOW deposit's
 * payment instructions, fee and rate stay in the transfer's detail after the popup is closed and
 * opened again, and until the order is final; FOMO coins are named as FOMO names them (review,
 * list, detail, return banner, activity) rather than by id; transfer kinds and platform names
 * are words in 简体中文 too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { connectFomo, saveDemoCredentials } from './fixtures';
import { banner } from './banner-reader';
import { isGowOrder } from '../src/core/transfer-kinds';
import { axeViolations } from './axe';
import { CONTROL, DEMO } from '../sandbox/contract';

let h: Harness;
const alice = DEMO.grandchain.users[0];

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: 'correct horse battery staple' });
  await saveDemoCredentials(h, ['fomo', 'gow']);
  await h.send('accounts/connect', { platform: 'gow' });
  await connectFomo(h);
  await h.send('grandchain/login', { email: alice.email, password: alice.password });
});
afterAll(async () => {
  await h?.close();
});

const transfer = async (id: string) =>
  (await h.send('transfers/list', {})).find((t) => t.id === id);

/** The transfer's row in the list, opened to its detail. */
async function openDetail(popup: Page, id: string) {
  const item = popup.locator(`[data-transfer="${id}"]`);
  await item.locator('summary').click();
  const detail = item.getByTestId('transfer-detail');
  await detail.waitFor();
  return { item, detail };
}

describe('GOW deposit detail', () => {
  let id = '';

  it('keeps the instructions, fee and rate on the transfer after the popup closes', async () => {
    const popup = await h.openPopup('transfers');
    const form = popup.getByTestId('gow-deposit');
    await form.locator('summary').click();
    for (const [k, v] of Object.entries({
      legalAmount: '1000',
      firstName: 'Alice',
      lastName: 'Chen',
      birthDate: '1990-01-02',
      countryCode: 'PH',
    })) {
      await form.locator(`[name="${k}"]`).fill(v);
    }
    await form.getByRole('button', { name: 'Review' }).click();
    await form.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Pay 1000 PHP/);
    const [t] = (await h.send('transfers/list', {})).filter(isGowOrder);
    id = t!.id;
    const note = t!.gow?.noteCode ?? '';
    expect(note).toMatch(/^[A-Z0-9]{8}$/);
    await popup.close();

    // Reopened: the order's detail still says where to pay, and what GOW charges.
    const again = await h.openPopup('transfers');
    const { item, detail } = await openDetail(again, id);
    expect(await item.locator('summary').textContent()).toContain('GOW deposit');
    const pay = detail.getByTestId('gow-pay');
    await expect.poll(() => pay.locator('h3').textContent()).toBe('How to pay');
    expect(await pay.getByTestId('gow-account').textContent()).toContain('888888888');
    expect(await pay.getByTestId('gow-note').textContent()).toContain(note);
    expect(await pay.textContent()).toContain('UNINE Bank');
    expect(await pay.textContent()).toContain('1000.00 PHP');
    const price = detail.getByTestId('gow-price');
    await expect.poll(() => price.textContent()).toContain('1 USDT = 56.2500 PHP');
    expect(await price.getByTestId('gow-fee').textContent()).toBe('1.000000 USDT');
    expect(await price.textContent()).toContain('(0.50 %)');
    expect(await detail.textContent()).toContain(`Reference${id}`);
    expect(await axeViolations(again)).toEqual([]);

    // A copy button puts exactly the value on the clipboard, and says so.
    await pay.getByRole('button', { name: 'Copy Note code' }).click();
    await expect.poll(() => detail.getByRole('status').textContent()).toBe('Note code copied');
    // Read back from an ordinary page (an extension origin cannot be granted clipboard-read).
    await h.context.grantPermissions(['clipboard-read'], { origin: h.sandbox.origin });
    const reader = await h.context.newPage();
    await reader.goto(h.sandbox.origin + '/');
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(note);
    await reader.close();
    await again.close();
  });

  it('still holds them once GOW released the order, no longer as something to do', async () => {
    await h.control(CONTROL.advance, { ms: 60 * 60_000 });
    await h.control(CONTROL.seed, { gowOrderStatus: { [id]: 5 } });
    await h.send('transfers/refresh', {});
    await expect.poll(() => transfer(id)).toMatchObject({ state: 'succeeded', statusCode: '5' });
    const done = await transfer(id);
    expect(done && isGowOrder(done) ? done.gow : undefined).toMatchObject({
      fee: '1.000000',
      exchRate: '56.2500',
    });

    const popup = await h.openPopup('transfers');
    const { detail } = await openDetail(popup, id);
    const pay = detail.getByTestId('gow-pay');
    await expect.poll(() => pay.locator('h3').textContent()).toMatch(/^GOW’s account/);
    expect(await pay.getByTestId('gow-account').textContent()).toContain('888888888');
    expect(await pay.getByRole('button').count()).toBe(0);
    expect(await detail.textContent()).toContain('5 — Released');
    expect(await detail.getByTestId('gow-fee').textContent()).toBe('1.000000 USDT');
    await popup.close();
  });
});

describe('FOMO coins by name', () => {
  it('says USDT in the review, the list, the detail, the return banner and the activity', async () => {
    const popup = await h.openPopup('transfers');
    const form = popup.getByTestId('fomo-pay');
    await form.locator('select[name="coin"]').selectOption({ label: 'USDT' });
    await form.getByLabel('Amount').fill('12.5');
    await form.getByRole('button', { name: 'Review' }).click();
    const review = await form.getByTestId('fomo-pay-summary').textContent();
    expect(review).toContain('12.5 USDT');
    expect(review).not.toMatch(/coin 3/i);
    const opened = h.context.waitForEvent('page');
    await form.getByRole('button', { name: 'Confirm and open FOMO' }).click();
    const tab = await opened;
    await tab.waitForLoadState();
    const [t] = await h.send('transfers/list', {});
    expect(t).toMatchObject({ kind: 'fomo_recharge', token: 'USDT', details: { coinId: '3' } });
    await popup.close();

    await tab.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => transfer(t!.id), { timeout: 15_000 })
      .toMatchObject({ state: 'succeeded' });
    expect((await banner(tab)).lines).toContain('Amount: 12.5 USDT');
    await tab.close();

    const again = await h.openPopup('transfers');
    const { item, detail } = await openDetail(again, t!.id);
    expect(await item.locator('summary').textContent()).toContain('12.5 USDT');
    expect(await detail.textContent()).toContain('FOMO recharge');
    expect(await detail.textContent()).toContain('FOMO’s page came back “paid”');
    // The same transfer in Activity (its own tab).
    await again.getByRole('tab', { name: /^Activity/ }).click();
    await expect
      .poll(() =>
        again.locator(`[data-id="transfer:${t!.id}"]`).getByTestId('amount').textContent(),
      )
      .toBe('-12.5 USDT');
    const tokens = await again
      .getByTestId('activity')
      .getByLabel('Token')
      .locator('option')
      .allTextContents();
    expect(tokens).toContain('USDT');
    expect(tokens.join()).not.toMatch(/coin 3/);
    await again.close();
  });
});

describe('简体中文', () => {
  it('names transfer kinds and Grand Chain in Chinese', async () => {
    await h.send('settings/update', { language: 'zh-CN' });
    const popup = await h.openPopup('transfers');
    const list = popup.getByTestId('transfers');
    await expect.poll(() => list.textContent()).toContain('GOW 入金');
    expect(await list.textContent()).toContain('FOMO 充值');
    expect(await list.textContent()).not.toMatch(/gow deposit|fomo recharge/i);
    expect(await popup.getByTestId('grandchain-send').locator('summary').textContent()).toBe(
      '大链：转账',
    );
    const [latest] = await h.send('transfers/list', {});
    const { detail } = await openDetail(popup, latest!.id);
    expect(await detail.textContent()).toContain('类型FOMO 充值');
    // Opened, in Chinese and dark: nothing an assistive technology would trip on.
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await h.send('settings/update', { language: 'en' });
  });
});

describe('a stored transfer that cannot be read', () => {
  it('is said in the list, hides none of the others, and stays stored as it was', async () => {
    const before = await h.send('transfers/list', {});
    expect(before.length).toBeGreaterThan(0);
    // As a damaged record, or one another version wrote: a GOW order with a step GOW has not.
    const damaged = { ...before[0]!, id: 'cdDamaged', details: { step: 'sending' } };
    const w = await h.worker();
    await w.evaluate(async (bad) => {
      const stored = await chrome.storage.local.get('transfers');
      const transfers = stored.transfers as Record<string, unknown>;
      await chrome.storage.local.set({ transfers: { ...transfers, [bad.id]: bad } });
    }, damaged);

    const popup = await h.openPopup('transfers');
    await expect
      .poll(() => popup.getByTestId('transfer-unreadable').textContent())
      .toBe('The saved transfer cdDamaged could not be read; it is kept as it was');
    expect(await popup.locator('[data-transfer]').count()).toBe(Math.min(before.length, 8));
    // The worker still lists and follows every other transfer, and writes none over it.
    await h.send('transfers/refresh', {});
    expect((await h.send('transfers/list', {})).map((t) => t.id)).toEqual(before.map((t) => t.id));
    const stored = (await h.storage('local')).transfers as Record<string, unknown>;
    expect(stored.cdDamaged).toEqual(damaged);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});
