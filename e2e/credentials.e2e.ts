/**
 * Keys for every platform entered through the options page like a person would, then a dump of
 * every storage the extension has (chrome.storage local/session/sync and IndexedDB) must not
 * contain one of the secrets in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { demoCredentials } from './fixtures';
import { fillField, goToSection, openSection } from './options-page';
import { DEMO } from '../sandbox/contract';

let h: Harness;
let options: Page;

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: 'correct horse battery staple' });
  options = await openSection(h, 'gow');
});

/** A platform's form, in its section of the options page. */
async function formOf(platform: string) {
  await goToSection(options, platform);
  return options.getByTestId(`credentials-${platform}`);
}
afterAll(async () => {
  await h?.close();
});

const SECRETS = [
  DEMO.fomo.clientSecret,
  DEMO.gow.secretKey,
  DEMO.hicoin.secret,
  // A distinctive slice of the private key: base64 text would show up whole or not at all.
  DEMO.biyong.merchantPrivateKey.slice(100, 160),
];

async function dumpEverything(): Promise<string> {
  const page = await h.openOptions();
  const dump = await page.evaluate(async () => {
    const idb: Record<string, unknown[]> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${info.name}/${store}`] = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB failed'));
        });
      }
      db.close();
    }
    return {
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
      idb,
    };
  });
  await page.close();
  return JSON.stringify(dump);
}

describe('keys for every platform', () => {
  it('are checked as typed and refused with a clear message when wrong', async () => {
    const form = await formOf('gow');
    await form.getByLabel(/API key/).fill('bad key with spaces');
    await expect
      .poll(() => form.locator('#gow-apiKey-help').textContent())
      .toBe(
        'API key can only contain letters, digits, “_” and “-”; a space at character 4 is not allowed',
      );
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    // Nothing is sent: every field with a problem is marked, and the first one has the focus.
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('Fix the marked fields first (3)');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('gow-apiKey');
    await form.getByRole('button', { name: 'Discard changes' }).click();
    expect(await form.getByLabel(/API key/).inputValue()).toBe('');
    expect(
      ((await h.storage('local')).settings as { platforms: { gow: { config: object } } }).platforms
        .gow.config,
    ).toEqual({});
  });

  it('are saved for all five platforms: public fields in settings, secrets only in the vault', async () => {
    const creds = demoCredentials(h.sandbox.origin);
    for (const [platform, values] of Object.entries(creds)) {
      const form = await formOf(platform);
      for (const [key, value] of Object.entries(values)) await fillField(form, key, value);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved');
    }
    const status = await h.send('vault/status', {});
    expect(status.secretNames).toEqual(
      ['biyong.merchantPrivateKey', 'fomo.clientSecret', 'gow.secretKey', 'hicoin.secret'].sort(),
    );
    const gow = await h.send('credentials/get', { platform: 'gow' });
    expect(gow).toEqual({
      platform: 'gow',
      config: { apiKey: DEMO.gow.apiKey, account: 'alice@example.com' },
      secretsSet: ['secretKey'],
    });
  });

  it('work: “Test connection” makes one real call per platform and says so in words', async () => {
    for (const platform of ['gow', 'biyong', 'fomo', 'hicoin', 'grandchain']) {
      const form = await formOf(platform);
      await form.getByRole('button', { name: 'Test connection' }).click();
      await expect
        .poll(() => form.locator('[role=status], [role=alert]').textContent(), { timeout: 15_000 })
        .toMatch(/^Connected: /);
    }
    const stats = (await h.control('/__control/stats')) as Record<string, Record<string, number>>;
    expect(JSON.stringify(stats)).toContain('findUserAuthStatus');
  });

  it('a wrong secret fails the test in words, for every platform that has one', async () => {
    const right: Record<string, [string, string]> = {
      gow: ['secretKey', DEMO.gow.secretKey],
      fomo: ['clientSecret', DEMO.fomo.clientSecret],
      hicoin: ['secret', DEMO.hicoin.secret],
    };
    for (const [platform, [field, value]] of Object.entries(right)) {
      const form = await formOf(platform);
      const save = async (secret: string) => {
        await form.locator(`[name="${field}"]`).fill(secret);
        await form.getByRole('button', { name: 'Save', exact: true }).click();
        await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved');
      };
      await save('wrong-secret-key-123');
      await form.getByRole('button', { name: 'Test connection' }).click();
      await expect
        .poll(() => form.locator('[role=status], [role=alert]').textContent())
        .toMatch(/^Failed: /);
      await save(value);
    }
  });

  it('leave no secret in clear in chrome.storage (local, session, sync) or IndexedDB', async () => {
    const dump = await dumpEverything();
    expect(dump.length).toBeGreaterThan(1000);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
  });

  it('are not shown back: a stored secret is only marked as stored, and empty keeps it', async () => {
    const page = await openSection(h, 'gow');
    const form = page.getByTestId('credentials-gow');
    const secretInput = form.locator('[name="secretKey"]');
    await expect.poll(() => secretInput.getAttribute('placeholder')).toContain('stored');
    expect(await secretInput.inputValue()).toBe('');
    // Saving another change with the secret left empty keeps the stored secret.
    await form.locator('[name="account"]').fill('bob@example.com');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved');
    await form.locator('[name="account"]').fill('alice@example.com');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved');
    expect((await h.send('vault/status', {})).secretNames).toContain('gow.secretKey');
    await page.close();
  });

  it('need an unlocked vault for secrets', async () => {
    await h.send('vault/lock', {});
    const page = await openSection(h, 'gow');
    const form = page.getByTestId('credentials-gow');
    await expect.poll(() => form.locator('[name="secretKey"]').isDisabled()).toBe(true);
    await form.locator('[name="account"]').fill('carol@example.com');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Unlock the vault');
    await page.close();
  });
});
