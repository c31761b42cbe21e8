import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LedgerRecord } from '../../core/ledger';
import { balanceHistory, bucketOf, chartTokens, ledgerChart } from './charts-data';
import { makeLedger } from '../sync/test-kit';

const rec = (tokenSymbol: string, balance: string, time: number): LedgerRecord => ({
  tokenSymbol,
  balance,
  time,
});

/** Exact sum, independently: every amount in 1e-18 units. */
function units(amount: string): bigint {
  const neg = amount.startsWith('-');
  const [w, f = ''] = amount.replace(/^[+-]/, '').split('.');
  const v = BigInt(w! + f.padEnd(18, '0'));
  return neg ? -v : v;
}

describe('bucketOf', () => {
  it('cuts [from, to] into equal parts, the last one holding `to`', () => {
    // 0..100 in 4 buckets: [0,25) [25,50) [50,75) [75,100]
    expect([0, 24, 25, 49, 50, 74, 75, 99, 100].map((t) => bucketOf(t, 0, 100, 4))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 3,
    ]);
    // One instant: one bucket.
    expect(bucketOf(5, 5, 5, 24)).toBe(0);
    // Outside the span (never for stored records): clamped.
    expect(bucketOf(-1, 0, 100, 4)).toBe(0);
    expect(bucketOf(101, 0, 100, 4)).toBe(3);
  });
});

