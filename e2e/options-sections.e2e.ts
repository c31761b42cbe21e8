/**
 * The options page in sections (issue 11): one section per URL hash, one Save per section with an
 * unsaved state and a warning on leaving, selects for fixed choices, BiYong keys pasted as PEM,
 * field errors that say what is wrong, a wrong GOW secret pointed at its field, sandbox demo keys
 * (and a sandbox that is not there), a confirmed Disconnect, "Forget everything" that resets every
 * form, and hints in words a user understands, in both languages.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { fillField, goToSection, openSection } from './options-page';
import { saveDemoCredentials } from './fixtures';
import { DEMO } from '../sandbox/contract';
import { axeViolations } from './axe';

let h: Harness;
let page: Page;
const PASS = 'correct horse battery staple';

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: PASS });
  await h.send('settings/update', { language: 'en' });
  page = await openSection(h, 'gow');
});
afterAll(async () => {
  await h?.close();
});

const form = (p: string) => page.getByTestId(`credentials-${p}`);
const help = (p: string, key: string) => page.locator(`#${p}-${key}-help`).textContent();
const saveButton = (p: string) => form(p).getByRole('button', { name: 'Save', exact: true });

describe('sections by URL hash', () => {
  it('shows one section at a time, the one the hash names, following hashchange', async () => {
    const headings: Record<string, string> = {
      fomo: 'FOMO',
      gow: 'GOW',
      biyong: 'BiYong',
      grandchain: 'Grand Chain',
      hicoin: 'HiCoin',
      vault: 'Vault',
      backup: 'Backup',
      language: 'Language & environments',
      setup: 'Set up CoinDock',
    };
    for (const [hash, heading] of Object.entries(headings)) {
      await page.evaluate((x) => (location.hash = x), hash);
      await page.locator(`nav a[data-nav="${hash}"][aria-current="page"]`).waitFor();
      expect(await page.locator('main section').count()).toBe(1);
      expect(await page.locator('main h2').first().textContent()).toContain(heading);
    }
    // The in-page banner's older link opens the Grand Chain account.
    await page.evaluate(() => (location.hash = 'accounts'));
    await page.locator('nav a[data-nav="grandchain"][aria-current="page"]').waitFor();
    await goToSection(page, 'gow');
  });
});

describe('one Save per section', () => {
  it('is disabled until something changes, says "unsaved", and warns on leaving', async () => {
    await saveDemoCredentials(h, ['gow']);
    await page.reload();
    await form('gow').waitFor();
    expect(await saveButton('gow').isDisabled()).toBe(true);
    expect(await form('gow').getByTestId('save-state').textContent()).toBe('All changes saved');
    await form('gow').locator('[name=account]').fill('bob@example.com');
    expect(await form('gow').getByTestId('save-state').textContent()).toBe('Unsaved changes');
    expect(await saveButton('gow').isDisabled()).toBe(false);

    // Leaving asks first; "stay" keeps the section and the edit.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.locator('nav a[data-nav="fomo"]').click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe('This section has unsaved changes. Leave without saving them?');
    expect(new URL(page.url()).hash).toBe('#gow');
    expect(await form('gow').locator('[name=account]').inputValue()).toBe('bob@example.com');

    // "Leave" drops the edit: back in the section, the stored value is shown.
    page.once('dialog', (d) => void d.accept());
    await goToSection(page, 'fomo');
    await goToSection(page, 'gow');
    expect(await form('gow').locator('[name=account]').inputValue()).toBe('alice@example.com');
  });

  it('saves settings and keys of the section with the one button', async () => {
    await form('gow').locator('#gow-environment').selectOption('custom');
    await form('gow').getByLabel('Custom base URL').fill(`${h.sandbox.origin}/gow`);
    await form('gow').getByLabel('Return / redirect URLs (one per line)').fill('ftp://x');
    expect(await help('gow', 'returnUrls')).toBe(
      'Line 1 is not a web address starting with http:// or https://',
    );
    // Plain http: to another computer is refused at the field, before any save.
    await form('gow')
      .getByLabel('Return / redirect URLs (one per line)')
      .fill('https://shop.example/back\nhttp://shop.example/return');
    expect(await help('gow', 'returnUrls')).toMatch(/^Line 2 is plain http: \(not encrypted\)/);
    await form('gow').getByLabel('Return / redirect URLs (one per line)').fill('');
    await form('gow').locator('[name=account]').fill('carol@example.com');
    await saveButton('gow').click();
    await expect.poll(() => form('gow').getByRole('status').textContent()).toBe('Saved');
    const settings = await h.send('settings/get', {});
    expect(settings.platforms.gow).toMatchObject({
      environment: 'custom',
      customBaseUrl: `${h.sandbox.origin}/gow`,
    });
    expect((await h.send('credentials/get', { platform: 'gow' })).config.account).toBe(
      'carol@example.com',
    );
    expect(await saveButton('gow').isDisabled()).toBe(true);
    await h.send('settings/update', { platforms: { gow: { environment: 'sandbox' } } });
  });
});

describe('fields', () => {
  it('fixed choices are selects, and the choice is stored', async () => {
    const choices: [string, string, string[]][] = [
      ['hicoin', 'scope', ['snsapi_userinfo', 'snsapi_base']],
      ['biyong', 'hashMode', ['SHA256', 'SHA1', 'SHA384', 'SHA512']],
      ['grandchain', 'revision', ['auto', 'deployed', 'seed']],
    ];
    for (const [p, key, values] of choices) {
      await goToSection(page, p);
      const options = form(p).locator(`select[name=${key}] option:not([disabled])`);
      await expect
        .poll(() => options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
        .toEqual(values);
    }
    await goToSection(page, 'grandchain');
    await fillField(form('grandchain'), 'email', 'alice@example.com');
    await fillField(form('grandchain'), 'revision', 'deployed');
    await saveButton('grandchain').click();
    await expect.poll(() => form('grandchain').getByRole('status').textContent()).toBe('Saved');
    expect((await h.send('credentials/get', { platform: 'grandchain' })).config).toEqual({
      email: 'alice@example.com',
      revision: 'deployed',
    });
  });

  it('errors say what is wrong', async () => {
    await goToSection(page, 'gow');
    await form('gow').locator('[name=apiKey]').fill('ABC1234');
    expect(await help('gow', 'apiKey')).toBe('API key must be at least 8 characters; you typed 7');
    await form('gow').locator('[name=apiKey]').fill('ABC1234$5');
    expect(await help('gow', 'apiKey')).toBe(
      'API key can only contain letters, digits, “_” and “-”; “$” at character 8 is not allowed',
    );
    expect(await form('gow').locator('[name=apiKey]').getAttribute('aria-invalid')).toBe('true');
    await form('gow').getByRole('button', { name: 'Discard changes' }).click();
    await goToSection(page, 'fomo');
    await form('fomo').locator('[name=redirectUri]').fill('shop.example/return');
    expect(await help('fomo', 'redirectUri')).toBe(
      'Registered redirect URL must start with http:// or https://',
    );
    await form('fomo').getByRole('button', { name: 'Discard changes' }).click();
  });

  it('BiYong keys are accepted as PEM (PKCS#8, PKCS#1, SPKI), stored as base64, and work', async () => {
    await goToSection(page, 'biyong');
    const der = (b64: string) => Buffer.from(b64, 'base64');
    const pkcs1Pem = createPrivateKey({
      key: der(DEMO.biyong.merchantPrivateKey),
      format: 'der',
      type: 'pkcs8',
    }).export({ type: 'pkcs1', format: 'pem' }) as string;
    const spkiPem = createPublicKey({
      key: der(DEMO.biyong.platformPublicKey),
      format: 'der',
      type: 'spki',
    }).export({ type: 'spki', format: 'pem' }) as string;
    const f = form('biyong');
    // A public key in the private key's place says so.
    await f.locator('[name=merchantPrivateKey]').fill(spkiPem);
    expect(await help('biyong', 'merchantPrivateKey')).toBe(
      'Merchant private key: This is a public key; paste the private key',
    );
    await f.locator('[name=appId]').fill(DEMO.biyong.appId);
    await f.locator('[name=merchantPrivateKey]').fill(pkcs1Pem);
    await f.locator('[name=platformPublicKey]').fill(spkiPem);
    expect(await help('biyong', 'merchantPrivateKey')).not.toMatch(/Merchant private key:/);
    await saveButton('biyong').click();
    await expect.poll(() => f.getByRole('status').textContent()).toBe('Saved');
    const stored = await h.send('credentials/get', { platform: 'biyong' });
    expect(stored.config.platformPublicKey).toBe(DEMO.biyong.platformPublicKey);
    await f.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => f.locator('[role=status], [role=alert]').textContent(), { timeout: 15_000 })
      .toMatch(/^Connected: signed answer verified/);
  });

  it('a wrong GOW secret is shown on the Secret key field, which gets the focus', async () => {
    await goToSection(page, 'gow');
    const f = form('gow');
    await f.locator('[name=secretKey]').fill('not-the-right-secret');
    await f.getByRole('button', { name: 'Test connection' }).click();
    const expected =
      'GOW refused the signature made with this key: it is not the one issued with this API key (000002)';
    await expect.poll(() => help('gow', 'secretKey'), { timeout: 15_000 }).toBe(expected);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gow-secretKey');
    expect(await f.locator('[name=secretKey]').getAttribute('aria-invalid')).toBe('true');

    // Connect says the same on the same field.
    await page.locator('#gow-apiKey').focus();
    await page.getByTestId('account-gow').getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('gow-secretKey');
    expect(await help('gow', 'secretKey')).toBe(expected);

    // Typing in the field clears the platform's verdict; the right secret connects.
    await f.locator('[name=secretKey]').fill(DEMO.gow.secretKey);
    expect(await help('gow', 'secretKey')).not.toContain('refused');
    await saveButton('gow').click();
    await expect.poll(() => f.getByRole('status').textContent()).toBe('Saved');
  });
});

describe('accounts', () => {
  it('Disconnect is confirmed', async () => {
    await page.getByTestId('account-gow').getByRole('button', { name: 'Connect' }).click();
    const state = () => page.getByTestId('account-gow').getByTestId('account-state').textContent();
    await expect.poll(state).toMatch(/^Connected as /);
    page.once('dialog', (d) => void d.dismiss());
    await page.getByTestId('account-gow').getByRole('button', { name: 'Disconnect' }).click();
    expect((await h.send('accounts/list', {})).accounts.gow?.state).toBe('connected');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('account-gow').getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(state).toBe('Not connected');
    expect((await h.send('accounts/list', {})).accounts.gow).toBeUndefined();
  });
});

describe('sandbox demo keys', () => {
  it('are offered only on the Sandbox environment, and an absent sandbox is said in words', async () => {
    await goToSection(page, 'hicoin');
    const button = () => form('hicoin').getByRole('button', { name: 'Fill in sandbox demo keys' });
    await expect.poll(() => button().count()).toBe(1);
    await form('hicoin').locator('#hicoin-environment').selectOption('test');
    expect(await button().count()).toBe(0);
    await form('hicoin').getByRole('button', { name: 'Discard changes' }).click();

    await h.send('settings/update', { sandboxOrigin: 'http://127.0.0.1:9' });
    await page.reload();
    await button().click();
    await expect
      .poll(() => form('hicoin').getByRole('alert').textContent())
      .toMatch(
        /^The sandbox at http:\/\/127\.0\.0\.1:9 is not reachable\. Start it with npm start/,
      );
    await h.send('settings/update', { sandboxOrigin: h.sandbox.origin });
    await page.reload();
    await button().click();
    await expect
      .poll(() => form('hicoin').locator('[name=appId]').inputValue())
      .toBe(DEMO.hicoin.appId);
    expect(await form('hicoin').locator('[name=scope]').inputValue()).toBe('snsapi_userinfo');
    // Filled, not saved.
    expect((await h.send('credentials/get', { platform: 'hicoin' })).config).toEqual({});
    await form('hicoin').getByRole('button', { name: 'Discard changes' }).click();
  });
});

describe('words a user understands', () => {
  it('no hint cites internal documents, in English or 简体中文; Grand Chain is 大链 in Chinese', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      await h.send('settings/update', { language });
      for (const s of ['fomo', 'gow', 'biyong', 'grandchain', 'hicoin', 'language']) {
        await page.evaluate((x) => (location.hash = x), s);
        await page.locator(`nav a[data-nav="${s}"][aria-current="page"]`).waitFor();
        await page.reload();
        await page.locator('main section').waitFor();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        const text = (await page.locator('body').textContent()) ?? '';
        expect(text, `${language} ${s}`).not.toMatch(/seed \d|§|providers\.md|\/biyong-user\//i);
        if (language === 'zh-CN') {
          const at = text.indexOf('Grand Chain');
          expect(at < 0 ? '' : text.slice(Math.max(0, at - 60), at + 20), s).toBe('');
        }
      }
    }
    await goToSection(page, 'grandchain');
    expect(await page.locator('#grandchain-h').textContent()).toBe('大链');
    expect(await page.locator('nav a[data-nav="grandchain"]').textContent()).toBe('大链');
    await h.send('settings/update', { language: 'en' });
  });
});

describe('state from storage', () => {
  it('follows the vault locked and unlocked elsewhere, and a language chosen elsewhere', async () => {
    await page.reload();
    await goToSection(page, 'gow');
    const secret = form('gow').locator('[name=secretKey]');
    await expect.poll(() => secret.isDisabled()).toBe(false);
    await h.send('vault/lock', {});
    await expect.poll(() => secret.isDisabled()).toBe(true);
    expect(await page.getByTestId('vault-chip').textContent()).toBe('Vault · Locked');
    await h.send('vault/unlock', { passphrase: PASS });
    await expect.poll(() => secret.isDisabled()).toBe(false);
    await h.send('settings/update', { language: 'zh-CN' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await h.send('settings/update', { language: 'en' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

describe('accessibility', () => {
  it('every section has no axe violation, light and dark, with a field error shown', async () => {
    await page.reload();
    await goToSection(page, 'gow');
    await form('gow').locator('[name=apiKey]').fill('short');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), `${scheme} gow with an error`).toEqual([]);
    }
    await form('gow').getByRole('button', { name: 'Discard changes' }).click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const s of ['biyong', 'grandchain', 'vault', 'backup', 'language', 'setup']) {
        await goToSection(page, s);
        expect(await axeViolations(page), `${scheme} ${s}`).toEqual([]);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('forget everything', () => {
  it('is offered only with a vault, and afterwards every form shows nothing of before', async () => {
    await page.reload();
    await goToSection(page, 'vault');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Forget everything' }).click();
    await expect
      .poll(() => page.getByTestId('vault').getByRole('status').textContent())
      .toBe('Everything was erased');
    expect(await page.getByRole('button', { name: 'Forget everything' }).count()).toBe(0);

    // The form in the page is made again from what is stored now: nothing to write back.
    await goToSection(page, 'gow');
    expect(await form('gow').locator('[name=apiKey]').inputValue()).toBe('');
    expect(await form('gow').locator('[name=account]').inputValue()).toBe('');
    expect(await saveButton('gow').isDisabled()).toBe(true);
    const local = await h.storage('local');
    expect(
      (local.settings as { platforms: { gow: { config: object } } } | undefined)?.platforms.gow
        .config ?? {},
    ).toEqual({});
  });
});
