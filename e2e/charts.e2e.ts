/**
 * The account cards' charts in a real Chromium against the sandbox: BiYong's top tokens over the
 * stored ledger's span, and Grand Chain's balance walked back from the balance it last reported.
 * Every expected figure is computed here from what the worker stores (the rows it pages out, the
 * account it keeps) — and Grand Chain's line must end at the balance the sandbox really holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { biyongConnected, storeConnected, vaultWithBiyong } from './accounts-setup';
import { bobSendsAlice, saveDemoCredentials } from './fixtures';
import { axeViolations } from './axe';
import { CONTROL, DEMO } from '../sandbox/contract';
import type { ActivityItem } from '../src/core/activity';

let h: Harness;
const LEDGER = 900;
const BUCKETS = 24;
const GRANT = ['PUBLIC_INFO', 'PHONE', 'BALANCE'] as const;
const [ALICE, BOB] = DEMO.grandchain.users;

/** A decimal string (grouped or signed as shown) in 1e-18 units. */
function units(amount: string): bigint {
  const s = amount.replace(/[,\s]/g, '');
  const neg = s.startsWith('-');
  const [w, f = ''] = s.replace(/^[+-]/, '').split('.');
  const v = BigInt(w! + f.padEnd(18, '0'));
  return neg ? -v : v;
}

async function rows(platform: 'biyong' | 'grandchain'): Promise<ActivityItem[]> {
  const out: ActivityItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await h.send('activity/page', { platform, offset, limit: 500 });
    out.push(...page.items);
    if (out.length >= page.total) return out;
  }
}

async function sandboxBalanceFen(email: string): Promise<bigint> {
  const s = (await h.control(CONTROL.state)) as {
    grandchain: { users: { email: string; balanceFen: string }[] };
  };
  return BigInt(s.grandchain.users.find((u) => u.email === email)!.balanceFen);
}

async function receiveAll(): Promise<void> {
  const o = await h.send('activity/sync', { force: true });
  for (const u of o.unread) await h.send('activity/receive', { orderId: u.orderId! });
}

const card = (p: Page, platform: string) => p.locator(`li[data-platform="${platform}"]`);

beforeAll(async () => {
  h = await launch();
  await vaultWithBiyong(h, { records: LEDGER, grant: GRANT, passphrase: 'charts on the cards' });
  await storeConnected(h, [biyongConnected(GRANT)]);
  await saveDemoCredentials(h, ['grandchain']);
  await h.send('grandchain/login', { email: ALICE.email, password: ALICE.password });
  await h.send('grandchain/face-token', { faceToken: ALICE.faceToken });
  await h.send('activity/sync', { force: true });
});
afterAll(async () => {
  await h?.close();
});

