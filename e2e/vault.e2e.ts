/**
 * The vault through the options page in a real Chromium: create, lock, unlock (wrong and right
 * passphrase), survive a worker restart unlocked, auto-lock by alarm in a restarted worker, and
 * forget everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { openSection } from './options-page';

let h: Harness;
let options: Page;
const PASS = 'correct horse battery staple';

beforeAll(async () => {
  h = await launch();
  options = await openSection(h, 'vault');
});
afterAll(async () => {
  await h?.close();
});

const vaultState = () => options.getByTestId('vault-state').textContent();

describe('vault in the options page', () => {
  it('refuses mismatched passphrases, then creates the vault unlocked', async () => {
    const vault = options.getByTestId('vault');
    await vault.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await vault.getByLabel('Repeat passphrase').fill(PASS + 'x');
    await vault.getByRole('button', { name: 'Create vault' }).click();
    await expect
      .poll(() => vault.getByRole('alert').textContent())
      .toBe('The two passphrases differ');
    expect((await h.storage('local')).vault ?? null).toBeNull();

    await vault.getByLabel('Repeat passphrase').fill(PASS);
    await vault.getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(vaultState).toContain('Unlocked');
    const stored = (await h.storage('local')).vault as { kdf: { iterations: number } };
    expect(stored.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(typeof (await h.storage('session')).vaultKey).toBe('string');
    // Pages learn the lock state from a public flag, which holds no secret.
    expect((await h.storage('session')).vaultUnlocked).toBe(true);
  });

  it('stays unlocked across a worker restart (key in storage.session)', async () => {
    await h.stopWorker();
    expect((await h.send('vault/status', {})).unlocked).toBe(true);
  });

  it('locks, rejects a wrong passphrase in words, unlocks with the right one', async () => {
    const vault = options.getByTestId('vault');
    await vault.getByRole('button', { name: 'Lock now' }).click();
    await expect.poll(vaultState).toContain('Locked');
    expect((await h.storage('session')).vaultKey ?? null).toBeNull();
    expect((await h.storage('session')).vaultUnlocked).toBe(false);

    await vault.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await vault.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => vault.getByRole('alert').textContent()).toBe('Wrong passphrase');

    await vault.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await vault.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(vaultState).toContain('Unlocked');
  });

  it('auto-locks by alarm, and the alarm fires in a restarted worker', async () => {
    await h.send('vault/set-auto-lock', { minutes: 1 });
    const worker = await h.worker();
    const alarm = await worker.evaluate(() => chrome.alarms.get('vault-auto-lock'));
    expect(alarm).toBeTruthy();
    expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(30_000);
    // Bring the armed alarm forward (Chrome will not fire alarms sooner than 30 s on its own),
    // then stop the worker: the alarm must wake a new worker that locks the vault.
    await worker.evaluate(() =>
      chrome.alarms.create('vault-auto-lock', { when: Date.now() + 1500 }),
    );
    await h.stopWorker();
    await new Promise((r) => setTimeout(r, 3000));
    await expect
      .poll(async () => (await h.send('vault/status', {})).unlocked, { timeout: 10_000 })
      .toBe(false);
  });

  it('the popup still shows public data while locked and asks to unlock', async () => {
    expect((await h.send('vault/status', {})).unlocked).toBe(false);
    const popup = await h.openPopup();
    const card = popup.getByTestId('unlock');
    await card.waitFor();
    expect(await popup.locator('li[data-platform]').count()).toBe(5);
    await card.getByLabel('Passphrase').fill('wrong passphrase!');
    await card.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toBe('Wrong passphrase');
    await card.getByLabel('Passphrase').fill(PASS);
    await card.getByRole('button', { name: 'Unlock' }).click();
    await card.waitFor({ state: 'detached' });
    expect((await h.send('vault/status', {})).unlocked).toBe(true);
    await popup.close();
  });

  it('resets a vault whose passphrase was forgotten, keeping settings', async () => {
    await h.send('credentials/save', {
      platform: 'grandchain',
      values: { email: 'alice@example.com' },
    });
    await h.send('vault/lock', {});
    const page = await openSection(h, 'vault');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Forgot it? Reset the vault' }).click();
    await expect
      .poll(() => page.getByTestId('vault').getByRole('status').textContent())
      .toBe('Vault erased: create a new one');
    const status = await h.send('vault/status', {});
    expect(status).toMatchObject({ exists: false, unlocked: false });
    expect((await h.send('credentials/get', { platform: 'grandchain' })).config).toEqual({
      email: 'alice@example.com',
    });
    await page.getByTestId('vault').getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByTestId('vault').getByLabel('Repeat passphrase').fill(PASS);
    await page.getByTestId('vault').getByRole('button', { name: 'Create vault' }).click();
    await expect.poll(async () => (await h.send('vault/status', {})).unlocked).toBe(true);
    await page.close();
  });

  it('forgets everything', async () => {
    await h.send('vault/unlock', { passphrase: PASS });
    options.once('dialog', (d) => void d.accept());
    await options.reload();
    await options.getByRole('button', { name: 'Forget everything' }).click();
    await expect
      .poll(() => options.getByTestId('vault').getByRole('status').textContent())
      .toBe('Everything was erased');
    const local = await h.storage('local');
    expect(local.vault ?? null).toBeNull();
    expect((await h.send('vault/status', {})).exists).toBe(false);
    expect(await h.storage('session')).not.toHaveProperty('vaultUnlocked');
    // The store's unused key-value database of earlier versions is not made again.
    const databases = await options.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    );
    expect(databases).not.toContain('coindock');
  });
});
