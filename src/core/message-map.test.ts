/**
 * The dispatcher over the real message map: every request is checked against its schema before
 * its handler runs, every message waits for start-up (unless it answers before it), and every
 * message's access is enforced. Handlers are the test's; the map and the dispatcher are real.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasCode, toCoinDockError } from './errors';
import { MESSAGES } from './message-map';
import { MESSAGE_NAMES, contentAt, dispatchTo } from './message-test-kit';
import type { MessageName } from './messages';

const failure = (p: Promise<unknown>) => p.then(() => undefined, toCoinDockError);

// What no message takes: not an object at all.
const notAnObject = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.string(), { minLength: 1 }),
);

describe('every message checks its request before its handler runs', () => {
  it.each(MESSAGE_NAMES)('%s: a payload that is not a request is invalid_input', async (name) => {
    await fc.assert(
      fc.asyncProperty(notAnObject, async (payload) => {
        // Every handler would answer: a refusal can only come from the check.
        const answer = Object.fromEntries(MESSAGE_NAMES.map((n) => [n, async () => undefined]));
        const { sendRaw, called } = dispatchTo(answer);
        const err = await failure(sendRaw(name, payload));
        expect(err?.code).toBe('invalid_input');
        expect(called).toEqual([]);
        // The refusal speaks both languages and never repeats what was sent.
        expect(err?.messages.en).toBeTruthy();
        expect(err?.messages.zh).toBeTruthy();
        if (typeof payload === 'string' && payload.length > 3) {
          expect(JSON.stringify(err?.toJSON())).not.toContain(payload);
        }
      }),
      { numRuns: 20 },
    );
  });

  // One wrong field per message that takes fields: the refusal names the field, not its value.
  const WRONG: Partial<Record<MessageName, [payload: object, field: string]>> = {
    'settings/update': [{ language: 'klingon' }, 'language'],
    'returns/report': [{ url: 42 }, 'url'],
    'ui/open': [{ section: 'nowhere' }, 'section'],
    'settings/export': [{ passphrase: ['SECRET-VALUE'] }, 'passphrase'],
    'settings/import': [{ passphrase: 'SECRET-VALUE' }, 'content'],
    'credentials/get': [{ platform: 'paypal' }, 'platform'],
    'credentials/save': [{ platform: 'fomo', values: { apiKey: 7 } }, 'values.apiKey'],
    'credentials/test': [{}, 'platform'],
    'accounts/connect': [{ platform: 'SECRET-VALUE' }, 'platform'],
    'accounts/disconnect': [{ platform: null }, 'platform'],
    'accounts/dismiss-flow': [{ id: 1 }, 'id'],
    'accounts/profile': [{}, 'platform'],
    'grandchain/register': [
      { email: 'a@b.example', password: 'SECRET-VALUE', nickName: '' },
      'nickName',
    ],
    'grandchain/resend': [{ email: 'not an email' }, 'email'],
    'grandchain/verify': [{ email: 'a@b.example', code: 'abc' }, 'code'],
    'grandchain/login': [{ email: 'a@b.example', password: '' }, 'password'],
    'grandchain/face-token': [{ faceToken: { SECRET: 'VALUE' } }, 'faceToken'],
    'transfers/fomo-pay': [{ direction: 3, amount: '1', coinId: 'BTC' }, 'direction'],
    'transfers/grandchain-send': [{ to: 'a@b.example', amountYuan: '' }, 'amountYuan'],
    'transfers/gow-deposit': [
      {
        legalAmount: '10',
        countryCode: 'USA',
        firstName: 'A',
        middleName: '',
        lastName: 'B',
        birthDate: '1990-01-01',
      },
      'countryCode',
    ],
    'transfers/gow-withdraw': [{ currencyAmount: '10' }, 'receiveAccount'],
    'vault/create': [{ passphrase: 42 }, 'passphrase'],
    'vault/unlock': [{}, 'passphrase'],
    'vault/change-passphrase': [{ oldPassphrase: 'SECRET-VALUE' }, 'newPassphrase'],
    'vault/set-auto-lock': [{ minutes: 1.5 }, 'minutes'],
    'activity/page': [{ offset: 0, limit: 0 }, 'limit'],
    'activity/sync': [{ force: 'yes' }, 'force'],
    'activity/csv': [{ token: 'x'.repeat(65) }, 'token'],
    'activity/receive': [{ orderId: '../../etc' }, 'orderId'],
  };
  // A message without fields refuses fields it does not know.
  const takesNothing = MESSAGE_NAMES.filter((n) => !WRONG[n]);

  it.each(Object.entries(WRONG))(
    '%s: a wrong field is named, its value not repeated',
    async (name, wrong) => {
      const [payload, field] = wrong;
      const { sendRaw, called } = dispatchTo({});
      const err = await failure(sendRaw(name, payload));
      expect(err?.code).toBe('invalid_input');
      expect(called).toEqual([]);
      expect(err?.messages.en).toContain(`“${field}”`);
      expect(err?.messages.zh).toContain(`“${field}”`);
      expect(JSON.stringify(err?.toJSON())).not.toContain('SECRET');
    },
  );

  it.each(takesNothing)('%s: takes nothing, and refuses a field', async (name) => {
    const answer = { [name]: async () => undefined };
    const { sendRaw, called } = dispatchTo(answer);
    expect(await failure(sendRaw(name, { extra: 1 }))).toMatchObject({ code: 'invalid_input' });
    expect(called).toEqual([]);
    // …and with nothing, it reaches its handler.
    await sendRaw(name, {});
    expect(called).toEqual([name]);
  });

  it('the handler receives the checked request (trimmed), not what was sent', async () => {
    let got: unknown;
    const { send } = dispatchTo({
      'grandchain/login': async (req) => {
        got = req;
        return { accounts: {}, flows: [] };
      },
    });
    await send('grandchain/login', { email: '  a@b.example ', password: 'pw' });
    expect(got).toEqual({ email: 'a@b.example', password: 'pw' });
  });
});

describe('start-up is awaited once, by the dispatcher', () => {
  it('a message waits for start-up before its handler runs; a failed start-up fails it', async () => {
    let started!: () => void;
    const ready = new Promise<void>((r) => (started = r));
    const { send, called } = dispatchTo({ 'vault/lock': async () => ({}) as never }, { ready });
    const answer = send('vault/lock', {});
    await new Promise((r) => setTimeout(r, 0));
    expect(called).toEqual([]);
    started();
    await answer;
    expect(called).toEqual(['vault/lock']);

    const failed = dispatchTo(
      { 'vault/lock': async () => ({}) as never },
      {
        ready: Promise.reject(new Error('migration failed')),
      },
    );
    expect(await failure(failed.send('vault/lock', {}))).toMatchObject({ code: 'internal' });
    expect(failed.called).toEqual([]);
  });

  it('only messages defined to answer before start-up do so (opening the options page)', async () => {
    const early = MESSAGE_NAMES.filter((n) => 'beforeReady' in MESSAGES[n]);
    expect(early).toEqual(['ui/open']);
    const { send, called } = dispatchTo(
      { 'ui/open': async () => undefined },
      { ready: new Promise(() => undefined) },
    );
    await send('ui/open', { section: 'vault' });
    expect(called).toEqual(['ui/open']);
  });

  it('a malformed request is refused without waiting for start-up', async () => {
    const { sendRaw } = dispatchTo({}, { ready: new Promise(() => undefined) });
    expect(await failure(sendRaw('vault/unlock', 42))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('access, beside each entry', () => {
  const privileged = MESSAGE_NAMES.filter((n) => MESSAGES[n].access === 'privileged');

  it('content scripts may send only ping, returns/report and ui/open', () => {
    expect(MESSAGE_NAMES.filter((n) => MESSAGES[n].access === 'content').sort()).toEqual([
      'ping',
      'returns/report',
      'ui/open',
    ]);
  });

  it.each(privileged)(
    '%s: refused to a content script before its request is looked at',
    async (name) => {
      const { sendRaw, called } = dispatchTo(
        Object.fromEntries(MESSAGE_NAMES.map((n) => [n, async () => undefined])),
        { sender: contentAt('https://shop.example/') },
      );
      // Even a malformed request is answered forbidden_sender: nothing is said about the schema.
      for (const payload of [{}, 42]) {
        await expect(sendRaw(name, payload)).rejects.toSatisfy((e) =>
          hasCode(e, 'forbidden_sender'),
        );
      }
      expect(called).toEqual([]);
    },
  );
});
