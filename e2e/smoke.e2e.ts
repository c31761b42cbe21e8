/**
 * Smoke tests: each context of the real extension alive in a real Chromium against the sandbox,
 * and the worker's state surviving a stop and restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, MERCHANT_PATHS, type Harness } from './harness';
import { openSection } from './options-page';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe('CoinDock in Chromium', () => {
  it('the worker answers a message', async () => {
    const pong = await h.send('ping', {});
    expect(pong.version).toBe('0.1.0');
    expect(pong.workerStarts).toBeGreaterThanOrEqual(1);
    expect(Math.abs(pong.now - Date.now())).toBeLessThan(60_000);
  });

  it('the popup renders the five platforms and the worker status', async () => {
    const popup = await h.openPopup();
    await expect
      .poll(() => popup.getByTestId('worker-status').getAttribute('title'))
      .toContain('0.1.0');
    const names = await popup
      .locator('li[data-platform]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')));
    expect(names).toEqual(['fomo', 'gow', 'biyong', 'grandchain', 'hicoin']);
    // Configured for the sandbox by the harness, and the popup says so.
    await expect
      .poll(() => popup.locator('li[data-platform="gow"]').textContent())
      .toContain('Sandbox');
    await popup.close();
  });

  it('the options page renders and saves a setting through the worker', async () => {
    const options = await openSection(h, 'language');
    // One section at a time, and a section per platform in the nav.
    expect(await options.locator('nav a[data-nav]').count()).toBe(9);
    expect(await options.locator('main section').count()).toBe(1);
    await options.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    // The page switches language as soon as it is chosen, before saving.
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('已保存');
    const stored = (await h.storage('local')).settings as { language: string };
    expect(stored.language).toBe('zh-CN');
    await h.send('settings/update', { language: 'en' });
    await options.close();
  });

  it('the content script runs on a configured return URL and the background keeps what it saw, without secrets', async () => {
    const page = await h.context.newPage();
    const url = `${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}?status=1&trade_id=T-smoke-1&amount=12.5&coin_id=3&access_token=SECRET-AT-123&state=abc`;
    await page.goto(url);
    const banner = page.locator('coindock-banner');
    await banner.waitFor({ state: 'attached' });
    // The banner's shadow root is closed: page scripts cannot read it.
    expect(await banner.evaluate((el) => el.shadowRoot)).toBeNull();

    await expect
      .poll(async () => (await h.send('returns/list', {})).map((r) => r.params.trade_id))
      .toContain('T-smoke-1');
    const [record] = await h.send('returns/list', {});
    expect(record).toMatchObject({ platform: 'fomo', params: { status: '1', amount: '12.5' } });
    expect(record?.had).toContain('access_token');
    expect(JSON.stringify(await h.storage('local'))).not.toContain('SECRET-AT-123');
    await page.close();
  });

  it('does not run on pages that are not configured, and refuses forged reports', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.sandbox.origin}${MERCHANT_PATHS.fomoCallback}?status=1&trade_id=T-forged`);
    // A page script cannot reach the extension's messaging at all.
    const hasRuntime = await page.evaluate(
      () =>
        typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
          ?.sendMessage,
    );
    expect(hasRuntime).toBe('undefined');
    await page.waitForTimeout(500);
    expect(await page.locator('coindock-banner').count()).toBe(0);
    const ids = (await h.send('returns/list', {})).map((r) => r.params.trade_id);
    expect(ids).not.toContain('T-forged');
    await page.close();
  });

  it('keeps its state and keeps answering after the worker is stopped and restarted', async () => {
    const before = await h.send('ping', {});
    await h.stopWorker();
    const after = await h.send('ping', {});
    expect(after.workerStartedAt).toBeGreaterThan(before.workerStartedAt);
    expect(after.workerStarts).toBe(before.workerStarts + 1);
    const ids = (await h.send('returns/list', {})).map((r) => r.params.trade_id);
    expect(ids).toContain('T-smoke-1');

    // The restarted worker registered the content script again: a new return is still captured.
    const page = await h.context.newPage();
    await page.goto(
      `${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}?status=7&trade_id=T-after-restart&state=x`,
    );
    await expect
      .poll(async () => (await h.send('returns/list', {})).map((r) => r.params.trade_id))
      .toContain('T-after-restart');
    await page.close();
  });
});
