import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { KEYS } from '../../core/storage-keys';
import { defaultSettings } from '../../core/settings';
import { SkewClock, type FetchLike } from '../../core/http';
import type { Transfer } from '../../core/transfers';
import { createVaultService, secretName } from '../vault-service';
import { credentialsOf } from '../provider-context';
import { createTransferStore } from './transfer-store';
import { recordingNotifier, stubAlarms } from './test-kit';
import { createGowOrders, GOW_POLL_ALARM } from './gow-orders';
import { IN_FLIGHT_MS } from './transfer-store';

let alarms: ReturnType<typeof stubAlarms>['alarms'];
let created: string[];
beforeEach(() => ({ alarms, created } = stubAlarms()));
afterEach(() => vi.unstubAllGlobals());

const PASS = 'correct horse battery';

/** GOW's getOrderDetail answer for each order number, as its status currently stands. */
function gowAnswering(status: Map<string, number>, delay?: () => Promise<void>) {
  const asked: string[] = [];
  const fetch: FetchLike = async (input) => {
    const orderNo = new URL(input).searchParams.get('orderNo') ?? '';
    asked.push(orderNo);
    // An order GOW never received: its "order not found".
    const body = status.has(orderNo)
      ? { code: '000000', data: { orderNo, applyStatus: status.get(orderNo), applyType: 1 } }
      : { code: '000006', msg: 'order not found' };
    // The answer as it stood when asked, arriving late.
    await delay?.();
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, asked };
}

async function setup(status = new Map<string, number>(), delay?: () => Promise<void>) {
  const store = createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() });
  // GOW's public fields live in the settings, its secret key in the vault.
  const settings = defaultSettings();
  settings.platforms.gow.config = { apiKey: 'APIKEY123456', account: 'alice@example.com' };
  await store.set(KEYS.settings, settings);
  const vault = createVaultService(store);
  await vault.create(PASS);
  await vault.write({ [secretName('gow', 'secretKey')]: 'sekret-gow-key' });
  const transfers = createTransferStore(store);
  const notifier = recordingNotifier();
  const gow = gowAnswering(status, delay);
  const orders = createGowOrders({
    transfers,
    notifier,
    context: async () => ({
      baseUrl: 'https://gow.example/api',
      fetch: gow.fetch,
      clock: new SkewClock(),
    }),
    credentials: (p) => credentialsOf(store, vault, p),
  });
  return { vault, transfers, orders, finished: notifier.finishedIds, asked: gow.asked };
}

function order(id: string, over: Partial<Transfer> = {}): Transfer {
  return {
    id,
    platform: 'gow',
    kind: 'gow_deposit',
    state: 'pending',
    amount: '700',
    token: 'PHP',
    createdAt: 1,
    updatedAt: 1,
    reference: id,
    details: { step: 'placed' },
    ...over,
  };
}

