/**
 * Benchmark: popup paint time with a full store (issue 5 "Performance": within 1.5× of an empty
 * extension page measured in the same browser run). In real Chromium with the built extension
 * (e2e/harness.ts `launch`, sandbox on an ephemeral port): 5 connected accounts and 10,000
 * activity rows stored (a real BiYong ledger sync from the sandbox), then, alternately, N times:
 *
 * - empty: an extension page with the popup's document and stylesheets and one line of static
 *   text, no script (written into a copy of dist/ for the run): what any extension page costs
 *   to get something on screen; its time is its first contentful paint;
 * - popup: the popup itself, until the portfolio (all 5 account cards with their identity) is
 *   painted — from the paint-first snapshot when there is one (src/ui/popup-snapshot.ts), and
 *   separately until the live, interactive cards are — and until the first activity rows are.
 *
 * Paint times are the browser's own paint timestamps (Paint Timing, Element Timing) on the
 * page's clock (from the navigation's start), the same kind of figure for both pages. Prints one
 * JSON object; see bench/README.md.
 *
 *   npm run build && npx tsx bench/popup-paint.ts [--runs 15] [--rows 10000]
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, type Harness } from '../e2e/harness';
import { setUpFiveAccounts } from '../e2e/accounts-setup';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    rows: { type: 'string', default: '10000' },
  },
});
const runs = Number(values.runs);
const rows = Number(values.rows);
const GOAL_RATIO = 1.5;

/**
 * performance.now() at the first animation frame where `probe` returns it (a probe returns 0
 * while its condition does not hold). Probes are functions, not strings: the extension's CSP
 * forbids eval.
 */
async function paintedAt(page: Page, probe: () => number): Promise<number> {
  const handle = await page.waitForFunction(probe, undefined, { polling: 'raf', timeout: 30_000 });
  return await handle.jsonValue();
}

const EMPTY_PAGE = 'bench-empty.html';

/**
 * A copy of dist/ with the empty reference page added: the popup's HTML without its scripts and
 * module preloads (same origin, document and stylesheets), and one line of text to paint.
 */
async function distWithEmptyPage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coindock-bench-dist-'));
  await cp(DIST, dir, { recursive: true });
  const popup = await readFile(join(DIST, 'src/popup/index.html'), 'utf8');
  const empty = popup
    .replace(/<script\b[^>]*>\s*<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace('<div id="app"></div>', '<div id="app"><p>CoinDock</p></div>');
  if (/<script/.test(empty) || !empty.includes('<p>CoinDock</p>')) {
    throw new Error('The popup HTML changed shape: cannot derive the empty reference page');
  }
  await writeFile(join(dir, 'src/popup', EMPTY_PAGE), empty);
  return dir;
}

/** The empty page's first contentful paint, and the end of its load event. */
async function measureEmpty(h: Harness, url: string): Promise<{ paint: number; load: number }> {
  const page = await h.context.newPage();
  // A page in the background may get no frames: measure the one in front.
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  const t = await page.evaluate(
    () =>
      new Promise<{ paint: number; load: number }>((resolve) => {
        new PerformanceObserver((list) => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) resolve({ paint: fcp.startTime, load: nav.loadEventEnd });
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await page.close();
  return t;
}

interface PopupTimes {
  /** All 5 identities on screen: from the snapshot when there is one, else live. */
  portfolio: number;
  /** All 5 identities painted by the live (interactive) popup. */
  live: number;
  /** Whether the snapshot painted them first. */
  fromSnapshot: boolean;
  activity: number;
  /** First contentful paint (the header, before any data). */
  fcp: number;
}

/**
 * Paint timestamps (Element Timing API: the paint's own time, not when a poll noticed it) of the
 * elements marked `elementtiming=<identifier…>`, collected until `count` live ones (exactly `prefix`) have painted.
 */
async function elementPaints(
  page: Page,
  prefix: string,
  count: number,
): Promise<{ identifier: string; time: number }[]> {
  return page.evaluate(
    ([p, n]) =>
      new Promise((resolve, reject) => {
        const seen: { identifier: string; time: number }[] = [];
        const timer = setTimeout(
          () => reject(new Error(`${seen.length}/${n} ${p}* painted`)),
          30_000,
        );
        new PerformanceObserver((list, observer) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            identifier: string;
            renderTime: number;
          })[]) {
            if (e.identifier.startsWith(p)) {
              seen.push({ identifier: e.identifier, time: e.renderTime || e.startTime });
            }
          }
          // The live cards are what every run ends with, snapshot or not.
          if (seen.filter((x) => x.identifier === p).length >= n) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(seen);
          }
        }).observe({ type: 'element', buffered: true });
      }),
    [prefix, count] as const,
  );
}

