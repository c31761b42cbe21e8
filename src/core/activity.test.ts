import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ledgerId,
  ledgerItem,
  matchesFilter,
  negate,
  newestFirst,
  parseGrandchainTime,
  transferItem,
  type ActivityItem,
} from './activity';
import * as v from 'valibot';
import { TransferSchema, type Transfer, type TransferKind } from './transfers';

function item(over: Partial<ActivityItem>): ActivityItem {
  return {
    id: 'x',
    platform: 'grandchain',
    kind: 'sent',
    token: 'CNY',
    amount: '-1.00',
    time: 0,
    status: 'done',
    text: { en: 'Grand Chain transfer sent', zh: '大链转出' },
    ...over,
  };
}

/** Each kind's details as its producer writes them. */
const DETAILS: Record<TransferKind, Transfer['details']> = {
  fomo_recharge: { coinId: '3', state: 'st', step: 'opened' },
  fomo_withdraw: { coinId: '3', state: 'st', step: 'opened' },
  grandchain_send: { fen: '300', step: 'done', outBefore: '0' },
  gow_deposit: { step: 'placed' },
  gow_withdraw: { step: 'placed' },
};

/** A transfer of the kind asked (FOMO recharge by default), checked against the stored schema. */
function transfer(over: Partial<Transfer>): Transfer {
  const kind = over.kind ?? 'fomo_recharge';
  return v.parse(TransferSchema, {
    id: 't1',
    platform: 'fomo',
    state: 'pending',
    amount: '12.5',
    token: 'USDT',
    createdAt: 1000,
    updatedAt: 1000,
    details: DETAILS[kind],
    ...over,
    kind,
  });
}

describe('newestFirst', () => {
  it('orders by time descending, then id descending, as a total order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ id: fc.string({ maxLength: 4 }), time: fc.integer({ min: 0, max: 5 }) }),
        ),
        (rows) => {
          const sorted = rows.map((r) => item(r)).sort(newestFirst);
          for (let i = 1; i < sorted.length; i++) {
            const a = sorted[i - 1]!;
            const b = sorted[i]!;
            expect(a.time > b.time || (a.time === b.time && a.id >= b.id)).toBe(true);
          }
        },
      ),
    );
  });

  it('orders same-millisecond ledger rows by their stored position, newest position first', () => {
    const rows = [3, 10, 9, 100, 11].map((p) =>
      ledgerItem({ tokenSymbol: 'BTC', balance: '1', time: 5 }, p),
    );
    expect(rows.sort(newestFirst).map((r) => r.id)).toEqual([100, 11, 10, 9, 3].map(ledgerId));
  });
});

describe('matchesFilter', () => {
  const row = item({
    platform: 'grandchain',
    token: 'CNY',
    counterparty: 'Bob <bob@example.com>',
    text: { en: 'Grand Chain transfer received', zh: '大链转入' },
    amount: '12.50',
  });

  it('filters by platform and token exactly', () => {
    expect(matchesFilter(row, { platform: 'grandchain' })).toBe(true);
    expect(matchesFilter(row, { platform: 'biyong' })).toBe(false);
    expect(matchesFilter(row, { token: 'CNY' })).toBe(true);
    expect(matchesFilter(row, { token: 'cny' })).toBe(false);
    expect(matchesFilter(row, { token: '' })).toBe(true);
  });

  it('searches counterparty, amount and the text in both languages, case-insensitively', () => {
    expect(matchesFilter(row, { query: '  BOB@EXAMPLE ' })).toBe(true);
    expect(matchesFilter(row, { query: '12.5' })).toBe(true);
    expect(matchesFilter(row, { query: 'received' })).toBe(true);
    expect(matchesFilter(row, { query: '转入' })).toBe(true);
    expect(matchesFilter(row, { query: 'carol' })).toBe(false);
    expect(matchesFilter(row, { query: '   ' })).toBe(true);
  });
});

describe('amounts', () => {
  it('negates exactly, leaving zero unsigned', () => {
    expect(negate('1.50')).toBe('-1.50');
    expect(negate('-0.00000001')).toBe('0.00000001');
    expect(negate('0.00')).toBe('0.00');
    expect(negate('-0')).toBe('0');
  });

  it('signs transfers from the account’s side and keeps the typed digits', () => {
    expect(transferItem(transfer({ kind: 'fomo_recharge', amount: '12.50' })).amount).toBe(
      '-12.50',
    );
    expect(transferItem(transfer({ kind: 'fomo_withdraw', amount: '12.50' })).amount).toBe('12.50');
    expect(
      transferItem(transfer({ platform: 'grandchain', kind: 'grandchain_send', amount: '3' }))
        .amount,
    ).toBe('-3');
    expect(
      transferItem(transfer({ platform: 'gow', kind: 'gow_deposit', amount: '100' })).amount,
    ).toBe('100');
    expect(
      transferItem(transfer({ platform: 'gow', kind: 'gow_withdraw', amount: '100' })).amount,
    ).toBe('-100');
  });

  it('describes a transfer with its state and reference in both languages', () => {
    const t = transferItem(transfer({ state: 'succeeded', reference: 'T-9' }));
    expect(t.status).toBe('done');
    expect(t.text.en).toBe('FOMO recharge, completed (T-9)');
    expect(t.text.zh).toBe('FOMO 充值，已完成（T-9）');
    expect(t.id).toBe('transfer:t1');
  });

  it('keeps the ledger’s signed change exactly', () => {
    const r = ledgerItem({ tokenSymbol: 'USDT', balance: '-0.05000000', time: 7 }, 42);
    expect(r).toMatchObject({ amount: '-0.05000000', token: 'USDT', time: 7, platform: 'biyong' });
    expect(r.text.en).toContain('out');
  });
});

describe('parseGrandchainTime', () => {
  it('reads the seed’s "YYYY-MM-DD HH:mm:ss" as China Standard Time (UTC+8)', () => {
    expect(parseGrandchainTime('2018-10-15 23:07:40')).toBe(
      Date.parse('2018-10-15T23:07:40+08:00'),
    );
    expect(parseGrandchainTime('2018-01-01 00:00:00')).toBe(Date.parse('2017-12-31T16:00:00Z'));
  });

  it('takes digits as epoch seconds or milliseconds and rejects anything else', () => {
    expect(parseGrandchainTime('1539616060')).toBe(1539616060000);
    expect(parseGrandchainTime(1539616060123)).toBe(1539616060123);
    expect(parseGrandchainTime('yesterday')).toBeUndefined();
    expect(parseGrandchainTime(undefined)).toBeUndefined();
  });
});
