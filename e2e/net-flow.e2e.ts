/**
 * BiYong's net flow on its portfolio card, in a real Chromium against the sandbox: the ledger
 * seeded, BiYong stored as connected, the sync that connection starts filling the card; every token's signed
 * sum and record count equal to what this test adds up from the stored rows; fresh again after a
 * sync finds new records; labelled, keyboard-reachable, and gone from the Activity section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { biyongConnected, storeConnected, vaultWithBiyong } from './accounts-setup';
import { CONTROL } from '../sandbox/contract';

let h: Harness;
const LEDGER = 1500;
const GRANT = ['PUBLIC_INFO', 'PHONE', 'BALANCE'] as const;
const TITLE = 'BiYong net flow from the ledger (not a balance)';
const ROW = /^(\S+): ([+-]?[\d,]+(?:\.\d+)?) over ([\d,]+) records$/;

interface Flow {
  units: bigint;
  count: number;
}

/** A decimal string in 1e-18 units (every ledger token has at most 8 decimals). */
function units(amount: string): bigint {
  const neg = amount.startsWith('-');
  const [w, f = ''] = amount.replace(/^[+-]/, '').replace(/,/g, '').split('.');
  const v = BigInt(w! + f.padEnd(18, '0'));
  return neg ? -v : v;
}

/** Per-token sums and counts of the BiYong rows the worker stored, added up here. */
async function storedFlows(): Promise<{ flows: Map<string, Flow>; times: number[] }> {
  const flows = new Map<string, Flow>();
  const times: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await h.send('activity/page', { platform: 'biyong', offset, limit: 500 });
    for (const r of page.items) {
      const f = flows.get(r.token) ?? { units: 0n, count: 0 };
      flows.set(r.token, { units: f.units + units(r.amount), count: f.count + 1 });
      times.push(r.time);
    }
    if (offset + 500 >= page.total) return { flows, times };
  }
}

/** What the card shows, token by token (the "more" part opened first). */
async function shownFlows(popup: Page): Promise<Map<string, Flow>> {
  const lines = await popup
    .getByTestId('biyong-net-flow')
    .locator('li[data-token]')
    .allTextContents();
  const out = new Map<string, Flow>();
  for (const line of lines) {
    const m = ROW.exec(line.trim());
    if (!m) throw new Error(`Not a net flow row: ${line}`);
    out.set(m[1]!, { units: units(m[2]!), count: Number(m[3]!.replace(/,/g, '')) });
  }
  return out;
}

async function openMore(popup: Page): Promise<void> {
  const card = popup.getByTestId('biyong-net-flow');
  if ((await card.locator('details[open]').count()) > 0) return;
  // By keyboard, as a person without a mouse would.
  await card.locator('summary').focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => card.locator('details[open]').count()).toBe(1);
}

/** The card agrees with the stored rows, token for token (sign, every digit, count). */
async function expectCardMatchesStore(popup: Page): Promise<Map<string, Flow>> {
  const { flows } = await storedFlows();
  expect(flows.size).toBeGreaterThan(3);
  await openMore(popup);
  await expect
    .poll(async () => [...(await shownFlows(popup)).keys()].sort())
    .toEqual([...flows.keys()].sort());
  expect(await shownFlows(popup)).toEqual(flows);
  return flows;
}

beforeAll(async () => {
  h = await launch();
  // Connecting through the consent page is e2e/connect.e2e.ts's; here the stored public record
  // of a connected BiYong account is what matters (e2e/accounts-setup.ts, as the benchmarks do).
  await vaultWithBiyong(h, { records: LEDGER, grant: GRANT, passphrase: 'net flow on the card' });
  await storeConnected(h, [biyongConnected(GRANT)]);
});
afterAll(async () => {
  await h?.close();
});

describe('BiYong net flow on the portfolio card', () => {
  it('fills in after the connection’s sync, equal to the sums of the stored ledger', async () => {
    // The connection's own sync (the worker follows the stored account) fills the card.
    const popup = await h.openPopup();
    const card = popup.locator('li[data-platform="biyong"]');
    await expect.poll(() => card.getByTestId('identity').count()).toBe(1);
    await expect.poll(() => card.getByTestId('biyong-net-flow').count()).toBe(1);

    const flows = await expectCardMatchesStore(popup);
    expect([...flows.values()].reduce((n, f) => n + f.count, 0)).toBe(LEDGER);
    // Labelled as a net flow (not a balance), for people and for assistive technology.
    expect(await card.getByRole('group', { name: TITLE }).count()).toBe(1);
    const span = (await card.getByTestId('net-flow-span').textContent()) ?? '';
    const { times } = await storedFlows();
    expect(span).toContain(`${LEDGER.toLocaleString('en')} records, `);
    expect(span).toContain(String(new Date(Math.min(...times)).getFullYear()));
    expect(span).toContain(String(new Date(Math.max(...times)).getFullYear()));
    expect(span).toMatch(/ · synced (just now|\d+ min ago)$/);
    // Three tokens at a glance, the others behind "N more tokens".
    const more = flows.size - 3;
    expect(await card.getByTestId('biyong-net-flow').locator('summary').textContent()).toBe(
      `${more} more tokens`,
    );
    expect(await card.locator('details li[data-token]').count()).toBe(more);

    // One place only: the Activity section shows no net flow.
    expect(await popup.getByTestId('activity').getByTestId('biyong-net-flow').count()).toBe(0);
    await popup.close();
  });

  it('reads the sums again when a sync brings new records, in place', async () => {
    const popup = await h.openPopup();
    await expectCardMatchesStore(popup);
    const before = await shownFlows(popup);
    await h.control(CONTROL.seed, { biyongAppendLedger: 40 });
    await popup.getByRole('tab', { name: 'Activity' }).click();
    await popup.getByTestId('activity').getByRole('button', { name: 'Refresh' }).click();
    // The card changes without reopening the popup (the counts grow by the new records).
    await expect
      .poll(async () => [...(await shownFlows(popup)).values()].reduce((n, f) => n + f.count, 0))
      .toBe([...before.values()].reduce((n, f) => n + f.count, 0) + 40);
    const after = await expectCardMatchesStore(popup);
    expect(after).not.toEqual(before);
    await popup.close();
  });

  it('speaks Chinese when the user chose it', async () => {
    await h.send('settings/update', { language: 'zh-CN' });
    const popup = await h.openPopup();
    const flow = popup.getByTestId('biyong-net-flow');
    await expect
      .poll(() => flow.locator('#net-flow-h').textContent())
      .toBe('币用资金流水净额（不是余额）');
    expect(await flow.getByTestId('net-flow-span').textContent()).toContain(' 条记录，');
    expect(await flow.locator('li[data-token]').first().textContent()).toMatch(
      /^\S+：[+-]?[\d,.]+（[\d,]+ 条记录）$/,
    );
    await h.send('settings/update', { language: 'en' });
    await popup.close();
  });
});
