/**
 * The guided first run against the sandbox, as a new user would go through it: the options page
 * opens on the setup when there is no vault; vault → FOMO and GOW → sandbox demo keys, saved and
 * tested → connected for real (GOW by its signed call, FOMO through its consent page) → done.
 * The step survives closing the tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { DEMO } from '../sandbox/contract';

let h: Harness;
let page: Page;
const PASS = 'correct horse battery staple';

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const step = () => page.getByTestId('setup-step').textContent();
const card = (p: string) => page.locator(`[data-setup-platform="${p}"]`);

describe('guided setup', () => {
  it('opens by itself when there is no vault, at step 1, and says how strong the passphrase is', async () => {
    page = await h.openOptions();
    await expect.poll(step).toBe('Step 1 of 5 · Vault');
    expect(new URL(page.url()).hash).toBe('#setup');
    expect(await page.locator('[aria-current=step]').textContent()).toContain('Vault');
    // "Forget everything" has nothing to forget yet: not offered anywhere.
    expect(await page.getByRole('button', { name: 'Forget everything' }).count()).toBe(0);

    const pass = page.getByLabel('Passphrase', { exact: true });
    await pass.fill('short');
    expect(await page.getByTestId('strength').textContent()).toBe('Use at least 8 characters');
    await pass.fill('password');
    expect(await page.getByTestId('strength').textContent()).toMatch(/^Strength: weak/);
    await pass.fill(PASS);
    expect(await page.getByTestId('strength').textContent()).toBe('Strength: strong');
    await page.getByLabel('Repeat passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(step, { timeout: 20_000 }).toBe('Step 2 of 5 · Platforms');
    expect((await h.send('vault/status', {})).unlocked).toBe(true);
  });

  it('chooses platforms from a list that says what each one is', async () => {
    const next = page.getByRole('button', { name: 'Next' });
    expect(await next.isDisabled()).toBe(true);
    const fomo = page.getByRole('checkbox', { name: /FOMO/ });
    expect(await page.locator('label.choice', { has: fomo }).textContent()).toContain(
      'Crypto wallet',
    );
    expect(await page.getByRole('checkbox').count()).toBe(5);
    await fomo.check();
    await page.getByRole('checkbox', { name: /GOW/ }).check();
    await next.click();
    await expect.poll(step).toBe('Step 3 of 5 · Keys');
  });

  it('keeps the step when the tab is closed and opened again', async () => {
    await page.close();
    page = await h.openOptions();
    await expect.poll(step).toBe('Step 3 of 5 · Keys');
    expect(await page.locator('[data-setup-platform]').count()).toBe(2);
  });

  it('fills the sandbox demo keys, saves and tests each platform for real', async () => {
    const next = page.getByRole('button', { name: 'Next' });
    expect(await page.getByTestId('setup-pending').textContent()).toBe('Still to save: FOMO, GOW');
    expect(await next.isDisabled()).toBe(true);
    for (const p of ['fomo', 'gow']) {
      const c = card(p);
      await c.getByRole('button', { name: 'Fill in sandbox demo keys' }).click();
      await expect
        .poll(() => c.getByRole('status').textContent())
        .toBe('Sandbox demo keys filled in: press Save to keep them');
      expect(await c.getByTestId('save-state').textContent()).toBe('Unsaved changes');
      await c.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => c.getByRole('status').textContent()).toBe('Saved');
      await c.getByRole('button', { name: 'Test connection' }).click();
      await expect
        .poll(() => c.locator('[role=status], [role=alert]').textContent(), { timeout: 15_000 })
        .toMatch(/^Connected: /);
    }
    const gow = await h.send('credentials/get', { platform: 'gow' });
    expect(gow.config.apiKey).toBe(DEMO.gow.apiKey);
    expect(gow.secretsSet).toEqual(['secretKey']);
    await expect.poll(() => next.isDisabled()).toBe(false);
    await next.click();
    await expect.poll(step).toBe('Step 4 of 5 · Connect');
  });

  it('connects GOW by its signed call and FOMO through its consent page', async () => {
    const gow = card('gow');
    await gow.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => gow.getByRole('status').textContent()).toBe('GOW connected');
    await expect
      .poll(() => gow.getByTestId('account-state').textContent())
      .toMatch(/^Connected as /);

    const fomo = card('fomo');
    const opened = h.context.waitForEvent('page');
    await fomo.getByRole('button', { name: 'Connect' }).click();
    const consent = await opened;
    await consent.getByRole('button', { name: 'Authorize' }).click();
    // The card follows storage: the connection finished in another tab.
    await expect
      .poll(() => fomo.getByTestId('account-state').textContent(), { timeout: 20_000 })
      .toBe(`Connected as ${DEMO.fomo.user.nickname}`);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(step).toBe('Step 5 of 5 · Done');
    const done = page.getByTestId('setup-done');
    expect(await done.textContent()).toContain('CoinDock is set up');
    expect(await done.textContent()).toContain(`FOMO: Connected as ${DEMO.fomo.user.nickname}`);
    const accounts = (await h.send('accounts/list', {})).accounts;
    expect(accounts.fomo?.state).toBe('connected');
    expect(accounts.gow?.state).toBe('connected');
  });

  it('after setup, the page opens on the platforms, not the setup', async () => {
    await page.getByRole('link', { name: 'Go to settings' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#fomo');
    const again = await h.openOptions();
    await expect.poll(() => new URL(again.url()).hash).toBe('#fomo');
    await again.close();
  });
});