describe('GOW order polling', () => {
  it('with the vault locked (a browser restart) a pending order re-arms the alarm and nothing else', async () => {
    const env = await setup(new Map([['GOW-1', 5]]));
    await env.transfers.insert(order('GOW-1'));
    await env.vault.lock();
    // Chrome dropped the alarm when it quit.
    expect(alarms.has(GOW_POLL_ALARM)).toBe(false);

    await expect(env.orders.poll()).resolves.toBeUndefined();
    expect(alarms.get(GOW_POLL_ALARM)).toEqual({ periodInMinutes: 1 });
    expect(env.asked).toEqual([]);
    expect(await env.transfers.get('GOW-1')).toMatchObject({ state: 'pending' });

    // The alarm fires again, still locked: the same no-op, and the alarm is not pushed back.
    await env.orders.poll();
    expect(created.filter((n) => n === GOW_POLL_ALARM)).toHaveLength(1);
    expect(alarms.has(GOW_POLL_ALARM)).toBe(true);

    // Unlocked: the order is queried, becomes final, and the alarm stops in the same poll.
    await env.vault.unlock(PASS);
    await env.orders.poll();
    expect(env.asked).toEqual(['GOW-1']);
    expect(await env.transfers.get('GOW-1')).toMatchObject({ state: 'succeeded', statusCode: '5' });
    expect(env.finished).toEqual(['GOW-1']);
    expect(alarms.has(GOW_POLL_ALARM)).toBe(false);
  });

  it('keeps the alarm while one order of several is still pending', async () => {
    const env = await setup(
      new Map([
        ['GOW-1', 2],
        ['GOW-2', 1],
      ]),
    );
    await env.transfers.insert(order('GOW-1'));
    await env.transfers.insert(order('GOW-2'));
    await env.orders.poll();
    expect(await env.transfers.get('GOW-1')).toMatchObject({ state: 'failed', statusCode: '2' });
    expect(await env.transfers.get('GOW-2')).toMatchObject({ state: 'pending', statusCode: '1' });
    expect(env.finished).toEqual(['GOW-1']);
    expect(alarms.has(GOW_POLL_ALARM)).toBe(true);
  });

  it('stops the alarm when no order is pending, without asking GOW', async () => {
    const env = await setup();
    await env.transfers.insert(order('GOW-9', { state: 'succeeded' }));
    alarms.set(GOW_POLL_ALARM, { periodInMinutes: 1 });
    await env.orders.poll();
    expect(alarms.has(GOW_POLL_ALARM)).toBe(false);
    expect(env.asked).toEqual([]);
  });

  it('other failures than a locked vault still reach the caller', async () => {
    const env = await setup();
    await env.transfers.insert(order('GOW-1'));
    await env.vault.write({ [secretName('gow', 'secretKey')]: undefined });
    await expect(env.orders.poll()).rejects.toMatchObject({ code: 'not_configured' });
    // The order is still followed: the alarm stays for when the key is back.
    expect(alarms.has(GOW_POLL_ALARM)).toBe(true);
  });

  it('an order GOW has not heard of is ended only once it can no longer be on its way', async () => {
    const env = await setup();
    const now = Date.now();
    // Saved a moment ago: this poll may run while it is being placed.
    await env.transfers.insert(order('GOW-new', { details: { step: 'saved' }, updatedAt: now }));
    // Saved long ago and never known placed: a restart cut it off before GOW received it.
    await env.transfers.insert(
      order('GOW-old', { details: { step: 'saved' }, updatedAt: now - IN_FLIGHT_MS - 1000 }),
    );
    // Placed: GOW's "not found" is not a verdict on it either.
    await env.transfers.insert(order('GOW-placed', { details: { step: 'placed' }, updatedAt: 1 }));
    await env.orders.poll();
    expect(env.asked.sort()).toEqual(['GOW-new', 'GOW-old', 'GOW-placed']);
    expect(await env.transfers.get('GOW-new')).toMatchObject({ state: 'pending' });
    expect(await env.transfers.get('GOW-placed')).toMatchObject({ state: 'pending' });
    expect(await env.transfers.get('GOW-old')).toMatchObject({
      state: 'failed',
      message: { en: 'Interrupted before GOW received it; nothing was ordered' },
    });
    expect(env.finished).toEqual(['GOW-old']);
    expect(alarms.has(GOW_POLL_ALARM)).toBe(true);
  });

  it('a slow "pending" answer cannot turn an order another poll found released back to pending', async () => {
    const status = new Map([['GOW-1', 1]]);
    let release!: () => void;
    let delays = 0;
    // Only the first poll's answer is held back.
    const env = await setup(status, () =>
      delays++ === 0 ? new Promise<void>((r) => (release = r)) : Promise.resolve(),
    );
    await env.transfers.insert(order('GOW-1'));
    const slow = env.orders.poll();
    await vi.waitFor(() => expect(env.asked).toEqual(['GOW-1']));
    status.set('GOW-1', 5);
    await env.orders.poll();
    expect(await env.transfers.get('GOW-1')).toMatchObject({ state: 'succeeded', statusCode: '5' });
    release();
    await slow;
    expect(await env.transfers.get('GOW-1')).toMatchObject({ state: 'succeeded', statusCode: '5' });
    expect(env.finished).toEqual(['GOW-1']);
  });
});
