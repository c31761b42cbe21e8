/**
 * Grand Chain from the options page: register (try → emailed code → verify, with resend), sign
 * out and in, face token. The password is used and forgotten: it is nowhere in storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { openSection } from './options-page';
import { CONTROL, DEMO } from '../sandbox/contract';

let h: Harness;
let options: Page;
const EMAIL = 'dora@example.com';
const PASSWORD = 'dora-secret-pass-9';

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: 'correct horse battery staple' });
  options = await openSection(h, 'grandchain');
});
afterAll(async () => {
  await h?.close();
});

const panel = () => options.getByTestId('grandchain');
const notice = () => panel().locator('[role=status], [role=alert]').textContent();
async function outbox(): Promise<{ to: string; code: string }[]> {
  return (
    (await h.control(CONTROL.state)) as { grandchain: { outbox: { to: string; code: string }[] } }
  ).grandchain.outbox;
}

describe('Grand Chain account', () => {
  it('registers with the emailed code (after a resend) and is signed in', async () => {
    await panel().getByRole('tab', { name: 'Create an account' }).click();
    await panel().getByLabel('Email').fill(EMAIL);
    await panel().getByLabel('Nickname').fill('Dora');
    await panel().getByLabel('Password').fill(PASSWORD);
    await panel().getByRole('button', { name: 'Send code' }).click();
    await expect.poll(notice).toBe(`Grand Chain emailed a code to ${EMAIL}.`);
    await panel().getByRole('button', { name: 'Send the code again' }).click();
    await expect.poll(notice).toBe('Code sent again');
    const mails = (await outbox()).filter((m) => m.to === EMAIL);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    await panel().getByLabel('Code from the email').fill(mails.at(-1)!.code);
    await panel().getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => panel().textContent()).toContain('Signed in as Dora');
    const account = (await h.send('accounts/list', {})).accounts.grandchain;
    expect(account).toMatchObject({ state: 'connected', label: 'Dora', details: { email: EMAIL } });
    expect((await h.send('vault/status', {})).secretNames).toContain('grandchain.session');
  });

  it('never stores the password', async () => {
    const dump = JSON.stringify([await h.storage('local'), await h.storage('session')]);
    expect(dump).not.toContain(PASSWORD);
  });

  it('saves a face token to Grand Chain and the vault', async () => {
    await panel().getByLabel('Face token').fill('face_dora_0001');
    await panel().getByRole('button', { name: 'Save face token' }).click();
    await expect.poll(notice).toBe('Face token saved');
    expect((await h.send('vault/status', {})).secretNames).toContain('grandchain.faceToken');
    expect(JSON.stringify(await h.storage('local'))).not.toContain('face_dora_0001');
  });

  it('signs out (forgetting the session) and signs in again; a wrong password is said in words', async () => {
    // Signing out is confirmed first.
    options.once('dialog', (d) => void d.accept());
    await panel().getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => panel().getByRole('tab', { name: 'Sign in' }).count()).toBe(1);
    expect((await h.send('accounts/list', {})).accounts.grandchain).toBeUndefined();
    expect((await h.send('vault/status', {})).secretNames).not.toContain('grandchain.session');

    const alice = DEMO.grandchain.users[0];
    await panel().getByLabel('Email').fill(alice.email);
    await panel().getByLabel('Password').fill('wrong password');
    await panel().getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await expect.poll(notice).toMatch(/password/i);
    await panel().getByLabel('Password').fill(alice.password);
    await panel().getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await expect.poll(() => panel().textContent()).toContain(alice.email);
    expect((await h.send('accounts/list', {})).accounts.grandchain).toMatchObject({
      state: 'connected',
    });
  });

  it('refuses the documented plain-http gateway in words: connection test, sign-in and send', async () => {
    const before = (await h.control(CONTROL.stats)) as { requests: Record<string, unknown> };
    await h.send('settings/update', { platforms: { grandchain: { environment: 'production' } } });
    try {
      const http = /plain http:.*password.*https:/;
      const test = await h.send('credentials/test', { platform: 'grandchain' });
      expect(test.ok).toBe(false);
      expect(test.message.en).toMatch(http);
      expect(test.message.zh).toMatch(/未加密的 http:/);
      await expect(
        h.send('transfers/grandchain-send', {
          to: DEMO.grandchain.users[1].email,
          amountYuan: '1',
        }),
      ).rejects.toThrow(/insecure_transport .*plain http:/);
      expect(await h.send('transfers/list', {})).toEqual([]);

      // Signing out is confirmed first (and needs no Grand Chain: the session is forgotten here).
      options.once('dialog', (d) => void d.accept());
      await panel().getByRole('button', { name: 'Sign out' }).click();
      const alice = DEMO.grandchain.users[0];
      await panel().getByLabel('Email').fill(alice.email);
      await panel().getByLabel('Password').fill(alice.password);
      await panel().getByRole('button', { name: 'Sign in', exact: true }).last().click();
      await expect.poll(notice).toMatch(http);
      expect((await h.send('accounts/list', {})).accounts.grandchain).toBeUndefined();
      // Nothing reached any Grand Chain (the sandbox counts every request it is sent).
      const after = (await h.control(CONTROL.stats)) as { requests: Record<string, unknown> };
      expect(after.requests.grandchain).toEqual(before.requests.grandchain);
    } finally {
      await h.send('settings/update', { platforms: { grandchain: { environment: 'sandbox' } } });
    }
  });

  it('refuses to save a plain-http custom base URL, and says why', async () => {
    const URL = 'http://www.vaskka.com/grand/chain/';
    const stored = async () => (await h.send('settings/get', {})).platforms.grandchain;
    const was = await stored();
    await expect(
      h.send('settings/update', {
        platforms: { grandchain: { environment: 'custom', customBaseUrl: URL } },
      }),
    ).rejects.toThrow(
      /insecure_transport http:\/\/www\.vaskka\.com\/grand\/chain\/ is plain http:/,
    );
    expect(await stored()).toEqual(was);

    // The options page says it at the field, in both languages, and its Save keeps nothing.
    const form = options.getByTestId('credentials-grandchain');
    const help = () => options.locator('#grandchain-customBaseUrl-help').textContent();
    await form.locator('#grandchain-environment').selectOption('custom');
    await form.getByLabel('Custom base URL').fill(URL);
    expect(await help()).toBe(
      'This address is plain http: (not encrypted): CoinDock will not send your keys, sign-in or money over it. Enter Grand Chain’s https:// address (http:// only for this computer: localhost, 127.0.0.1).',
    );
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toMatch(/^Fix the marked fields first/);
    expect(await form.getByLabel('Custom base URL').getAttribute('aria-invalid')).toBe('true');
    const { language } = await h.send('settings/get', {});
    await h.send('settings/update', { language: 'zh-CN' });
    try {
      await expect.poll(help).toMatch(/^此地址是未加密的 http:.*https:\/\//);
    } finally {
      await h.send('settings/update', { language });
    }
    await form.getByRole('button', { name: 'Discard changes' }).click();
    expect(await stored()).toEqual(was);
  });
});
