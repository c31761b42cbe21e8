import { describe, expect, it } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import type { Transfer } from '../../core/transfers';
import { createTransferStore } from './transfer-store';

function transfer(over: Partial<Transfer> = {}): Transfer {
  return {
    id: 'T-1',
    platform: 'gow',
    kind: 'gow_withdraw',
    state: 'pending',
    amount: '10',
    token: 'USDT',
    createdAt: 1,
    updatedAt: 1,
    details: {},
    ...over,
  };
}

const newStore = () =>
  createTransferStore(createStore({ local: memoryArea(), session: memoryArea() }));

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
      await transfers.changePending('T-1', (cur) => ({ ...cur, state: 'succeeded' })),
    ).toMatchObject({ state: 'succeeded' });
    expect(
      await transfers.changePending('T-1', (cur) => ({ ...cur, message: { en: 'x', zh: 'x' } })),
    ).toBeUndefined();
    expect((await transfers.get('T-1'))?.message).toBeUndefined();
  });
});
