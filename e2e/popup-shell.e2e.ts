/**
 * The popup's shell as a person meets it: readable type (popup and options), a first run that
 * says what to do, a summary and tabs, cards that say what is needed and end a connection that
 * cannot complete in words, a confirmed Disconnect, and state that follows storage while the
 * popup stays open (Grand Chain signed in elsewhere, a BiYong grant withdrawn, "forget
 * everything").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { axeViolations } from './axe';
import { saveDemoCredentials } from './fixtures';
import { biyongConnected, storeConnected, vaultWithBiyong } from './accounts-setup';
import { CONTROL, DEMO } from '../sandbox/contract';

let h: Harness;
const PASS = 'popup shell passphrase';

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const card = (popup: Page, platform: string) => popup.locator(`li[data-platform="${platform}"]`);
const status = (popup: Page, platform: string) =>
  card(popup, platform).getByTestId('account-status').textContent();
/** Computed font size (px) of the first element matching `selector`. */
const fontPx = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
const optionsPages = () => h.context.pages().filter((p) => p.url().includes('/src/options/'));

describe('readable type', () => {
  it('body text is 14 px in the popup and in options, rows no bigger than the body', async () => {
    const popup = await h.openPopup();
    await card(popup, 'gow').waitFor();
    expect(await fontPx(popup, 'body')).toBe(14);
    const row = await fontPx(popup, '[data-testid=account-status]');
    expect(row).toBeGreaterThanOrEqual(12);
    expect(row).toBeLessThanOrEqual(14);
    await popup.close();
    const options = await h.openOptions();
    await options.locator('#app > *').first().waitFor();
    expect(await fontPx(options, 'body')).toBe(14);
    // Plain text in a form inherits it too (no 75% left anywhere).
    expect(await fontPx(options, 'label')).toBeGreaterThanOrEqual(13);
    await options.close();
  });
});