describe('ledgerChart', () => {
  it('a hand-checked ledger: cumulative net per bucket, in and out, exactly', () => {
    const view = ledgerChart(
      [
        rec('USDT', '10.5', 0),
        rec('BTC', '0.00000001', 10),
        rec('USDT', '-0.25', 30),
        rec('USDT', '2', 60),
        rec('BTC', '-0.1', 99),
        rec('EOS', '7', 100),
        rec('USDT', '-12.25', 100),
      ],
      2,
      4,
    );
    expect(view).toEqual({
      from: 0,
      to: 100,
      buckets: 4,
      others: 1,
      tokens: [
        {
          token: 'USDT',
          count: 4,
          inflow: '12.5',
          outflow: '-12.5',
          net: '0',
          // [0,25): +10.5 · [25,50): -0.25 · [50,75): +2 · [75,100]: -12.25
          points: ['10.5', '10.25', '12.25', '0'],
        },
        {
          token: 'BTC',
          count: 2,
          inflow: '0.00000001',
          outflow: '-0.1',
          net: '-0.09999999',
          points: ['0.00000001', '0.00000001', '0.00000001', '-0.09999999'],
        },
      ],
    });
  });

  it('0 and 1 records', () => {
    expect(ledgerChart([], 3)).toEqual({ from: null, to: null, buckets: 0, tokens: [], others: 0 });
    expect(ledgerChart([rec('ACT', '-3', 42)], 3)).toEqual({
      from: 42,
      to: 42,
      buckets: 1,
      others: 0,
      tokens: [{ token: 'ACT', count: 1, inflow: '0', outflow: '-3', net: '-3', points: ['-3'] }],
    });
  });

  it('tokens: most records first, then by name; the rest counted', () => {
    expect(
      chartTokens(
        [
          { token: 'B', count: 2 },
          { token: 'A', count: 2 },
          { token: 'C', count: 5 },
          { token: 'D', count: 1 },
        ],
        3,
      ),
    ).toEqual({ tokens: ['C', 'A', 'B'], others: 1 });
  });

  it('property: the last point is the exact sum, in + out = net, points change only by records', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 30 }),
        (n, seed, buckets) => {
          const ledger = makeLedger(n, seed);
          const view = ledgerChart(ledger, 3, buckets);
          for (const t of view.tokens) {
            const mine = ledger.filter((r) => r.tokenSymbol === t.token);
            const sum = mine.reduce((s, r) => s + units(r.balance), 0n);
            expect(units(t.net)).toBe(sum);
            expect(t.points.at(-1)).toBe(t.net);
            expect(units(t.inflow) + units(t.outflow)).toBe(sum);
            expect(t.count).toBe(mine.length);
            expect(t.points).toHaveLength(view.buckets);
            // Each point is the sum of the records up to its bucket's end.
            for (let k = 0; k < view.buckets; k++) {
              const upTo = mine
                .filter((r) => bucketOf(r.time, view.from!, view.to!, view.buckets) <= k)
                .reduce((s, r) => s + units(r.balance), 0n);
              expect(units(t.points[k]!)).toBe(upTo);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('balanceHistory (Grand Chain, fen)', () => {
  it('walks back from the reported balance, and forward past it', () => {
    const view = balanceHistory(
      [
        { time: 100, deltaFen: 5000n }, // received 50.00
        { time: 200, deltaFen: -1234n }, // sent 12.34
        { time: 300, deltaFen: 100n },
        { time: 500, deltaFen: -66n }, // after the report
      ],
      { time: 400, fen: 10_000n },
    );
    // After t=300 the balance is 10000 (the report); before it 9900; before t=200 11134;
    // before t=100 6134. Forward: 10000 - 66.
    expect(view).toEqual({
      reported: { time: 400, fen: '10000' },
      startFen: '6134',
      complete: true,
      points: [
        { time: 100, fen: '11134', deltaFen: '5000' },
        { time: 200, fen: '9900', deltaFen: '-1234' },
        { time: 300, fen: '10000', deltaFen: '100' },
        { time: 500, fen: '9934', deltaFen: '-66' },
      ],
    });
  });

  it('a change at the very time of the report is already in it', () => {
    const v = balanceHistory([{ time: 400, deltaFen: 300n }], { time: 400, fen: 300n });
    expect(v.startFen).toBe('0');
    expect(v.points).toEqual([{ time: 400, fen: '300', deltaFen: '300' }]);
  });

  it('stops where history cannot explain the balance (a top-up outside it)', () => {
    const v = balanceHistory(
      [
        { time: 1, deltaFen: 100n },
        { time: 2, deltaFen: 900n },
        { time: 3, deltaFen: -50n },
      ],
      { time: 10, fen: 500n },
    );
    // 500 after t=3, 550 before it, 550 - 900 < 0 before t=2: older balances unknown.
    expect(v.complete).toBe(false);
    expect(v.startFen).toBeNull();
    expect(v.points.map((p) => [p.time, p.fen])).toEqual([
      [2, '550'],
      [3, '500'],
    ]);
  });

  it('nothing reported yet; a report with no history', () => {
    expect(balanceHistory([{ time: 1, deltaFen: 1n }], null)).toEqual({
      reported: null,
      startFen: null,
      points: [],
      complete: true,
    });
    expect(balanceHistory([], { time: 9, fen: 42n })).toEqual({
      reported: { time: 9, fen: '42' },
      startFen: '42',
      points: [],
      complete: true,
    });
  });

  it('property: consecutive points differ by exactly their change; the report is on the line', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            time: fc.integer({ min: 0, max: 1000 }),
            deltaFen: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        (changes, time, fen) => {
          const v = balanceHistory(changes, { time, fen });
          const pts = v.points;
          for (let i = 1; i < pts.length; i++) {
            expect(BigInt(pts[i]!.fen) - BigInt(pts[i - 1]!.fen)).toBe(BigInt(pts[i]!.deltaFen));
            expect(pts[i]!.time).toBeGreaterThanOrEqual(pts[i - 1]!.time);
          }
          const lastBefore = pts.filter((p) => p.time <= time).at(-1);
          expect(lastBefore ? BigInt(lastBefore.fen) : BigInt(v.startFen ?? fen)).toBe(fen);
          if (v.complete) {
            expect(pts).toHaveLength(changes.length);
            const first = pts[0];
            if (first) expect(BigInt(v.startFen!) + BigInt(first.deltaFen)).toBe(BigInt(first.fen));
            for (const p of pts.filter((q) => q.time <= time))
              expect(BigInt(p.fen)).toBeGreaterThanOrEqual(0n);
          }
        },
      ),
    );
  });
});
