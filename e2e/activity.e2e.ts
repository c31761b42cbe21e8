/**
 * Activity in a real Chromium against the sandbox: BiYong connected through its consent page and
 * its ledger synced, Grand Chain signed in with a transfer waiting, merged into one list newest
 * first; filters, search, receive, CSV; 100,000 ledger rows that filter and scroll with a bounded
 * DOM; and the list painted from what is stored while the platforms are slow or gone.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { bobSendsAlice } from './fixtures';
import { CONTROL, DEMO } from '../sandbox/contract';
import type { ActivityItem } from '../src/core/activity';

let h: Harness;
const PASS = 'correct horse battery staple';
const [ALICE] = DEMO.grandchain.users;
const LEDGER = 3000;

async function biyongState() {
  return (
    (await h.control(CONTROL.state)) as {
      biyong: { ledgerSize: number; holdings: Record<string, string> };
    }
  ).biyong;
}

async function allRows(filter: Record<string, string> = {}): Promise<ActivityItem[]> {
  const out: ActivityItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await h.send('activity/page', { ...filter, offset, limit: 500 });
    out.push(...page.items);
    if (out.length >= page.total) return out;
  }
}

const count = (p: Page) => p.getByTestId('activity-count').textContent();
const rowIds = (p: Page) =>
  p.getByTestId('activity-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));

/** The rows the popup shows are the first rows of `want`, in order (and there are some). */
async function showsTopOf(p: Page, want: ActivityItem[]): Promise<void> {
  await expect
    .poll(async () => {
      const shown = await rowIds(p);
      return (
        shown.length > 0 &&
        shown.join() ===
          want
            .slice(0, shown.length)
            .map((r) => r.id)
            .join()
      );
    })
    .toBe(true);
}

function units(amount: string, scale: number): bigint {
  const neg = amount.startsWith('-');
  const [w, f = ''] = amount.replace(/^[+-]/, '').split('.');
  const v = BigInt(w! + f.padEnd(scale, '0'));
  return neg ? -v : v;
}

beforeAll(async () => {
  h = await launch();
  await h.control(CONTROL.seed, { biyongLedgerSize: LEDGER });
  await h.send('vault/create', { passphrase: PASS });
  await h.send('credentials/save', {
    platform: 'biyong',
    values: {
      appId: DEMO.biyong.appId,
      merchantPrivateKey: DEMO.biyong.merchantPrivateKey,
      merchantPublicKey: DEMO.biyong.merchantPublicKey,
      platformPublicKey: DEMO.biyong.platformPublicKey,
      userToken: 'coindock_user_42',
    },
  });
  // BiYong as a person connects it: the popup's button, the consent page.
  const popup = await h.openPopup();
  const opened = h.context.waitForEvent('page');
  await popup
    .locator('li[data-platform="biyong"]')
    .getByRole('button', { name: /^Connect$/ })
    .click();
  const consent = await opened;
  await consent.waitForLoadState();
  await consent.getByRole('button', { name: /Authorize/ }).click();
  // expect.poll works inside tests only.
  for (let i = 0; (await h.send('accounts/list', {})).accounts.biyong?.state !== 'connected'; i++) {
    if (i > 150) throw new Error('BiYong did not connect');
    await new Promise((r) => setTimeout(r, 100));
  }
  await popup.close();
  await h.send('grandchain/login', { email: ALICE.email, password: ALICE.password });
  await h.send('grandchain/face-token', { faceToken: ALICE.faceToken });
  await bobSendsAlice(h, 4321);
});
afterAll(async () => {
  await h?.close();
});

