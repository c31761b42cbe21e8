/**
 * CoinDock in a real Firefox (dist-firefox/ as a temporary add-on), one user's path: the popup and
 * the options page render, the vault is created in the guided setup, FOMO connects through its
 * consent tab, a FOMO recharge's return page shows the banner and settles the transfer, and all of
 * it survives Firefox unloading the event page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { bannerText, clickButton, launchFirefox, type FirefoxHarness } from './harness';
import { saveDemoCredentials, waitUntilConnected } from '../e2e/fixtures';
import { unwrapReply } from '../e2e/harness';
import { returnUrlMatchPatterns } from '../src/core/settings';

const PASS = 'correct horse battery staple';
let h: FirefoxHarness;

beforeAll(async () => {
  h = await launchFirefox();
});
afterAll(async () => {
  await h?.close();
});

/** The form control a visible label names, as a person finds it. */
async function byLabel(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (l) =>
      [...document.querySelectorAll('label')].find((x) => x.textContent?.trim() === l)?.control ??
      null,
    { timeout: 10_000 },
    label,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (e) => e.textContent ?? '').catch(() => '');

/** The match patterns of every content script the extension has registered, read in `page`. */
const registeredMatches = (page: Page) =>
  page.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap((c) => c.matches ?? []),
  );

