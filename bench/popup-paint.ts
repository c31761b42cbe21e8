/**
 * Benchmark: popup paint time with a full store (issue 5 "Performance": within 1.5× of an empty
 * extension page measured in the same browser run). In real Chromium with the built extension
 * (e2e/harness.ts `launch`, sandbox on an ephemeral port): 5 connected accounts and 10,000
 * activity rows stored (a real BiYong ledger sync from the sandbox), then, alternately, N times:
 *
 * - empty: the extension's popup HTML with script execution disabled (CDP
 *   Emulation.setScriptExecutionDisabled) — the same origin, document and stylesheets, nothing
 *   run: what any extension page costs;
 * - popup: the popup itself, until the portfolio (all 5 account cards with their identity) is on
 *   screen, and until the first activity rows are.
 *
 * Times are the page's own clock (performance.now(), from the navigation's start): for the popup
 * the first animation frame where the condition holds; for the empty page (which, without
 * scripts, gets no frame callbacks to poll with) the end of its load event or its first paint,
 * whichever is later — an earlier point than "painted", so the ratio errs against the popup. Prints one JSON object; see bench/README.md.
 *
 *   npm run build && npx tsx bench/popup-paint.ts [--runs 15] [--rows 10000]
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launch, type Harness } from '../e2e/harness';
import { setUpFiveAccounts } from './setup';

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

async function measureEmpty(h: Harness, url: string): Promise<number> {
  const page = await h.context.newPage();
  // A page in the background may get no animation frames: measure the one in front.
  await page.bringToFront();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await page.goto(url, { waitUntil: 'load' });
  // With scripts disabled a page gets no animation-frame callbacks to poll with: take the end of
  // its load event (every stylesheet applied) or its first paint, whichever is later.
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-paint')[0]?.startTime ?? 0;
    return Math.max(nav.loadEventEnd, paint);
  });
  await cdp.detach();
  await page.close();
  return t;
}

interface PopupTimes {
  portfolio: number;
  activity: number;
  /** First contentful paint (the header, before any data). */
  fcp: number;
}

async function measurePopup(h: Harness, url: string): Promise<PopupTimes> {
  const page = await h.context.newPage();
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'commit' });
  const portfolio = await paintedAt(page, () =>
    document.querySelectorAll('li[data-platform] [data-testid=identity]').length === 5
      ? performance.now()
      : 0,
  );
  const activity = await paintedAt(page, () =>
    document.querySelector('[data-testid=activity-row], [data-testid=activity-empty]')
      ? performance.now()
      : 0,
  );
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  );
  await page.close();
  return { portfolio, activity, fcp };
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(q(0.5)), p90: r(q(0.9)), min: r(s[0]!), max: r(s.at(-1)!) };
}

const h = await launch();
try {
  await setUpFiveAccounts(h, rows);
  const url = `chrome-extension://${h.extensionId}/src/popup/index.html`;
  // One of each first: a cold start of either would skew the comparison.
  await measureEmpty(h, url);
  await measurePopup(h, url);
  const empty: number[] = [];
  const portfolio: number[] = [];
  const activity: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < runs; i++) {
    empty.push(await measureEmpty(h, url));
    const p = await measurePopup(h, url);
    portfolio.push(p.portfolio);
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
        portfolioPaintMs: p,
        activityPaintMs: stats(activity),
        popupFirstContentfulPaintMs: stats(fcp),
        ratioMedian: ratio,
        goalRatio: GOAL_RATIO,
        withinGoal: ratio <= GOAL_RATIO,
      },
      null,
      2,
    ),
  );
} finally {
  await h.close();
}
