import { describe, expect, it } from 'vitest';
import type { GrandchainTrade } from '../../providers/grandchain/records';
import { tradeItems, unreadItems } from './grandchain-items';

const T = '2026-01-02 03:04:05';
const AT = Date.parse('2026-01-02T03:04:05+08:00');

describe('tradeItems', () => {
  it('signs fen as yuan from the user’s side, in China Standard Time', () => {
    const [out, inn] = tradeItems(
      [
        {
          time: T,
          direction: 'out',
          valueFen: 123456n,
          receiver: { nickName: 'Bob', email: 'bob@x' },
        },
        { time: T, direction: 'in', valueFen: 5n, sender: { userId: 9 } },
      ],
      0,
    );
    expect(out).toMatchObject({
      kind: 'sent',
      amount: '-1234.56',
      token: 'CNY',
      time: AT,
      counterparty: 'Bob <bob@x>',
    });
    expect(inn).toMatchObject({ kind: 'received', amount: '0.05', counterparty: '#9' });
  });

  it('gives identical records distinct ids that stay the same when history grows', () => {
    const same: GrandchainTrade = { time: T, direction: 'in', valueFen: 100n };
    const first = tradeItems([same, same], 0).map((i) => i.id);
    const later = tradeItems([same, same, same, { ...same, valueFen: 7n }], 0).map((i) => i.id);
    expect(new Set(first).size).toBe(2);
    expect(later.slice(0, 2)).toEqual(first);
    expect(new Set(later).size).toBe(4);
  });

  it('leaves out records naming neither side as the user; an unreadable time falls back', () => {
    const items = tradeItems(
      [
        { time: T, direction: undefined, valueFen: 1n },
        { time: 'soon', direction: 'in', valueFen: 1n },
      ],
      42,
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.time).toBe(42);
  });
});

describe('unreadItems', () => {
  it('keeps the order id to receive with and says who sent it', () => {
    expect(
      unreadItems([{ orderId: 31, valueFen: 4321n, senderEmail: 'bob@x', createTime: T }], 0)[0],
    ).toMatchObject({
      id: 'grandchain:unread:31',
      kind: 'incoming',
      status: 'unread',
      orderId: '31',
      amount: '43.21',
      counterparty: 'bob@x',
      time: AT,
    });
  });
});
