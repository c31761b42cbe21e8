/**
 * Benchmark: the BiYong ledger sync at 100,000 records (issue 5 "Performance") inside the real
 * extension's service worker in real Chromium (e2e/harness.ts `launch`, the sandbox on an
 * ephemeral port), with the worker's memory taken from the browser. bench/biyong-sync.ts measures
 * the same code path in Node; this one measures the built extension.
 *
 * Set-up (e2e/accounts-setup.ts): the sandbox's ledger seeded with `--records` and a BALANCE grant, a
 * vault, BiYong's demo credentials, BiYong stored as connected. Then:
 *
 * - a browser-level CDP session attaches to the worker's target (Target.attachToTarget) and
 *   samples its V8 heap (Runtime.getHeapUsage) every `--interval` ms during the first sync, with
 *   a forced collection (HeapProfiler.collectGarbage) before and after both syncs;
 * - the renderer process the worker runs in (the one with a "ServiceWorker thread", Linux /proc)
 *   has its peak RSS taken from /proc (VmHWM, reset at the start; VmRSS sampled alongside). That
 *   process also holds the extension's open pages (here the harness's idle options page);
 * - the first sync goes through the real message path (`activity/sync` with `force`, as the
 *   popup's Sync button sends it); its wall time is measured at the sender, and every record must
 *   be stored; then a re-sync with nothing new, whose requests the sandbox counts;
 * - `ping` before and after, and the target's detach events, tell whether the worker restarted.
 *
 * Prints one JSON object; see bench/README.md. Exits 1 if a record is missing, the re-sync did
 * not make exactly one ledger request, or the worker restarted.
 *
 *   npm run build && npx tsx bench/biyong-sync-worker.ts [--records 100000] [--interval 25]
 *   npx tsx bench/biyong-sync-worker.ts --collect     # a full collection before every sample
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { launch, type Harness } from '../e2e/harness';
import { CONTROL } from '../sandbox/contract';
import type { ActivityOverview } from '../src/core/activity';
import { BIYONG_MAX_PAGE_SIZE, BIYONG_PATHS } from '../src/providers/biyong/description';
import { biyongConnected, storeConnected, vaultWithBiyong } from '../e2e/accounts-setup';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    interval: { type: 'string', default: '25' },
    collect: { type: 'boolean', default: false },
  },
});
const records = Number(values.records);
const intervalMs = Number(values.interval);
/** Force a full collection before every sample: the peaks become what is retained (slower sync). */
const collectEachSample = values.collect;
const GOAL_MS = 10_000;
const GRANT = ['BALANCE'] as const;
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize: number;
  backingStorageSize: number;
}

/**
 * A DevTools session on the service worker through a browser-level session. Playwright's
 * `newCDPSession` takes only a Page or Frame, and its connection drops messages of flattened
 * sessions it did not create itself, so this uses the non-flattened form: commands go in
 * `Target.sendMessageToTarget`, answers come back in `Target.receivedMessageFromTarget`.
 */
class WorkerSession {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  /** Times the target detached (the worker stopped or crashed) while attached. */
  detaches = 0;
  /** Detached, or the browser session is gone: nothing more will be answered. */
  closed = false;

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      const p = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!p || m.id === undefined) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error.message));
      else p.resolve(m.result);
    });
    browser.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      this.detaches++;
      this.closed = true;
      for (const p of this.pending.values()) p.reject(new Error('The worker target detached'));
      this.pending.clear();
    });
  }

  static async attach(browser: CDPSession, origin: string): Promise<WorkerSession> {
    const { targetInfos } = await browser.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
    if (!target) throw new Error('The extension has no running service worker target');
    const { sessionId } = await browser.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    return new WorkerSession(browser, sessionId);
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    const answer = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    this.browser
      .send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch((e: unknown) => {
        this.closed = true;
        this.pending.get(id)?.reject(e instanceof Error ? e : new Error(String(e)));
        this.pending.delete(id);
      });
    return answer;
  }

  /**
   * V8's heap in use and committed; Blink's (Oilpan) heap and ArrayBuffer backing stores are
   * outside V8's heap and reported apart (`embedderHeapUsedSize`, `backingStorageSize`).
   */
  heapUsage(): Promise<HeapUsage> {
    return this.send<HeapUsage>('Runtime.getHeapUsage');
  }

  /** The heap in use after a full collection: what is really retained. */
  async retainedHeap(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage');
    return (await this.heapUsage()).usedSize;
  }

  async detach(): Promise<void> {
    await this.browser
      .send('Target.detachFromTarget', { sessionId: this.sessionId })
      .catch(() => undefined);
  }
}

