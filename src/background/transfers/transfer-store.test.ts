import { describe, expect, it } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import type { CoinDockError } from '../../core/errors';
import type { GowOrderTransfer } from '../../core/transfers';
import { isGowOrder } from '../../core/transfer-kinds';
import { createTransferStore } from './transfer-store';

function transfer(over: Partial<GowOrderTransfer> = {}): GowOrderTransfer {
  return {
    id: 'T-1',
    platform: 'gow',
    kind: 'gow_withdraw',
    state: 'pending',
    amount: '10',
    token: 'USDT',
    createdAt: 1,
    updatedAt: 1,
    details: { step: 'placed' },
    ...over,
  };
}

const newStore = () =>
  createTransferStore(
    createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() }),
  );

describe('transfer store', () => {
  it('a final state is never changed into another one, whoever asks', async () => {
    const transfers = newStore();
    for (const final of ['succeeded', 'failed'] as const) {
      const id = `T-${final}`;
      await transfers.insert(transfer({ id, state: final, statusCode: '5' }));
      for (const to of ['pending', final === 'succeeded' ? 'failed' : 'succeeded'] as const) {
        const r = await transfers.change(id, (cur) => ({ ...cur, state: to, statusCode: '1' }));
        expect(r).toBeUndefined();
        expect(await transfers.get(id)).toMatchObject({ state: final, statusCode: '5' });
      }
      // What does not touch the state (being told it finished) still applies.
      expect(await transfers.change(id, (cur) => ({ ...cur, notifiedAt: 7 }))).toMatchObject({
        state: final,
        notifiedAt: 7,
      });
    }
  });

  it('changePending applies only while pending', async () => {
    const transfers = newStore();
    await transfers.insert(transfer());
    expect(
      await transfers.changePending('T-1', isGowOrder, (cur) => ({ ...cur, state: 'succeeded' })),
    ).toMatchObject({ state: 'succeeded' });
    expect(
      await transfers.changePending('T-1', isGowOrder, (cur) => ({
        ...cur,
        message: { en: 'x', zh: 'x' },
      })),
    ).toBeUndefined();
    expect((await transfers.get('T-1'))?.message).toBeUndefined();
  });
});

describe('transfer store, a stored transfer that cannot be read', () => {
  it('is reported once as a typed error, kept as it was, and changes no other transfer', async () => {
    const local = memoryArea();
    const store = createStore({ local, session: memoryArea(), idb: memoryArea() });
    const damaged = { ...transfer({ id: 'T-bad' }), details: { step: 'sending' } };
    await local.set('transfers', { 'T-bad': damaged });
    const reported: CoinDockError[] = [];
    const transfers = createTransferStore(store, (e) => reported.push(e));

    await transfers.insert(transfer());
    expect((await transfers.all()).map((t) => t.id)).toEqual(['T-1']);
    expect(await transfers.all()).toHaveLength(1);
    expect(await transfers.get('T-bad')).toBeUndefined();
    // No change reaches it: there is nothing typed to hand the change to.
    expect(await transfers.change('T-bad', (cur) => ({ ...cur, state: 'failed' }))).toBeUndefined();
    expect(
      await transfers.changePending('T-1', isGowOrder, (cur) => ({ ...cur, state: 'failed' })),
    ).toMatchObject({ id: 'T-1', state: 'failed' });

    expect(reported.map((e) => [e.code, e.messages.en])).toEqual([
      ['internal', 'The saved transfer T-bad could not be read; it is kept as it was'],
    ]);
    const raw = (await local.get('transfers')) as Record<string, unknown>;
    expect(raw['T-bad']).toEqual(damaged);
    expect(Object.keys(raw).sort()).toEqual(['T-1', 'T-bad']);
  });
});