async function measurePopup(h: Harness, url: string): Promise<PopupTimes> {
  const page = await h.context.newPage();
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'commit' });
  // Every live account card's identity painted (src/popup/account-card.tsx marks them).
  const paints = await elementPaints(page, 'account-identity', 5);
  const live = Math.max(
    ...paints.filter((x) => x.identifier === 'account-identity').map((x) => x.time),
  );
  // With a snapshot (src/ui/popup-snapshot.ts), the portfolio is on screen before that: the
  // snapshot is the page's first content, so its paint is the first contentful paint. Element
  // Timing cannot say it (the snapshot is gone before its entries are reported), so check what
  // the snapshot held (all 5 identities) and that it was shown before that paint.
  const snapshot = await page.evaluate(() => {
    const shown = performance.getEntriesByName('coindock:snapshot-shown')[0] as
      PerformanceMark | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const identities = (shown?.detail as { identities?: number } | undefined)?.identities;
    return shown && fcp !== undefined && fcp >= shown.startTime && identities === 5
      ? fcp
      : Infinity;
  });
  const portfolio = Math.min(live, snapshot);
  // Activity is a tab (loaded after the first paint): chosen as a person would, once the live
  // cards are there; the figure is still from the navigation's start.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = await paintedAt(page, () =>
    document.querySelector('[data-testid=activity-row], [data-testid=activity-empty]')
      ? performance.now()
      : 0,
  );
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  );
  await page.close();
  return { portfolio, live, fromSnapshot: snapshot < live, activity, fcp };
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(q(0.5)), p90: r(q(0.9)), min: r(s[0]!), max: r(s.at(-1)!) };
}

const extensionDir = await distWithEmptyPage();
const h = await launch({ extensionDir });
try {
  await setUpFiveAccounts(h, rows);
  const base = `chrome-extension://${h.extensionId}/src/popup`;
  const url = `${base}/index.html`;
  const emptyUrl = `${base}/${EMPTY_PAGE}`;
  // One of each first: a cold start of either would skew the comparison.
  await measureEmpty(h, emptyUrl);
  await measurePopup(h, url);
  const empty: number[] = [];
  const emptyLoad: number[] = [];
  const portfolio: number[] = [];
  const live: number[] = [];
  let fromSnapshot = 0;
  const activity: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < runs; i++) {
    const e = await measureEmpty(h, emptyUrl);
    empty.push(e.paint);
    emptyLoad.push(e.load);
    const p = await measurePopup(h, url);
    portfolio.push(p.portfolio);
    live.push(p.live);
    if (p.fromSnapshot) fromSnapshot++;
    activity.push(p.activity);
    fcp.push(p.fcp);
  }
  const e = stats(empty);
  const p = stats(portfolio);
  const ratio = Math.round((p.median / e.median) * 100) / 100;
  console.info(
    JSON.stringify(
      {
        runs,
        accounts: 5,
        activityRows: (await h.send('activity/status', {})).total,
        emptyPageMs: e,
        emptyPageLoadEndMs: stats(emptyLoad),
        portfolioPaintMs: p,
        portfolioFromSnapshotRuns: fromSnapshot,
        portfolioLivePaintMs: stats(live),
        activityPaintMs: stats(activity),
        popupFirstContentfulPaintMs: stats(fcp),
        ratioMedian: ratio,
        liveRatioMedian: Math.round((stats(live).median / e.median) * 100) / 100,
        goalRatio: GOAL_RATIO,
        withinGoal: ratio <= GOAL_RATIO,
      },
      null,
      2,
    ),
  );
} finally {
  await h.close();
  await rm(extensionDir, { recursive: true, force: true });
}
