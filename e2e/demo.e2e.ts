/**
 * `npm start`'s two profiles in a real Chromium: the demo profile (e2e/demo-profile.ts) leaves a
 * populated CoinDock — five connected accounts, BiYong's ledger in the activity, the transfers it
 * made — under the passphrase it prints; `--fresh` leaves no vault and nothing connected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { DEMO_LEDGER, DEMO_TRANSFERS, setUpDemoProfile, type DemoProfile } from './demo-profile';
import { CONTROL, DEMO } from '../sandbox/contract';
import { DEMO_PLATFORMS } from '../sandbox/demo-keys';

/** Show a section of the popup: a tab where the popup has tabs, else it is on the one page. */
async function showSection(popup: Page, name: RegExp): Promise<void> {
  const tab = popup.getByRole('tab', { name });
  if ((await tab.count()) > 0) await tab.first().click();
}

describe('the demo profile', () => {
  let h: Harness;
  let demo: DemoProfile;
  const steps: string[] = [];

  beforeAll(async () => {
    h = await launch();
    demo = await setUpDemoProfile(h, { log: (l) => steps.push(l) });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('creates a vault under the passphrase it returns for printing', async () => {
    expect(demo.passphrase).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(await h.send('vault/status', {})).toMatchObject({ exists: true, unlocked: true });
    await h.send('vault/lock', {});
    await expect(
      h.send('vault/unlock', { passphrase: 'not the demo passphrase' }),
    ).rejects.toThrow();
    expect(await h.send('vault/unlock', { passphrase: demo.passphrase })).toMatchObject({
      unlocked: true,
    });
  });

  it('connects all five accounts for real, and the popup shows each one connected', async () => {
    // The platforms saw the connections: tokens exchanged, the GOW call signed, a sign-in.
    const requests = (
      (await h.control(CONTROL.stats)) as { requests: Record<string, Record<string, number>> }
    ).requests;
    expect(requests.fomo?.['oauth2/authorize/token']).toBe(1);
    expect(requests.biyong?.['/biyong-user/auth']).toBe(1);
    expect(requests.grandchain?.['login/']).toBe(1);
    const secrets = (await h.send('vault/status', {})).secretNames;
    expect(secrets).toEqual(expect.arrayContaining(['token.fomo', 'token.hicoin']));

    const popup = await h.openPopup();
    for (const p of DEMO_PLATFORMS) {
      expect(demo.accounts[p].state).toBe('connected');
      const card = popup.locator(`li[data-platform="${p}"]`);
      await expect.poll(() => card.innerText()).toContain(demo.accounts[p].label);
      await expect.poll(() => card.innerText()).toMatch(/\bConnected\b/);
      await expect(
        card.getByRole('button', { name: /^Disconnect/ }).count(),
        `${p} offers Disconnect`,
      ).resolves.toBe(1);
    }
    await popup.close();
  });

  it('syncs BiYong’s ledger over the last weeks and the popup lists the activity', async () => {
    const biyong = demo.activity.sources.find((s) => s.source === 'biyong');
    expect(biyong).toMatchObject({ state: 'ok', count: DEMO_LEDGER.records });
    // Rows are spread over the weeks the sandbox was seeded with (for charts over time).
    const page = await h.send('activity/page', {
      offset: 0,
      limit: DEMO_LEDGER.records,
      platform: 'biyong',
    });
    expect(page.total).toBe(DEMO_LEDGER.records);
    const times = page.items.map((r) => r.time);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(
      (DEMO_LEDGER.days - 7) * 86_400_000,
    );

    const popup = await h.openPopup();
    await showSection(popup, /^Activity/);
    const list = popup.getByRole('listbox');
    const first = list.getByRole('option').first();
    await first.waitFor();
    expect(await first.getAttribute('aria-setsize')).toBe(String(demo.activity.total));
    expect(demo.activity.total).toBeGreaterThanOrEqual(DEMO_LEDGER.records);
    await expect.poll(() => list.textContent()).toContain('BiYong');
    await popup.close();
  });

  it('made real transfers through the worker, and the popup shows them', async () => {
    const kinds = demo.transfers.map((t) => t.kind).sort();
    expect(kinds).toEqual(['gow_deposit', 'grandchain_send']);
    const send = demo.transfers.find((t) => t.kind === 'grandchain_send');
    expect(send).toMatchObject({
      state: 'succeeded',
      amount: DEMO_TRANSFERS.grandchainSend.amountYuan,
      counterparty: DEMO.grandchain.users[1].email,
    });
    const deposit = demo.transfers.find((t) => t.kind === 'gow_deposit');
    expect(deposit).toMatchObject({ state: 'pending', amount: '1000' });
    // The platforms hold them: Grand Chain's order in fen, GOW's order by its id.
    const state = (await h.control(CONTROL.state)) as {
      grandchain: { orders: { valueFen: string }[] };
      gow: { orders: unknown[] };
    };
    expect(state.grandchain.orders.map((o) => o.valueFen)).toContain('8800');
    expect(JSON.stringify(state.gow.orders)).toContain(deposit!.id);

    const popup = await h.openPopup();
    await showSection(popup, /^Transfers/);
    for (const t of demo.transfers) {
      await popup
        .getByRole('listitem')
        .filter({ hasText: `${t.amount} ${t.token}` })
        .first()
        .waitFor();
    }
    await popup.close();
  });
});

describe('the fresh profile (npm start -- --fresh)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has no vault, no keys and nothing connected, and the popup says so', async () => {
    expect(await h.send('vault/status', {})).toMatchObject({ exists: false });
    const { accounts, flows } = await h.send('accounts/list', {});
    expect(Object.values(accounts).filter(Boolean)).toEqual([]);
    expect(flows).toEqual([]);
    expect(await h.send('transfers/list', {})).toEqual([]);

    const popup = await h.openPopup();
    const cards = popup.locator('li[data-platform]');
    await cards.nth(DEMO_PLATFORMS.length - 1).waitFor();
    for (const p of DEMO_PLATFORMS) {
      const text = (await popup.locator(`li[data-platform="${p}"]`).innerText()) ?? '';
      expect(text, p).not.toMatch(/\bConnected\b/);
    }
    // Nothing to unlock: there is no vault yet.
    expect(await popup.getByLabel(/passphrase/i).count()).toBe(0);
    await popup.close();
  });
});