/**
 * The renderer process that runs the extension's service worker: the one renderer (among
 * SystemInfo.getProcessInfo's) with a thread Chromium named "ServiceWorker thread" (Linux
 * /proc/<pid>/task/<tid>/comm, cut to 15 characters). Undefined unless exactly one is found. The
 * `--extension-process` switch is not a reliable mark: a spare renderer Chromium started before it
 * knew the site can end up hosting the extension without it.
 */
async function workerRenderer(browser: CDPSession): Promise<number | undefined> {
  const hasWorkerThread = (pid: number) => {
    try {
      return readdirSync(`/proc/${pid}/task`).some((tid) =>
        readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('ServiceWorker'),
      );
    } catch {
      return false;
    }
  };
  try {
    const { processInfo } = await browser.send('SystemInfo.getProcessInfo');
    const found = processInfo.filter((p) => p.type === 'renderer' && hasWorkerThread(p.id));
    return found.length === 1 ? found[0]!.id : undefined;
  } catch {
    return undefined;
  }
}

/** VmRSS and VmHWM (peak RSS since start or the last reset) of a process, in bytes. */
function rss(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const out = { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
    return Number.isFinite(out.rss) && Number.isFinite(out.hwm) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Reset VmHWM to the current RSS (Linux clear_refs 5); false when not allowed. */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples the worker's heap (and the renderer's RSS) until stopped; one request at a time. */
function startSampling(worker: WorkerSession, pid: number | undefined) {
  let stopped = false;
  let samples = 0;
  let peakHeap = 0;
  let peakTotal = 0;
  let peakOutside = 0;
  let peakRss = 0;
  let maxGapMs = 0;
  let last = performance.now();
  const done = (async () => {
    while (!stopped && !worker.closed) {
      const t = performance.now();
      if (collectEachSample)
        await worker.send('HeapProfiler.collectGarbage').catch(() => undefined);
      const u = await worker.heapUsage().catch(() => undefined);
      if (u !== undefined) {
        samples++;
        peakHeap = Math.max(peakHeap, u.usedSize);
        peakTotal = Math.max(peakTotal, u.totalSize);
        peakOutside = Math.max(peakOutside, u.embedderHeapUsedSize + u.backingStorageSize);
        const now = performance.now();
        maxGapMs = Math.max(maxGapMs, now - last);
        last = now;
      }
      if (pid !== undefined) peakRss = Math.max(peakRss, rss(pid)?.rss ?? 0);
      await sleep(Math.max(0, intervalMs - (performance.now() - t)));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { samples, peakHeap, peakTotal, peakOutside, peakRss, maxGapMs };
    },
  };
}

/** Requests the sandbox counted: to the ledger endpoint, and to everything else. */
async function requestCounts(h: Harness): Promise<{ ledger: number; other: number }> {
  const stats = (await h.control(CONTROL.stats)) as {
    requests: Record<string, Record<string, number>>;
  };
  let ledger = 0;
  let other = 0;
  for (const [area, paths] of Object.entries(stats.requests)) {
    for (const [path, n] of Object.entries(paths)) {
      if (area === 'biyong' && path === BIYONG_PATHS.balancePage) ledger += n;
      else other += n;
    }
  }
  return { ledger, other };
}

/** Stored records as the sync reported them and as the worker's own list reads them back. */
async function storedCount(h: Harness, o: ActivityOverview) {
  const by = o.sources.find((s) => s.source === 'biyong');
  if (by?.state !== 'ok') throw new Error(`BiYong ledger did not sync: ${JSON.stringify(by)}`);
  const page = await h.send('activity/page', { offset: records - 1, limit: 1 });
  return { reported: by.count, listed: page.total, last: page.items.length };
}

/** Runs the benchmark and prints its figures; false when the sync's outcome was wrong. */
async function main(h: Harness): Promise<boolean> {
  await vaultWithBiyong(h, {
    records,
    grant: GRANT,
    passphrase: 'bench passphrase for the worker',
  });
  await storeConnected(h, [biyongConnected(GRANT)]);

  const before = await h.send('ping', {});
  const browser = await h.context.browser()!.newBrowserCDPSession();
  const worker = await WorkerSession.attach(browser, `chrome-extension://${h.extensionId}`);
  const pid = await workerRenderer(browser);
  const heapBefore = await worker.retainedHeap();
  const rssBefore = pid === undefined ? undefined : rss(pid);
  const hwmReset = pid !== undefined && resetPeakRss(pid);

  const sampler = startSampling(worker, pid);
  const r0 = await requestCounts(h);
  let t = performance.now();
  const first = await h.send('activity/sync', { force: true });
  const firstSyncMs = performance.now() - t;
  const during = await sampler.stop();
  const r1 = await requestCounts(h);
  const hwm = pid === undefined ? undefined : rss(pid)?.hwm;

  t = performance.now();
  const again = await h.send('activity/sync', { force: true });
  const resyncMs = performance.now() - t;
  const r2 = await requestCounts(h);
  const heapAfter = await worker.retainedHeap();
  const rssAfter = pid === undefined ? undefined : rss(pid);
  const after = await h.send('ping', {});
  const detaches = worker.detaches;
  await worker.detach();
  await browser.detach();

  const stored = await storedCount(h, first);
  const restored = await storedCount(h, again);
  const complete =
    stored.reported === records &&
    stored.listed === records &&
    stored.last === 1 &&
    restored.reported === records;
  const resyncRequests = r2.ledger - r1.ledger;
  const restarted =
    after.workerStarts !== before.workerStarts ||
    after.workerStartedAt !== before.workerStartedAt ||
    detaches !== 0;

  console.info(
    JSON.stringify(
      {
        records: stored.listed,
        pageSize: BIYONG_MAX_PAGE_SIZE,
        pages: r1.ledger - r0.ledger,
        firstSyncMs: Math.round(firstSyncMs),
        resyncRequests,
        resyncOtherRequests: r2.other - r1.other,
        resyncMs: Math.round(resyncMs * 10) / 10,
        peakWorkerHeapUsedMb: mb(during.peakHeap),
        peakWorkerHeapTotalMb: mb(during.peakTotal),
        peakWorkerOutsideHeapMb: mb(during.peakOutside),
        workerHeapBeforeMb: mb(heapBefore),
        workerHeapAfterMb: mb(heapAfter),
        ...(pid !== undefined && rssBefore
          ? {
              rendererRssBeforeMb: mb(rssBefore.rss),
              peakRendererRssMb: mb(Math.max(during.peakRss, hwmReset && hwm ? hwm : 0)),
              peakRendererRssFrom: hwmReset ? 'VmHWM' : 'sampled VmRSS',
              rendererRssAfterMb: mb(rssAfter?.rss ?? 0),
            }
          : {}),
        samples: during.samples,
        sampleIntervalMs: intervalMs,
        collectEachSample,
        maxSampleGapMs: Math.round(during.maxGapMs),
        workerRestarted: restarted,
        goalMs: GOAL_MS,
        withinGoal: complete && firstSyncMs < GOAL_MS && resyncRequests === 1,
      },
      null,
      2,
    ),
  );
  if (!complete) console.error(`expected ${records} records stored, got ${JSON.stringify(stored)}`);
  if (restarted) console.error('The service worker restarted during the benchmark');
  return complete && resyncRequests === 1 && !restarted;
}

const h = await launch();
try {
  if (!(await main(h))) process.exitCode = 1;
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await h.close();
}