describe('charts on the account cards', () => {
  it('Grand Chain before any balance was reported: says when the history will appear', async () => {
    const popup = await h.openPopup();
    const chart = card(popup, 'grandchain').getByTestId('balance-chart');
    await expect
      .poll(() => chart.textContent())
      .toContain('Grand Chain tells CoinDock your balance only with a transfer or a receive');
    expect(await chart.locator('svg').count()).toBe(0);
    await popup.close();
  });

  it('BiYong: each drawn token’s line equals the stored ledger, bucket by bucket', async () => {
    const ledger = await rows('biyong');
    expect(ledger).toHaveLength(LEDGER);
    // Expected, computed here: the three tokens with most records (ties by name), 24 equal
    // parts of the span, the running sum at the end of each.
    const counts = new Map<string, number>();
    for (const r of ledger) counts.set(r.token, (counts.get(r.token) ?? 0) + 1);
    const top = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([t]) => t);
    const from = Math.min(...ledger.map((r) => r.time));
    const to = Math.max(...ledger.map((r) => r.time));
    const expected = new Map<string, bigint[]>();
    for (const token of top) {
      const sums = new Array<bigint>(BUCKETS).fill(0n);
      for (const r of ledger.filter((x) => x.token === token)) {
        const k = Math.min(BUCKETS - 1, Math.floor(((r.time - from) * BUCKETS) / (to - from)));
        for (let j = k; j < BUCKETS; j++) sums[j]! += units(r.amount);
      }
      expected.set(token, sums);
    }

    const popup = await h.openPopup();
    const chart = card(popup, 'biyong').getByTestId('ledger-chart');
    await expect.poll(() => chart.getByTestId('ledger-chart-token').count()).toBe(3);
    expect(
      await chart
        .getByTestId('ledger-chart-token')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-token'))),
    ).toEqual(top);
    // The figures as text: one row per bucket, one column per token.
    const table = chart.getByTestId('ledger-chart-table');
    const header = await table.locator('thead th').allTextContents();
    expect(header.slice(1)).toEqual(top);
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(cells).toHaveLength(BUCKETS);
    top.forEach((token, i) => {
      expect(cells.map((row) => units(row[i]!))).toEqual(expected.get(token));
    });
    // The net beside each line, and the image's words, say the last point.
    const nets = await chart.getByTestId('ledger-chart-net').allTextContents();
    top.forEach((token, i) => expect(units(nets[i]!)).toBe(expected.get(token)!.at(-1)));
    const labels = await chart
      .locator('svg[role="img"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    top.forEach((token, i) => {
      expect(labels[i]).toMatch(
        new RegExp(
          `^${token} net flow, .+ to .+: ${nets[i]!.replace(/[+.]/g, '\\$&')} in all; highest .+, lowest .+$`,
        ),
      );
    });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('Grand Chain: the line walks the history back from the reported balance, ending at the real one', async () => {
    // Bob sends twice (received by Alice), Alice sends once: three history records. Grand Chain
    // stamps them to the second, so they are a second apart: their order is then what is stored.
    const nextSecond = () => new Promise((r) => setTimeout(r, 1100));
    await bobSendsAlice(h, 4321);
    await receiveAll();
    await nextSecond();
    const sent = await h.send('transfers/grandchain-send', { to: BOB.email, amountYuan: '12.34' });
    expect(sent.state).toBe('succeeded');
    await nextSecond();
    await bobSendsAlice(h, 500);
    await receiveAll();

    const history = (await rows('grandchain'))
      .filter((r) => r.status === 'done')
      .sort((a, b) => a.time - b.time);
    expect(history.map((r) => r.amount).sort()).toEqual(['-12.34', '43.21', '5.00'].sort());
    const account = (await h.send('accounts/list', {})).accounts.grandchain!;
    const reported = BigInt(account.details.balanceFen!);
    // Expected: walk back from the reported balance (every change here is before the report).
    const fen = (yuan: string) => units(yuan) / 10n ** 16n;
    const after: bigint[] = [];
    let b = reported;
    for (let i = history.length - 1; i >= 0; i--) {
      after.unshift(b);
      b -= fen(history[i]!.amount);
    }
    expect(b).toBe(BigInt(ALICE.balanceFen));
    expect(after.at(-1)).toBe(await sandboxBalanceFen(ALICE.email));

    const popup = await h.openPopup();
    const chart = card(popup, 'grandchain').getByTestId('balance-chart');
    await expect.poll(() => chart.locator('svg[role="img"]').count()).toBe(1);
    const shown = await chart
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.dataset.fen, tr.dataset.deltaFen]));
    expect(shown).toEqual(history.map((r, i) => [String(after[i]), String(fen(r.amount))]));
    // As the card writes yuan: grouped, without trailing zeros ("12,500", "12,535.8").
    const yuan = (f: bigint) =>
      `${(f / 100n).toLocaleString('en')}.${String(f % 100n).padStart(2, '0')}`.replace(
        /\.?0+$/,
        '',
      );
    expect(await chart.getByTestId('balance-chart-now').textContent()).toBe(
      `${yuan(after.at(-1)!)} CNY`,
    );
    const delta = after.at(-1)! - BigInt(ALICE.balanceFen);
    expect(await chart.getByTestId('balance-chart-delta').textContent()).toBe(
      `+${yuan(delta)} over this period`,
    );
    const label = (await chart.locator('svg').getAttribute('aria-label')) ?? '';
    expect(label).toContain(`from ${yuan(BigInt(ALICE.balanceFen))} CNY on `);
    expect(label).toContain(` to ${yuan(after.at(-1)!)} CNY on `);
    expect(label).toContain(`, 3 changes; highest `);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('speaks Chinese, and follows dark mode through the theme’s colours', async () => {
    await h.send('settings/update', { language: 'zh-CN' });
    const popup = await h.openPopup();
    await popup.emulateMedia({ colorScheme: 'dark' });
    const chart = card(popup, 'grandchain').getByTestId('balance-chart');
    await expect.poll(() => chart.locator('.chart-title').textContent()).toBe('大链余额走势');
    expect(await chart.locator('svg').getAttribute('aria-label')).toMatch(/^大链余额从 .+ 元/);
    expect(
      await card(popup, 'biyong').getByTestId('ledger-chart').locator('summary').textContent(),
    ).toBe('数据');
    // The line is drawn in the dark theme's green (--ok), read from the page's own variables.
    const [stroke, ok] = await chart
      .locator('.line')
      .evaluate((el) => [
        getComputedStyle(el).stroke,
        getComputedStyle(document.documentElement).getPropertyValue('--ok').trim(),
      ]);
    expect(ok).toBe('#47cd89');
    expect(stroke).toBe('rgb(71, 205, 137)');
    expect(await axeViolations(popup)).toEqual([]);
    await h.send('settings/update', { language: 'en' });
    await popup.close();
  });
});
