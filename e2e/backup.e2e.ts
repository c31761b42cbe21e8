/**
 * Export / import of the encrypted settings file through the options page, and a damaged vault:
 * each failure is a clear message and loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { openSection } from './options-page';
import { DEMO } from '../sandbox/contract';

let h: Harness;
let options: Page;
const PASS = 'correct horse battery staple';
const FILE_PASS = 'file passphrase 123';
let exported = '';

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: PASS });
  await h.send('credentials/save', {
    platform: 'gow',
    values: {
      apiKey: DEMO.gow.apiKey,
      secretKey: DEMO.gow.secretKey,
      account: 'alice@example.com',
    },
  });
  await h.send('settings/update', { language: 'en' });
  options = await openSection(h, 'backup');
});
afterAll(async () => {
  await h?.close();
});

const backup = () => options.getByTestId('backup');
const notice = () => backup().locator('[role=status], [role=alert]').textContent();

async function importText(content: string, passphrase: string) {
  await backup().getByLabel('File passphrase').fill(passphrase);
  await backup()
    .getByLabel('Settings file')
    .setInputFiles({
      name: 'settings.coindock.json',
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    });
  await backup().getByRole('button', { name: 'Import settings' }).click();
}

describe('settings file', () => {
  it('exports an encrypted file with no secret in clear', async () => {
    await backup().getByLabel('File passphrase').fill(FILE_PASS);
    const download = options.waitForEvent('download');
    await backup().getByRole('button', { name: 'Export settings' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^coindock-settings-\d{4}-\d{2}-\d{2}\.coindock\.json$/,
    );
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    exported = await readFile(path, 'utf8');
    expect(exported).toContain('coindock-export');
    expect(exported).not.toContain(DEMO.gow.secretKey);
    expect(exported).not.toContain(DEMO.gow.apiKey);
    await expect.poll(notice).toMatch(/^Exported /);
  });

  it('asks for a file when none was chosen', async () => {
    await backup().getByLabel('File passphrase').fill(FILE_PASS);
    await backup().getByRole('button', { name: 'Import settings' }).click();
    await expect.poll(notice).toBe('Choose a file first');
  });

  it('refuses a wrong passphrase, a tampered file and a foreign file in words, changing nothing', async () => {
    const before = JSON.stringify(await h.storage('local'));

    await importText(exported, 'not the file passphrase');
    await expect.poll(notice).toBe('Wrong passphrase');

    const tampered = JSON.parse(exported) as { vault: { data: { ct: string } } };
    const ct = tampered.vault.data.ct;
    tampered.vault.data.ct = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    await importText(JSON.stringify(tampered), FILE_PASS);
    await expect.poll(notice).toContain('damaged');

    await importText('{"hello":"world"}', FILE_PASS);
    await expect.poll(notice).toBe('This is not a CoinDock settings file');
    await importText('\u0000\u0001 not even json', FILE_PASS);
    await expect.poll(notice).toBe('This is not a CoinDock settings file');

    expect(JSON.stringify(await h.storage('local'))).toBe(before);
  });

  it('imports into another browser state: settings and secrets come back', async () => {
    await h.send('vault/forget-everything', {});
    await h.send('vault/create', { passphrase: 'another passphrase' });
    await options.reload();
    await importText(exported, FILE_PASS);
    await expect.poll(notice).toBe('Settings imported');
    const gow = await h.send('credentials/get', { platform: 'gow' });
    expect(gow.config).toEqual({ apiKey: DEMO.gow.apiKey, account: 'alice@example.com' });
    expect(gow.secretsSet).toEqual(['secretKey']);
    const test = await h.send('credentials/test', { platform: 'gow' });
    // The environment came back too: the imported keys work against the sandbox.
    expect(test.ok).toBe(true);
  });
});

describe('a damaged vault', () => {
  it('says so in words when unlocking, and keeps the stored data as it was', async () => {
    await h.send('vault/lock', {});
    const page = await openSection(h, 'vault');
    const damaged = await page.evaluate(async () => {
      const { vault } = await chrome.storage.local.get<{ vault: { data: { ct: string } } }>(
        'vault',
      );
      vault.data.ct = vault.data.ct.slice(0, -8) + 'AAAAAAA=';
      await chrome.storage.local.set({ vault });
      return vault;
    });
    await page.reload();
    const section = page.getByTestId('vault');
    await section.getByLabel('Passphrase', { exact: true }).fill('another passphrase');
    await section.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('damaged');
    expect((await h.storage('local')).vault).toEqual(damaged);
    await page.close();
  });
});