describe('first run (no vault)', () => {
  it('offers "Set up CoinDock", opening options at #setup; no live Connect', async () => {
    const popup = await h.openPopup();
    const first = popup.getByTestId('first-run');
    await first.waitFor();
    expect(await popup.getByRole('button', { name: /^(Connect|Sign in)$/ }).count()).toBe(0);
    await expect.poll(() => status(popup, 'fomo')).toContain('Set up CoinDock first');
    for (const p of optionsPages()) await p.close();
    const opened = h.context.waitForEvent('page');
    await first.getByRole('button', { name: 'Set up CoinDock' }).click();
    const options = await opened;
    expect(new URL(options.url()).hash).toBe('#setup');
    await options.close();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});

describe('with a vault', () => {
  let popup: Page;
  beforeAll(async () => {
    await vaultWithBiyong(h, { records: 20, grant: ['PUBLIC_INFO', 'BALANCE'], passphrase: PASS });
    await saveDemoCredentials(h, ['gow', 'hicoin']);
    await storeConnected(h, [biyongConnected(['PUBLIC_INFO', 'BALANCE'])]);
    popup = await h.openPopup();
    await card(popup, 'biyong').getByTestId('identity').waitFor();
  });
  afterAll(async () => {
    await popup?.close();
  });

  it('summarises at the top and switches sections as ARIA tabs', async () => {
    await expect.poll(() => popup.getByTestId('summary-accounts').textContent()).toContain('1/5');
    await expect
      .poll(() => popup.getByTestId('summary-pending').textContent())
      .toContain('0 pending');
    const tabs = popup.getByRole('tablist', { name: 'Sections' }).getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['Accounts', 'Activity', 'Transfers']);
    const accounts = popup.getByRole('tab', { name: 'Accounts' });
    expect(await accounts.getAttribute('aria-selected')).toBe('true');
    expect(await popup.getByRole('tabpanel', { name: 'Accounts' }).isVisible()).toBe(true);
    // Arrow keys move and show; one tab stop.
    await accounts.focus();
    await popup.keyboard.press('ArrowRight');
    const activity = popup.getByRole('tab', { name: 'Activity' });
    expect(await activity.getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Activity');
    await popup.getByRole('tabpanel', { name: 'Activity' }).getByTestId('activity').waitFor();
    expect(await popup.getByRole('tabpanel', { name: 'Accounts' }).isHidden()).toBe(true);
    await popup.keyboard.press('End');
    expect(await popup.getByRole('tab', { name: 'Transfers' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await popup
      .getByRole('tabpanel', { name: 'Transfers' })
      .getByRole('heading', { name: 'Recent returns' })
      .waitFor();
    expect(await popup.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    // The summary's tiles lead to where things are handled.
    await popup.getByTestId('summary-accounts').click();
    expect(await accounts.getAttribute('aria-selected')).toBe('true');
    await popup.getByTestId('summary-pending').click();
    expect(await popup.getByRole('tab', { name: 'Transfers' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await popup.getByTestId('summary-accounts').click();
    expect(await axeViolations(popup)).toEqual([]);
    await accounts.focus();
    await popup.keyboard.press('ArrowRight');
    await popup.getByRole('tabpanel', { name: 'Activity' }).getByTestId('activity').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByTestId('summary-accounts').click();
  });

  it('GOW failing shows on its card naming it, and the header does not say Ready', async () => {
    await expect.poll(() => popup.getByTestId('worker-status').textContent()).toBe('Ready');
    await h.control(CONTROL.faults, {
      platform: 'gow',
      endpoint: '/user/findUserAuthStatus',
      kind: 'status',
      status: 503,
    });
    await card(popup, 'gow').getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => status(popup, 'gow')).toMatch(/^GOW could not connect: .+/);
    expect(await card(popup, 'gow').getByRole('alert').count()).toBe(1);
    await expect
      .poll(() => popup.getByTestId('worker-status').textContent())
      .toBe('1 needs attention');
    expect(await popup.getByTestId('attention').textContent()).toContain('GOW: connection failed');
    await h.control(CONTROL.faults, undefined, 'DELETE');
    await card(popup, 'gow').getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => status(popup, 'gow')).toMatch(/^Connected/);
    await expect.poll(() => popup.getByTestId('worker-status').textContent()).toBe('Ready');
    // Identity not verified on GOW's side: the summary says so, and leads to GOW's card.
    await h.control(CONTROL.seed, { gowCardStatus: { 'alice@example.com': 4 } });
    await h.send('accounts/profile', { platform: 'gow' });
    const kyc = popup.getByTestId('attention').getByRole('button', {
      name: 'GOW: identity not verified (Not verified)',
    });
    await kyc.click();
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-platform')))
      .toBe('gow');
    await h.control(CONTROL.seed, { gowCardStatus: { 'alice@example.com': 1 } });
    await h.send('accounts/profile', { platform: 'gow' });
    await expect.poll(() => popup.getByTestId('worker-status').textContent()).toBe('Ready');
  });

  it('a connection that cannot complete: Cancel instead of Connect, then words at its deadline', async () => {
    const hicoin = card(popup, 'hicoin');
    let opened = h.context.waitForEvent('page');
    await hicoin.getByRole('button', { name: 'Connect' }).click();
    let consent = await opened;
    await expect.poll(() => status(popup, 'hicoin')).toContain('Connecting');
    expect(await hicoin.getByRole('button', { name: /^(Connect|Reconnect)$/ }).count()).toBe(0);
    // Cancel ends it: the tab closes, Connect is back.
    await hicoin.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => consent.isClosed()).toBe(true);
    await expect.poll(() => hicoin.getByRole('button', { name: 'Connect' }).count()).toBe(1);
    expect((await h.send('accounts/list', {})).flows).toEqual([]);

    // Started again and never finished: the worker's deadline ends it, with the popup left open.
    opened = h.context.waitForEvent('page');
    await hicoin.getByRole('button', { name: 'Connect' }).click();
    consent = await opened;
    await expect.poll(() => status(popup, 'hicoin')).toContain('Connecting');
    // The deadline comes sooner (as if the user had left the tab for ten minutes).
    await popup.evaluate(async () => {
      const { flows } = await chrome.storage.session.get<{
        flows: Record<string, { expiresAt: number }>;
      }>('flows');
      for (const f of Object.values(flows)) f.expiresAt = Date.now() + 1000;
      await chrome.storage.session.set({ flows });
    });
    await expect
      .poll(() => status(popup, 'hicoin'), { timeout: 20_000 })
      .toMatch(/^HiCoin could not connect: The connection was not finished within 10 minutes/);
    await expect.poll(() => consent.isClosed()).toBe(true);
    await hicoin.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => status(popup, 'hicoin')).toContain('Not connected');
  });

  it('Disconnect asks first, on the card, in the user’s language', async () => {
    const gow = card(popup, 'gow');
    await gow.getByRole('button', { name: 'Disconnect' }).click();
    const ask = gow.getByRole('group', { name: 'Disconnect' });
    expect(await ask.textContent()).toContain('Disconnect GOW?');
    await ask.getByRole('button', { name: 'Keep' }).click();
    expect(await ask.count()).toBe(0);
    expect((await h.send('accounts/list', {})).accounts.gow?.state).toBe('connected');

    await h.send('settings/update', { language: 'zh-CN' });
    await expect.poll(() => gow.getByRole('button', { name: '断开' }).count()).toBe(1);
    await gow.getByRole('button', { name: '断开' }).click();
    const zh = gow.getByRole('group', { name: '断开' });
    expect(await zh.textContent()).toContain('断开 GOW？');
    await zh.getByRole('button', { name: '断开' }).click();
    await expect.poll(async () => (await h.send('accounts/list', {})).accounts.gow).toBeUndefined();
    await h.send('settings/update', { language: 'en' });
    await expect.poll(() => status(popup, 'gow')).toContain('Not connected');
  });

  it('Grand Chain: Sign in opens the one options tab at its section; signing in there shows here', async () => {
    for (const p of optionsPages()) await p.close();
    const opened = h.context.waitForEvent('page');
    await card(popup, 'grandchain').getByRole('button', { name: 'Sign in' }).click();
    const options = await opened;
    expect(new URL(options.url()).hash).toBe('#grandchain');
    // Moved elsewhere, then Sign in again: the same tab comes back at the section.
    await options.evaluate(() => (location.hash = '#vault'));
    const before = optionsPages().length;
    await card(popup, 'grandchain').getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(options.url()).hash).toBe('#grandchain');
    expect(optionsPages().length).toBe(before);

    const alice = DEMO.grandchain.users[0];
    await h.send('grandchain/login', { email: alice.email, password: alice.password });
    await expect
      .poll(() => card(popup, 'grandchain').getByTestId('identity').textContent())
      .toBe(alice.email);
  });

  it('a withdrawn BiYong grant shows as "needs reconnecting" at once', async () => {
    await expect.poll(() => status(popup, 'biyong')).toMatch(/^Connected/);
    await h.control(CONTROL.seed, { biyongGrant: [] });
    await h.send('activity/sync', { force: true });
    await expect.poll(() => status(popup, 'biyong')).toMatch(/^Needs reconnecting · BiYong: /);
    expect(await card(popup, 'biyong').getByRole('button', { name: 'Reconnect' }).count()).toBe(1);
    expect(await popup.getByTestId('attention').textContent()).toContain(
      'BiYong: reconnect needed',
    );
  });

  it('a platform without keys says so on its card and leads to its settings', async () => {
    const fomo = card(popup, 'fomo');
    await fomo.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => status(popup, 'fomo')).toMatch(/^FOMO could not connect: ./);
    await fomo.getByRole('button', { name: 'Check its settings' }).click();
    await expect
      .poll(() => optionsPages().filter((p) => new URL(p.url()).hash === '#fomo').length)
      .toBe(1);
  });

  it('a locked vault is in the summary, which leads to the passphrase', async () => {
    await h.send('vault/lock', {});
    const locked = popup
      .getByTestId('attention')
      .getByRole('button', { name: 'Vault locked: unlock to use your keys' });
    await locked.click();
    await expect
      .poll(() => popup.evaluate(() => (document.activeElement as HTMLInputElement).type))
      .toBe('password');
    await popup.keyboard.type(PASS);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('unlock').count()).toBe(0);
  });

  it('after "forget everything" the open popup shows the first run', async () => {
    await h.send('vault/forget-everything', {});
    await popup.getByTestId('first-run').waitFor();
    await expect.poll(() => popup.getByTestId('identity').count()).toBe(0);
    expect(await popup.getByRole('button', { name: /^(Connect|Sign in|Reconnect)$/ }).count()).toBe(
      0,
    );
  });
});
