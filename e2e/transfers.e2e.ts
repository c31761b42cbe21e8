/**
 * Grand Chain sends and GOW orders from the popup, end to end against the sandbox: review before
 * sending, the result in words, amounts typed in yuan and sent in fen, GOW orders followed by
 * order queries until final, and a send interrupted by a worker stop settled from the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { CONTROL, DEMO } from '../sandbox/contract';
import type { Transfer } from '../src/core/transfers';

let h: Harness;
const alice = DEMO.grandchain.users[0];
const bob = DEMO.grandchain.users[1];

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: 'correct horse battery staple' });
  await h.send('credentials/save', {
    platform: 'gow',
    values: {
      apiKey: DEMO.gow.apiKey,
      secretKey: DEMO.gow.secretKey,
      account: 'alice@example.com',
    },
  });
  await h.send('accounts/connect', { platform: 'gow' });
  await h.send('grandchain/login', { email: alice.email, password: alice.password });
  await h.send('grandchain/face-token', { faceToken: alice.faceToken });
});
afterAll(async () => {
  await h?.close();
});

type GcState = { users: { email: string; balanceFen: string }[]; orders: { valueFen: string }[] };
const gcState = async () =>
  ((await h.control(CONTROL.state)) as { grandchain: GcState }).grandchain;
const balanceOf = async (email: string) =>
  (await gcState()).users.find((u) => u.email === email)?.balanceFen;
const transfer = async (id: string) =>
  (await h.send('transfers/list', {})).find((t) => t.id === id);

async function fill(popup: Page, testId: string, values: Record<string, string>) {
  const form = popup.getByTestId(testId);
  await form.locator('summary').click();
  for (const [k, v] of Object.entries(values)) await form.locator(`[name="${k}"]`).fill(v);
  await form.getByRole('button', { name: 'Review' }).click();
  return form;
}

describe('Grand Chain send', () => {
  it('reviews, sends yuan as fen, and shows the result in words', async () => {
    const before = await balanceOf(bob.email);
    const popup = await h.openPopup('transfers');
    const form = await fill(popup, 'grandchain-send', { to: bob.email, amountYuan: '12.34' });
    expect(await form.getByTestId('grandchain-send-review').textContent()).toContain('12.34 yuan');
    await form.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toMatch(/^Done: Sent\. Balance /);
    const [t] = await h.send('transfers/list', {});
    expect(t).toMatchObject({
      kind: 'grandchain_send',
      state: 'succeeded',
      amount: '12.34',
      counterparty: bob.email,
    });
    expect((await gcState()).orders.some((o) => o.valueFen === '1234')).toBe(true);
    // The receiver confirms incoming transfers: until then the sender's side is what moved.
    expect(BigInt((await balanceOf(alice.email))!)).toBe(BigInt(alice.balanceFen) - 1234n);
    expect(await balanceOf(bob.email)).toBe(before);
    await popup.close();

    // Grand Chain has no balance query: the card shows the balance its transfer reply carried.
    const left = BigInt(alice.balanceFen) - 1234n;
    const shown = `${Number(left / 100n).toLocaleString('en-US')}.${String(left % 100n).padStart(2, '0')}`;
    const again = await h.openPopup();
    await expect
      .poll(() =>
        again.locator('li[data-platform="grandchain"]').getByTestId('balance').textContent(),
      )
      .toContain(`Balance ${shown} CNY`);
    await again.close();
  });

  it('more than the balance fails in words and nothing moves', async () => {
    const before = await balanceOf(alice.email);
    const popup = await h.openPopup('transfers');
    const form = await fill(popup, 'grandchain-send', { to: bob.email, amountYuan: '99999999' });
    await form.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBeTruthy();
    expect((await h.send('transfers/list', {}))[0]).toMatchObject({ state: 'failed' });
    expect(await balanceOf(alice.email)).toBe(before);
    await popup.close();
  });

  it('a send interrupted by a worker stop is settled from the history, not sent again', async () => {
    await h.control(CONTROL.faults, {
      platform: 'grandchain',
      endpoint: 'trade/transfer/',
      kind: 'latency',
      ms: 2000,
      times: 1,
    });
    const page = await h.openOptions();
    void page
      .evaluate(() =>
        chrome.runtime.sendMessage({
          __coindock: 1,
          name: 'transfers/grandchain-send',
          payload: { to: 'bob@example.com', amountYuan: '0.07' },
        }),
      )
      .catch(() => undefined);
    await expect
      .poll(
        async () =>
          Object.values((await h.storage('local')).transfers as Record<string, Transfer>).find(
            (x) => x.amount === '0.07',
          )?.details.step,
      )
      .toBe('sending');
    await h.stopWorker();
    // Past the in-flight window, the next refresh looks the send up in Grand Chain's history.
    await new Promise((r) => setTimeout(r, 21_000));
    const all = await h.send('transfers/refresh', {});
    const sent = all.filter((x) => x.amount === '0.07');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ state: 'succeeded' });
    expect((await gcState()).orders.filter((o) => o.valueFen === '7')).toHaveLength(1);
    await page.close();
  }, 60_000);
});

describe('GOW orders', () => {
  it('deposit: says where to pay with the note code, then follows the order until released', async () => {
    const popup = await h.openPopup('transfers');
    const form = await fill(popup, 'gow-deposit', {
      legalAmount: '1000',
      firstName: 'Alice',
      lastName: 'Chen',
      birthDate: '1990-01-02',
      countryCode: 'PH',
    });
    await form.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toMatch(/^Pay 1000 PHP to .+ with the note [A-Z0-9]{8}\. How to pay stays /);
    const [t] = await h.send('transfers/list', {});
    expect(t).toMatchObject({ kind: 'gow_deposit', state: 'pending', reference: t!.id });
    await popup.close();

    // GOW reviews, the user pays, GOW releases: hours on the sandbox's compressible clock.
    await h.control(CONTROL.advance, { ms: 60 * 60_000 });
    await h.control(CONTROL.seed, { gowOrderStatus: { [t!.id]: 5 } });
    await h.send('transfers/refresh', {});
    await expect.poll(() => transfer(t!.id)).toMatchObject({ state: 'succeeded', statusCode: '5' });
  });

  it('withdrawal: placed with the bank details, rejected orders end failed in words', async () => {
    const popup = await h.openPopup('transfers');
    const form = await fill(popup, 'gow-withdraw', {
      currencyAmount: '20',
      receiveName: 'Alice Chen',
      receiveFirstName: 'Alice',
      receiveLastName: 'Chen',
      receiveBirthDate: '1990-01-02',
      receiveCountry: 'PH',
      receiveAddr: '1 Rizal Ave, Manila',
      receiveAccount: '001234567890',
      receiveBankName: 'BDO Unibank',
      receiveBankAddress: 'Makati City',
      bankCountryCode: 'PH',
      bankProvince: 'Metro Manila',
      bankCity: 'Makati',
      branchName: 'Ayala',
      bankSwiftCode: 'BNORPHMM',
    });
    await form.getByRole('button', { name: 'Confirm' }).click({ timeout: 5000 });
    await expect
      .poll(() => form.locator('[role=status], [role=alert]').textContent(), { timeout: 5000 })
      .toMatch(/^Done: /);
    const [t] = await h.send('transfers/list', {});
    expect(t).toMatchObject({ kind: 'gow_withdraw', state: 'pending' });
    await popup.close();
    await h.control(CONTROL.seed, { gowOrderStatus: { [t!.id]: 2 } });
    await h.send('transfers/refresh', {});
    await expect.poll(() => transfer(t!.id)).toMatchObject({ state: 'failed', statusCode: '2' });
    expect((await transfer(t!.id))?.message?.en).toBeTruthy();
  });
});