describe('CoinDock in Firefox', () => {
  let transferId = '';

  it('runs its background as an event page, and the popup renders the five platforms', async () => {
    expect(await h.backgroundState()).toBe('running');
    const pong = await h.send('ping', {});
    expect(pong.version).toBe('0.1.0');
    const popup = await h.openPopup();
    await expect
      .poll(() => popup.$eval('[data-testid=worker-status]', (e) => e.getAttribute('title')))
      .toContain('0.1.0');
    const names = await popup.$$eval('li[data-platform]', (els) =>
      els.map((e) => e.getAttribute('data-platform')),
    );
    expect(names).toEqual(['fomo', 'gow', 'biyong', 'grandchain', 'hicoin']);
    await expect.poll(() => text(popup, 'li[data-platform="gow"]')).toContain('Sandbox');
    await popup.close();
  });

  it('creates the vault in the options page’s guided setup', async () => {
    const options = await h.openOptions();
    await expect.poll(() => text(options, '[data-testid=setup-step]')).toBe('Step 1 of 5 · Vault');
    expect(await options.$$eval('nav a[data-nav]', (a) => a.length)).toBe(9);
    await (await byLabel(options, 'Passphrase')).type(PASS);
    await (await byLabel(options, 'Repeat passphrase')).type(PASS);
    await clickButton(options, 'Create vault');
    await expect
      .poll(() => text(options, '[data-testid=setup-step]'), { timeout: 20_000 })
      .toBe('Step 2 of 5 · Platforms');
    expect(await h.send('vault/status', {})).toMatchObject({ exists: true, unlocked: true });
    // The passphrase is kept nowhere.
    expect(JSON.stringify(await h.storage('local'))).not.toContain(PASS);
    expect(JSON.stringify(await h.storage('session'))).not.toContain(PASS);
    await options.close();
  });

  it('connects FOMO through its consent tab', async () => {
    await saveDemoCredentials(h, ['fomo']);
    const since = Date.now();
    const opened = h.nextTab();
    await h.send('accounts/connect', { platform: 'fomo' });
    const consent = await opened;
    expect(consent.url()).toContain(`${h.sandbox.origin}/fomo/`);
    await clickButton(consent, 'Authorize');
    await waitUntilConnected(h, 'fomo', since);
    expect((await h.send('accounts/list', {})).flows).toEqual([]);
    // The add-on closes the consent tab once it has the code.
    await expect.poll(() => consent.isClosed(), { timeout: 10_000 }).toBe(true);
  });

  it('a FOMO recharge settles on its return page, which shows CoinDock’s banner', async () => {
    const opened = h.nextTab();
    const t = await h.send('transfers/fomo-pay', { direction: 1, amount: '12.5', coinId: '3' });
    transferId = t.id;
    expect(t).toMatchObject({ kind: 'fomo_recharge', state: 'pending', amount: '12.5' });
    const pay = await opened;
    expect(new URL(pay.url()).searchParams.get('trade_id')).toBe(t.id);
    await clickButton(pay, 'Confirm');
    // The return page's content script (registered with scripting.registerContentScripts for the
    // configured return URL) reports it; the background reconciles by trade_id and state.
    await expect
      .poll(async () => (await h.send('transfers/list', {})).find((x) => x.id === t.id), {
        timeout: 20_000,
      })
      .toMatchObject({ state: 'succeeded', statusCode: '1' });
    await expect.poll(() => bannerText(h, pay)).toContain('FOMO');
    const banner = await bannerText(h, pay);
    expect(banner).toContain('12.5');
    expect(banner).not.toMatch(/unrecognised/i);
    // Notified once, and the toolbar badge counts it. (Headless Firefox lists no notification in
    // notifications.getAll, shown or not, so the transfer's own record is what is checked.)
    expect((await h.send('transfers/list', {})).find((x) => x.id === t.id)?.notifiedAt).toEqual(
      expect.any(Number),
    );
    const page = await h.openOptions();
    expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    await page.close();
    // Page script cannot reach into the banner.
    expect(await pay.$eval('coindock-banner', (e) => e.shadowRoot)).toBeNull();
    await pay.close();
  });

  it('asks for a return page’s host in the Save click, and reads the result there once allowed', async () => {
    const shop = 'https://shop.example/coindock/return';
    const options = await h.openExtensionPage('src/options/index.html#fomo');
    const urls = await byLabel(options, 'Return / redirect URLs (one per line)');
    await urls.click();
    await options.keyboard.down('Control');
    await options.keyboard.press('End');
    await options.keyboard.up('Control');
    await urls.type(`\n${shop}`);
    const save = await options.waitForSelector(
      '[data-testid=credentials-fomo] button::-p-text(Save)',
    );
    await save!.click();
    // permissions.request ran inside the click (Firefox refuses it elsewhere): its prompt shows.
    expect(await h.answerPermissionPrompt(true)).toContain('CoinDock');
    await expect
      .poll(() => text(options, '[data-testid=credentials-fomo] [data-testid=save-state]'))
      .toBe('All changes saved')
      .catch(async (e: unknown) => {
        // Say where the save stopped: still waiting (busy: Save disabled, no notice), refused
        // (its notice), or what the draft held when Save was clicked.
        const state = await options
          .evaluate(() => {
            const form = document.querySelector('[data-testid=credentials-fomo]');
            return JSON.stringify({
              notice: form?.querySelector('.savebar .grow')?.textContent ?? null,
              saveDisabled: form?.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled,
              returnUrls: form?.querySelector('textarea')?.value,
            });
          })
          .catch((x: unknown) => String(x));
        throw new Error(
          `${String(e)}; the section: ${state}; the event page: ${await h.backgroundState()}`,
        );
      });
    expect(
      await options.evaluate(() =>
        chrome.permissions.contains({ origins: ['https://shop.example/*'] }),
      ),
    ).toBe(true);
    // The return-page script is registered for the new page, beside the sandbox's.
    const matches = () => registeredMatches(options);
    await expect.poll(async () => (await matches()).some((m) => m.startsWith(shop))).toBe(true);
    // Match patterns carry no port.
    const sandboxHost = `http://${new URL(h.sandbox.origin).hostname}/merchant/`;
    expect((await matches()).some((m) => m.startsWith(sandboxHost))).toBe(true);
    await options.close();
  });

  it('registers the return-page script for the latest settings when saves arrive together', async () => {
    // Pages saving together (or a Save and the host grant it asked for) each re-register the
    // script; run side by side, one unregistered what another was replacing and its Save failed,
    // or the older settings' registration finished last.
    const before = await h.send('settings/get', {});
    const options = await h.openOptions();
    const registered = () => registeredMatches(options);
    // Several rounds: in any one, each registration may happen to finish before the next starts.
    for (let i = 0; i < 10; i++) {
      const replies = await options.evaluate(
        (urls, i) =>
          Promise.all(
            ['a', 'b', 'c'].map((x) =>
              chrome.runtime.sendMessage({
                __coindock: 1,
                name: 'settings/update',
                payload: {
                  platforms: {
                    fomo: { returnUrls: [...urls, `https://shop.example/coindock/${x}${i}`] },
                  },
                },
              }),
            ),
          ),
        before.platforms.fomo.returnUrls,
        i,
      );
      for (const r of replies) unwrapReply('settings/update', r);
      const stored = await h.send('settings/get', {});
      expect((await registered()).sort()).toEqual(returnUrlMatchPatterns(stored));
    }
    await h.send('settings/update', {
      platforms: { fomo: { returnUrls: before.platforms.fomo.returnUrls } },
    });
    expect((await registered()).sort()).toEqual(returnUrlMatchPatterns(before));
    await options.close();
  });

  it('keeps its state when Firefox unloads the event page, and starts again on the next event', async () => {
    const before = await h.send('ping', {});
    await h.unloadBackground();
    expect(await h.backgroundState()).toBe('stopped');
    const after = await h.send('ping', {});
    expect(after.workerStarts).toBe(before.workerStarts + 1);
    expect(after.workerStartedAt).toBeGreaterThan(before.workerStartedAt);
    expect(await h.backgroundState()).toBe('running');
    // Session storage outlives the event page: the vault is still open, the account connected,
    // the transfer settled.
    expect((await h.send('vault/status', {})).unlocked).toBe(true);
    expect((await h.send('accounts/list', {})).accounts.fomo?.state).toBe('connected');
    expect((await h.send('transfers/list', {})).find((x) => x.id === transferId)?.state).toBe(
      'succeeded',
    );
    // The popup, opened after the restart, shows the settled transfer.
    const popup = await h.openPopup('transfers');
    await expect
      .poll(() =>
        popup
          .$eval(`[data-transfer="${transferId}"]`, (e) => e.getAttribute('data-state'))
          .catch(() => null),
      )
      .toBe('succeeded');
    await popup.close();
  });
});
