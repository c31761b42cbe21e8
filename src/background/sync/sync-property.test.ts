/**
 * One property over the whole syncer: whatever the ledger, page size, growth between syncs
 * (including records at the newest millisecond) and the points where a worker is stopped, the
 * store ends up holding exactly the platform's ledger, and its sums are exact.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../core/ledger';
import { createLedgerSync, type LedgerSync } from './biyong-ledger';
import { createIdbLedgerStore } from './idb-ledger-store';
import { fakeLedgerClient, freshDbName, independentSums, makeLedger } from './test-kit';

async function readAll(s: LedgerSync): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await s.readPage(offset, 1000);
    out.push(...page.records);
    if (page.records.length < 1000) return out.reverse();
  }
}

const step = fc.record({
  /** Records added to the platform before this sync. */
  grow: fc.nat({ max: 400 }),
  /** Of which this many at the platform's newest millisecond (a repeated or new record there). */
  sameTime: fc.nat({ max: 3 }),
  /** Stop the worker after this many requests (undefined: let it finish). */
  stopAfter: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  seed: fc.nat(),
});

describe('ledger sync property', () => {
  it('ends with exactly the platform ledger, whatever the stops and growth', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        fc.array(step, { minLength: 1, maxLength: 5 }),
        async (pageSize, steps) => {
          const client = fakeLedgerClient([]);
          const store = createIdbLedgerStore(freshDbName('prop'));
          const make = () => createLedgerSync({ client, store, openId: 'o', pageSize });
          for (const s of steps) {
            const last = client.ledger.at(-1);
            const start = last ? last.time : Date.UTC(2022, 0, 1);
            const same: LedgerRecord[] = last
              ? Array.from({ length: s.sameTime }, (_, i) => ({
                  ...last,
                  balance: i % 2 ? last.balance : `${i}.5`,
                }))
              : [];
            client.ledger = [...client.ledger, ...same, ...makeLedger(s.grow, s.seed, start + 1)];
            const ctl = new AbortController();
            const at = client.calls.length + (s.stopAfter ?? Infinity);
            client.before = (n) => {
              if (n === at) ctl.abort();
            };
            await make()
              .sync(ctl.signal)
              .catch((e: unknown) => {
                if (!ctl.signal.aborted) throw e;
              });
          }
          client.before = undefined;
          const final = make();
          await final.sync();
          expect(await readAll(final)).toEqual(client.ledger);
          const sums = independentSums(client.ledger);
          for (const row of await final.summary()) expect(row.net).toBe(sums.get(row.token));
          client.calls.length = 0;
          // Nothing new: the window holds only the records at our newest millisecond, so one
          // request whenever they fit a page (always, at BiYong's 1000 in practice).
          const newest = client.ledger.at(-1)?.time;
          const atNewest = client.ledger.filter((r) => r.time === newest).length;
          expect(await final.sync()).toMatchObject({
            added: 0,
            requests: Math.max(1, Math.ceil(atNewest / pageSize)),
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