describe('activity', () => {
  it('syncs and shows one merged list, newest first, with the transfer waiting', async () => {
    const o = await h.send('activity/sync', { force: true });
    expect(o.sources.map((s) => [s.source, s.state])).toEqual([
      ['biyong', 'ok'],
      ['grandchain', 'ok'],
      ['transfers', 'ok'],
    ]);
    expect(o.unread.map((u) => u.amount)).toEqual(['43.21']);
    const rows = await allRows();
    expect(rows.filter((r) => r.platform === 'biyong')).toHaveLength(LEDGER);
    expect(rows.some((r) => r.platform === 'grandchain' && r.status === 'unread')).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i - 1]!.time).toBeGreaterThanOrEqual(rows[i]!.time);
    }

    const popup = await h.openPopup('activity');
    await expect.poll(() => count(popup)).toBe(`${rows.length} rows`);
    await showsTopOf(popup, rows);
    // Grand Chain's row is from today; the sandbox ledger ends in 2025: it comes first.
    expect((await rowIds(popup))[0]).toMatch(/^grandchain:/);
    await expect
      .poll(() => popup.getByTestId('activity-freshness').textContent())
      .toMatch(/BiYong: updated (just now|\d+ min ago)/);
    await popup.close();
  });

  it('filters by platform and token and searches', async () => {
    const popup = await h.openPopup('activity');
    const section = popup.getByTestId('activity');
    await expect.poll(() => count(popup)).toMatch(/^\d+ rows$/);
    await section.getByLabel('Platform').selectOption('grandchain');
    const gc = await allRows({ platform: 'grandchain' });
    expect(gc.length).toBeGreaterThan(0);
    await expect.poll(() => count(popup)).toBe(`${gc.length} rows`);
    const platforms = await popup
      .getByTestId('activity-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')));
    expect(new Set(platforms)).toEqual(new Set(['grandchain']));

    await section.getByLabel('Platform').selectOption('');
    await section.getByLabel('Token').selectOption('ETH');
    const eth = (await allRows()).filter((r) => r.token === 'ETH');
    await expect.poll(() => count(popup)).toBe(`${eth.length} rows`);
    await showsTopOf(popup, eth);

    await section.getByLabel('Token').selectOption('');
    await section.getByLabel('Search').fill('bob@example');
    await expect.poll(() => count(popup)).toBe('1 rows');
    await expect
      .poll(() => popup.getByTestId('activity-row').first().textContent())
      .toContain('Bob <bob@example.com>');
    await popup.close();
  });

  it('receives the incoming transfer; it moves to the history', async () => {
    const popup = await h.openPopup('activity');
    const unread = popup.getByTestId('activity-unread');
    await expect.poll(() => unread.textContent()).toContain('+43.21 CNY');
    await unread.getByRole('button', { name: 'Receive' }).click();
    await expect.poll(() => unread.count()).toBe(0);
    const gc = await allRows({ platform: 'grandchain' });
    expect(gc.filter((r) => r.kind === 'received' && r.amount === '43.21')).toHaveLength(1);
    expect(gc.filter((r) => r.status === 'unread')).toHaveLength(0);
    await popup.close();
  });

  it('exports exactly the stored rows as CSV; BiYong amounts add up to the platform’s holdings', async () => {
    const popup = await h.openPopup('activity');
    await expect.poll(() => count(popup)).toMatch(/^\d+ rows$/);
    const downloading = popup.waitForEvent('download');
    await popup.getByTestId('activity').getByRole('button', { name: 'Export CSV' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^coindock-activity-[\dT:Z-]+\.csv$/);
    const text = await readFile(await file.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'time,platform,kind,token,amount,status,counterparty,description_en,description_zh,id',
    );
    const rows = await allRows();
    expect(lines.length - 2).toBe(rows.length);
    // No field of these rows needs quoting except the descriptions' commas: split on the id.
    const sums = new Map<string, bigint>();
    for (const line of lines.slice(1, -1)) {
      const [time, platform, , token, amount] = line.split(',');
      expect(new Date(time!).toISOString()).toBe(time);
      expect(amount).toMatch(/^-?\d+(\.\d+)?$/);
      if (platform === 'biyong') sums.set(token!, (sums.get(token!) ?? 0n) + units(amount!, 18));
    }
    const holdings = (await biyongState()).holdings;
    for (const [token, held] of Object.entries(holdings)) {
      expect(sums.get(token) ?? 0n).toBe(units(held, 18));
    }
    await popup.close();
  });

  it('100,000 ledger rows: filters and scrolls correctly with a bounded DOM', async () => {
    await h.control(CONTROL.seed, { biyongLedgerSize: 100_000 });
    await h.send('activity/sync', { force: true });
    const flows = await h.send('activity/net-flow', {});
    expect(flows.rows.reduce((n, r) => n + r.count, 0)).toBe(100_000);
    const total = (await h.send('activity/page', { offset: 0, limit: 1 })).total;
    expect(total).toBeGreaterThan(100_000);

    const popup = await h.openPopup('activity');
    await expect.poll(() => count(popup), { timeout: 20_000 }).toBe(`${total} rows`);
    const list = popup.getByRole('listbox', { name: 'Activity, newest first' });
    // Scroll to the very end: the last row is the ledger's oldest record.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = await h.send('activity/page', { offset: total - 1, limit: 1 });
    await expect
      .poll(() => popup.getByTestId('activity-row').last().getAttribute('data-id'))
      .toBe(last.items[0]!.id);
    expect(await popup.locator('[role=option]').count()).toBeLessThan(30);

    // Filter by token: the count is the ledger's count of that token (from the sync's totals).
    const btc = flows.rows.find((r) => r.token === 'BTC')!;
    await popup.getByTestId('activity').getByLabel('Token').selectOption('BTC');
    await expect.poll(() => count(popup), { timeout: 20_000 }).toBe(`${btc.count} rows`);
    // Somewhere in the middle, by keyboard: End, then 40 rows up with PageUp.
    await list.focus();
    await popup.keyboard.press('End');
    await expect
      .poll(() => popup.locator('[role=option][aria-selected=true]').getAttribute('aria-posinset'))
      .toBe(String(btc.count));
    for (let i = 0; i < 6; i++) await popup.keyboard.press('PageUp');
    const pos = Number(
      await popup.locator('[role=option][aria-selected=true]').getAttribute('aria-posinset'),
    );
    expect(pos).toBeLessThan(btc.count);
    const want = await h.send('activity/page', { token: 'BTC', offset: pos - 1, limit: 1 });
    await expect
      .poll(() =>
        popup
          .locator('[role=option][aria-selected=true] [data-testid=activity-row]')
          .getAttribute('data-id'),
      )
      .toBe(want.items[0]!.id);
    const tokens = await popup
      .getByTestId('amount')
      .evaluateAll((els) => els.map((e) => e.textContent?.split(' ').at(-1)));
    expect(new Set(tokens)).toEqual(new Set(['BTC']));
    expect(await popup.locator('[role=option]').count()).toBeLessThan(30);
    await popup.close();
  });

  it('paints stored rows at once while a sync is slow, and keeps them when the platforms are gone', async () => {
    await h.control(CONTROL.faults, {
      platform: 'biyong',
      endpoint: '*',
      kind: 'latency',
      ms: 4000,
    });
    const slow = h.send('activity/sync', { force: true });
    const popup = await h.openPopup('activity');
    // Rows are there while the sync is still running (the popup joined it: "Refreshing…").
    await expect.poll(() => popup.getByTestId('activity-row').count()).toBeGreaterThan(3);
    expect(await popup.getByRole('button', { name: 'Refreshing…' }).count()).toBe(1);
    await slow;
    await h.control(CONTROL.faults, undefined, 'DELETE');
    await popup.close();

    await h.sandbox.close();
    const offline = await h.openPopup('activity');
    await expect.poll(() => offline.getByTestId('activity-row').count()).toBeGreaterThan(3);
    const before = await count(offline);
    await offline.getByTestId('activity').getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => offline.getByTestId('activity-freshness').textContent(), { timeout: 20_000 })
      .toMatch(/could not refresh/);
    expect(await count(offline)).toBe(before);
    expect(await offline.getByTestId('activity-row').count()).toBeGreaterThan(3);
  });

  it('speaks Chinese when the user chose it', async () => {
    await h.send('settings/update', { language: 'zh-CN' });
    const popup = await h.openPopup('activity');
    await expect.poll(() => popup.locator('#activity-h').textContent()).toBe('动态');
    await expect.poll(() => count(popup)).toMatch(/^\d+ 条$/);
    await expect
      .poll(() => popup.getByTestId('activity-row').first().textContent())
      .toMatch(/币用 · 币用资金流水|大链/);
    await popup.close();
  });
});
