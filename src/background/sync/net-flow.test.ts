import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../core/ledger';
import { addFlows, flowRows } from './net-flow';
import { independentSums } from './test-kit';

const amount = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 18 }))
  .map(([neg, units, scale]) => {
    const s = units.toString().padStart(scale + 1, '0');
    const body = scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
    return neg ? `-${body}` : body;
  });
const record = fc.record({
  tokenSymbol: fc.constantFrom('BTC', 'ETH', 'USDT'),
  balance: amount,
  time: fc.nat(),
});

describe('net flow', () => {
  it('adds up exactly, whatever the scales and however the records are split into pages', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.nat({ max: 60 }), (records, cut) => {
        const once = addFlows({}, records);
        const twice = addFlows(addFlows({}, records.slice(0, cut)), records.slice(cut));
        const expected = independentSums(records);
        for (const flows of [once, twice]) {
          const rows = flowRows(flows);
          expect(rows.map((r) => r.token)).toEqual([...expected.keys()].sort());
          for (const row of rows) {
            expect(row.net).toBe(expected.get(row.token));
            expect(row.count).toBe(records.filter((r) => r.tokenSymbol === row.token).length);
          }
        }
      }),
    );
  });

  it('does not change the totals it was given', () => {
    const before = addFlows({}, [{ tokenSymbol: 'BTC', balance: '1.5', time: 1 }]);
    const copy = structuredClone(before);
    addFlows(before, [{ tokenSymbol: 'BTC', balance: '2.25', time: 2 } satisfies LedgerRecord]);
    expect(before).toEqual(copy);
  });

  it('keeps digits a float would lose', () => {
    const flows = addFlows({}, [
      { tokenSymbol: 'ETH', balance: '0.1', time: 1 },
      { tokenSymbol: 'ETH', balance: '0.2', time: 2 },
      { tokenSymbol: 'ETH', balance: '9007199254740993.000000000000000001', time: 3 },
    ]);
    expect(flowRows(flows)).toEqual([
      { token: 'ETH', net: '9007199254740993.300000000000000001', count: 3 },
    ]);
  });
});
