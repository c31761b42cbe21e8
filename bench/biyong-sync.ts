/**
 * Benchmark: the BiYong ledger sync at its largest (100,000 records, the sandbox's maximum) with
 * the real client over HTTP on loopback into IndexedDB (fake-indexeddb in Node), then a re-sync
 * with nothing new. Prints one JSON object; see bench/README.md.
 *
 *   npx tsx bench/biyong-sync.ts [--records 100000] [--page-size 1000]
 *
 * The sandbox runs in this same process (as in the tests), so time and memory include serving the
 * pages and signing the answers, not only the extension's side.
 */
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { CONTROL, DEMO, PREFIX } from '../sandbox/contract';
import { startSandbox } from '../sandbox/server';
import { createLedgerSync } from '../src/background/sync/biyong-ledger';
import { createIdbLedgerStore } from '../src/background/sync/idb-ledger-store';
import type { LedgerMeta, LedgerStore } from '../src/background/sync/ledger-store';
import type { LedgerRecord } from '../src/core/ledger';
import { SkewClock, type FetchLike } from '../src/core/http';
import { createBiyongClient } from '../src/providers/biyong';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    'page-size': { type: 'string', default: '1000' },
    store: { type: 'string', default: 'idb' },
  },
});
const records = Number(values.records);
const pageSize = Number(values['page-size']);
const storeKind = values.store === 'tail-only' ? 'tail-only' : 'idb';

/**
 * `--store tail-only`: keeps only the meta and the last chunk (all the syncer ever reads back), so
 * the heap shows the syncer's own footprint; fake-indexeddb keeps the whole database in the JS
 * heap, which a browser keeps on disk.
 */
function tailOnlyStore(): LedgerStore {
  let meta: LedgerMeta | undefined;
  let last: [number, LedgerRecord[]] | undefined;
  return {
    readMeta: async () => meta && structuredClone(meta),
    readChunks: async (generation, indices) =>
      indices.map((i) =>
        meta?.generation === generation && last?.[0] === i ? structuredClone(last[1]) : undefined,
      ),
    async commit(c, rev) {
      if ((meta?.rev ?? null) !== rev) throw new Error('conflict');
      meta = structuredClone(c.meta);
      const tail = c.chunks.at(-1);
      if (tail) last = structuredClone(tail);
    },
    async clear() {
      meta = undefined;
      last = undefined;
    },
  };
}

const MB = 1024 * 1024;
let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, quiet: true });
  try {
    const seeded = await fetch(sandbox.origin + CONTROL.seed, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ biyongLedgerSize: records, biyongGrant: ['BALANCE'] }),
    });
    if (!seeded.ok) throw new Error(`seeding failed: HTTP ${seeded.status}`);

    let httpRequests = 0;
    const countingFetch: FetchLike = (input, init) => {
      httpRequests++;
      return fetch(input, init);
    };
    const client = createBiyongClient(
      { fetch: countingFetch, clock: new SkewClock(), baseUrl: sandbox.origin + PREFIX.biyong },
      {
        appId: DEMO.biyong.appId,
        merchantPrivateKey: DEMO.biyong.merchantPrivateKey,
        platformPublicKey: DEMO.biyong.platformPublicKey,
      },
    );
    // Time spent writing to IndexedDB, to tell the store's share from the network's.
    const idb =
      storeKind === 'idb' ? createIdbLedgerStore(`bench-biyong-${process.pid}`) : tailOnlyStore();
    let storeMs = 0;
    const store: LedgerStore = {
      ...idb,
      async commit(c, rev) {
        const t0 = performance.now();
        try {
          await idb.commit(c, rev);
        } finally {
          storeMs += performance.now() - t0;
        }
      },
    };
    const sync = createLedgerSync({
      client,
      store,
      openId: DEMO.biyong.user.openId,
      pageSize,
    });

    // With --expose-gc, heap figures are taken after a full collection: what is really retained.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    sample();
    const heapBefore = process.memoryUsage().heapUsed;
    const sampler = setInterval(sample, 20);
    let t = performance.now();
    const first = await sync.sync();
    const firstSyncMs = performance.now() - t;
    const firstStoreMs = storeMs;
    const requests = httpRequests;

    t = performance.now();
    const again = await sync.sync();
    const resyncMs = performance.now() - t;
    clearInterval(sampler);
    sample();
    gc?.();
    const heapAfter = process.memoryUsage().heapUsed;

    const stored = await sync.status();
    if (first.total !== records || stored.total !== records || again.added !== 0) {
      throw new Error(`expected ${records} records, stored ${stored.total}`);
    }
    console.info(
      JSON.stringify(
        {
          records: stored.total,
          pageSize,
          store: storeKind,
          firstSyncMs: Math.round(firstSyncMs),
          storeMs: Math.round(firstStoreMs),
          pages: first.requests,
          requests,
          resyncRequests: httpRequests - requests,
          resyncMs: Math.round(resyncMs * 10) / 10,
          peakRssMb: Math.round((peakRss / MB) * 10) / 10,
          peakHeapUsedMb: Math.round((peakHeap / MB) * 10) / 10,
          heapBeforeSyncMb: Math.round((heapBefore / MB) * 10) / 10,
          heapAfterSyncMb: Math.round((heapAfter / MB) * 10) / 10,
          gcExposed: gc !== undefined,
        },
        null,
        2,
      ),
    );
  } finally {
    await sandbox.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
