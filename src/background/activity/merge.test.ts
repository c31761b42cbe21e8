import { describe, expect, it } from 'vitest';
import type { ActivityItem } from '../../core/activity';
import type { Transfer } from '../../core/transfers';
import { mergeOthers, SEND_MATCH_WINDOW_MS } from './merge';

const T0 = Date.UTC(2026, 0, 1);

function sent(time: number, amount: string, n = 0): ActivityItem {
  return {
    id: `grandchain:${time}|out|${amount}|${n}`,
    platform: 'grandchain',
    kind: 'sent',
    token: 'CNY',
    amount,
    time,
    status: 'done',
    text: { en: 'Grand Chain transfer sent', zh: '大链转出' },
  };
}

function send(id: string, at: number, amount: string, state: Transfer['state']): Transfer {
  return {
    id,
    platform: 'grandchain',
    kind: 'grandchain_send',
    state,
    amount,
    token: 'CNY',
    createdAt: at,
    updatedAt: at,
    details: { fen: '100', step: 'done', outBefore: '0' },
  };
}

describe('mergeOthers', () => {
  it('is newest first across Grand Chain rows and transfers', () => {
    const fomo: Transfer = {
      ...send('f', T0 + 5, '1', 'pending'),
      platform: 'fomo',
      kind: 'fomo_recharge',
      details: { coinId: '3', state: 'st', step: 'opened' },
    };
    const out = mergeOthers([sent(T0 + 10, '-2.00'), sent(T0, '-3.00')], [fomo]);
    expect(out.map((o) => o.time)).toEqual([T0 + 10, T0 + 5, T0]);
  });

  it('shows a succeeded send once: its history row stands for it', () => {
    const out = mergeOthers([sent(T0 + 60_000, '-12.50')], [send('a', T0, '12.5', 'succeeded')]);
    expect(out.map((o) => o.id)).toEqual([`grandchain:${T0 + 60_000}|out|-12.50|0`]);
  });

  it('keeps pending and failed sends, sends of another amount and sends outside the window', () => {
    const out = mergeOthers(
      [sent(T0, '-12.50')],
      [
        send('p', T0, '12.50', 'pending'),
        send('f', T0, '12.50', 'failed'),
        send('other', T0, '1.00', 'succeeded'),
        send('late', T0 + SEND_MATCH_WINDOW_MS + 1, '12.50', 'succeeded'),
      ],
    );
    expect(out.map((o) => o.id).sort()).toEqual(
      [
        `grandchain:${T0}|out|-12.50|0`,
        'transfer:f',
        'transfer:late',
        'transfer:other',
        'transfer:p',
      ].sort(),
    );
  });

  it('lets one history row account for one send only', () => {
    const out = mergeOthers(
      [sent(T0, '-5.00')],
      [send('a', T0 - 1000, '5', 'succeeded'), send('b', T0 + 1000, '5', 'succeeded')],
    );
    expect(out.filter((o) => o.id.startsWith('transfer:'))).toHaveLength(1);
    expect(out).toHaveLength(2);
  });
});
