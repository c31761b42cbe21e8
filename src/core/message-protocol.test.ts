import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createDispatcher } from './message-dispatch';
import {
  classifySender,
  createSend,
  typeOnly,
  type Envelope,
  type MapOf,
} from './message-protocol';
import { errors, hasCode, CoinDockError } from './errors';

const self = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const popup = { id: self.id, url: `${self.origin}/src/popup/index.html` };
const content = { id: self.id, url: 'https://shop.example/return?x=1', tab: { id: 3 }, frameId: 0 };

const defs = {
  echo: { req: v.object({ n: v.number() }), res: typeOnly<{ n: number }>(), access: 'content' },
  secret: { req: v.strictObject({}), res: typeOnly<string>(), access: 'privileged' },
  boom: { req: v.strictObject({}), res: typeOnly<string>(), access: 'privileged' },
} as const;
type Map = MapOf<typeof defs>;

function setup() {
  const dispatch = createDispatcher(
    defs,
    {
      echo: async ({ n }) => ({ n: n * 2 }),
      secret: async () => 'for privileged eyes',
      boom: async () => {
        throw new Error('database password is hunter2');
      },
    },
    { self: () => self },
  );
  const sendAs = (sender: object) =>
    createSend<Map>(async (env: Envelope) => dispatch(env, sender));
  return { dispatch, sendAs };
}

describe('classifySender', () => {
  it('trusts extension pages, treats top-frame tabs as content, refuses the rest', () => {
    expect(classifySender(popup, self)).toBe('privileged');
    expect(classifySender(content, self)).toBe('content');
    expect(classifySender({ ...content, frameId: 2 }, self)).toBeUndefined();
    expect(classifySender({ ...content, id: 'other' }, self)).toBeUndefined();
    expect(
      classifySender({ id: self.id, url: 'chrome-extension://other/x.html' }, self),
    ).toBeUndefined();
    expect(
      classifySender({ id: self.id, url: 'file:///etc/passwd', tab: { id: 1 }, frameId: 0 }, self),
    ).toBeUndefined();
  });
});

describe('send / dispatch', () => {
  it('round-trips a typed request and response', async () => {
    const send = setup().sendAs(content);
    expect(await send('echo', { n: 21 })).toEqual({ n: 42 });
  });

  it('refuses privileged messages from a content script with forbidden_sender', async () => {
    const send = setup().sendAs(content);
    await expect(send('secret', {})).rejects.toSatisfy((e) => hasCode(e, 'forbidden_sender'));
    expect(await setup().sendAs(popup)('secret', {})).toBe('for privileged eyes');
  });

  it('rethrows errors by code on the caller side and hides unknown error text', async () => {
    const send = setup().sendAs(popup);
    const err = await send('boom', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoinDockError);
    expect((err as CoinDockError).code).toBe('internal');
    expect(String((err as Error).message)).not.toContain('hunter2');
  });

  it('carries a typed error across with its details', async () => {
    const dispatch = createDispatcher(
      defs,
      {
        echo: async () => {
          throw errors.insufficient_funds(
            { en: 'Not enough BTC', zh: 'BTC 不足' },
            { platform: 'fomo', endpoint: 'pay', platformCode: '30' },
          );
        },
        secret: async () => '',
        boom: async () => '',
      },
      { self: () => self },
    );
    const send = createSend<Map>(async (env) => dispatch(env, content));
    const err = (await send('echo', { n: 1 }).catch((e: unknown) => e)) as CoinDockError;
    expect(err.code).toBe('insufficient_funds');
    expect(err.platform).toBe('fomo');
    expect(err.platformCode).toBe('30');
    expect(err.text('zh')).toBe('BTC 不足');
  });

  it('ignores messages that are not ours and rejects unknown names', async () => {
    const { dispatch, sendAs } = setup();
    expect(dispatch({ hello: 1 }, popup)).toBeUndefined();
    const send = sendAs(popup) as unknown as (n: string, p: unknown) => Promise<unknown>;
    await expect(send('nope', {})).rejects.toSatisfy((e) => hasCode(e, 'invalid_input'));
  });

  it('turns an unreachable background into a typed error', async () => {
    const send = createSend<Map>(() => Promise.reject(new Error('Could not establish connection')));
    await expect(send('echo', { n: 1 })).rejects.toSatisfy((e) => hasCode(e, 'internal'));
  });
});
