/**
 * What the account cards show besides their status, loaded after first paint (net-flow.tsx
 * imports this module dynamically; the popup's first-paint budget counts every static byte):
 * BiYong's net flow per token with its chart over time, and Grand Chain's balance history.
 *
 * The charts are inline SVG (chart-geometry.ts), coloured through the theme's CSS variables (so
 * dark mode follows), each an image with its figures said in words, and every figure also
 * readable as text in a table under "Figures". Their data comes from the worker
 * (activity/ledger-chart, activity/balance-history); each card reads again when activity changed
 * (`follow`, given by net-flow.tsx: importing it here would split it into a chunk of its own).
 *
 * The chart strings live here, in both languages, rather than in i18n/en.ts and zh.ts: the popup
 * loads its language table before first paint and the budget counts it; this chunk loads later.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { send } from '../../ext/messaging';
import { toCoinDockError, type CoinDockError } from '../../core/errors';
import { errorLang, t, timeAgo, type Lang } from '../../core/i18n';
import { PLATFORM_NAMES } from '../../providers/capabilities';
import { fenToYuan, formatDecimal } from '../../core/money';
import { signedForDisplay, type NetFlowView } from '../../core/activity';
import type { BalanceHistoryView, LedgerChartToken, LedgerChartView } from '../../core/charts';
import type { MessageMap } from '../../core/messages';
import { areaPath, asUnits, linePath, stepPath, xPositions, yPositions } from './chart-geometry';
import './insights.css';

// Shown by the Activity section once data has arrived, so loaded with this chunk.
export { SourceStatusList } from './source-status';
export { UnreadList } from './unread-list';

/** Tokens shown at a glance; the rest sit behind "N more tokens". */
export const NET_FLOW_SHOWN = 3;

type FlowRow = NetFlowView['rows'][number];

const WORDS = {
  overTime: { en: 'Over time', zh: '走势' },
  ledgerLabel: {
    en: '{token} net flow, {from} to {to}: {end} in all; highest {max}, lowest {min}',
    zh: '{token} 净流量，{from} 至 {to}：合计 {end}；最高 {max}，最低 {min}',
  },
  inflow: { en: 'in {v}', zh: '流入 {v}' },
  outflow: { en: 'out {v}', zh: '流出 {v}' },
  notDrawn: { en: '{n} more tokens not drawn', zh: '另有 {n} 种币未画出' },
  figures: { en: 'Figures', zh: '数据' },
  until: { en: 'Until', zh: '截至' },
  when: { en: 'When', zh: '时间' },
  change: { en: 'Change', zh: '变动' },
  balance: { en: 'Balance', zh: '余额' },
  balanceTitle: { en: '{platform} balance history', zh: '{platform}余额走势' },
  yuan: { en: '{amount} CNY', zh: '{amount} 元' },
  balanceLabel: {
    en: '{platform} balance from {start} on {from} to {end} on {to}, {n} changes; highest {max}, lowest {min}',
    zh: '{platform}余额从 {from} 的 {start} 到 {to} 的 {end}，共 {n} 次变动；最高 {max}，最低 {min}',
  },
  balanceFlat: {
    en: '{platform} balance {end} since {from}, no change recorded',
    zh: '{platform}余额自 {from} 起为 {end}，没有变动记录',
  },
  balanceNone: {
    en: 'Grand Chain tells CoinDock your balance only with a transfer or a receive: the history appears after the first one.',
    zh: '大链只在转账或收款时告知余额：第一次转账或收款后即可看到余额走势。',
  },
  periodChange: { en: '{delta} over this period', zh: '此期间 {delta}' },
  incomplete: {
    en: 'Earlier balances are unknown: money came in that the history does not list (a top-up).',
    zh: '更早的余额未知：有未列在记录中的入账（例如充值）。',
  },
} as const;

function say(
  lang: Lang,
  key: keyof typeof WORDS,
  params: Record<string, string | number> = {},
): string {
  const text = WORDS[key][lang === 'zh-CN' ? 'zh' : 'en'];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/**
 * The most active tokens first (most records, then by name), split into those shown at once and
 * the rest. A single leftover is shown rather than hidden behind "1 more".
 */
export function splitNetFlow(
  rows: readonly FlowRow[],
  shown = NET_FLOW_SHOWN,
): { top: FlowRow[]; more: FlowRow[] } {
  const sorted = [...rows].sort(
    (a, b) => b.count - a.count || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0),
  );
  const cut = sorted.length > shown + 1 ? shown : sorted.length;
  return { top: sorted.slice(0, cut), more: sorted.slice(cut) };
}

/** "+1,234.5", "-0.05", "0": exact (no float), signed, grouped for the language. */
export function formatNet(net: string, lang: Lang): string {
  const s = formatDecimal(net, lang);
  return s === '0' ? s : signedForDisplay(s);
}

/**
 * What the sums cover, honestly: how many records, the dates of the oldest and newest, and how
 * fresh — or that a sync stopped part-way, so the platform may hold later records.
 * `timeZone` is for tests; people see their own.
 */
export function netFlowSpan(view: NetFlowView, lang: Lang, now: number, timeZone?: string): string {
  const n = view.rows.reduce((sum, r) => sum + r.count, 0);
  const parts: string[] = [];
  if (view.oldestTime !== null && view.newestTime !== null) {
    const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone });
    parts.push(
      t(lang, 'netFlow.span', {
        n: new Intl.NumberFormat(lang).format(n),
        range: dates.formatRange(view.oldestTime, view.newestTime),
      }),
    );
  }
  if (view.partial) parts.push(t(lang, 'netFlow.partial'));
  else if (view.lastSyncedAt !== null) {
    parts.push(t(lang, 'netFlow.synced', { when: timeAgo(lang, view.lastSyncedAt, now) }));
  }
  return parts.join(' · ');
}

/** Bucket k's last moment (its end, the last bucket's end being `to` itself). */
export function bucketEnd(view: LedgerChartView, k: number): number {
  if (view.from === null || view.to === null || view.buckets <= 1) return view.to ?? 0;
  return view.from + Math.floor(((view.to - view.from) * (k + 1)) / view.buckets);
}

type Question = 'activity/net-flow' | 'activity/ledger-chart' | 'activity/balance-history';

/** Call `reload` whenever stored activity changed; returns the stop (net-flow.tsx). */
export type Follow = (reload: () => void) => () => void;

/** Ask the worker now and again whenever activity changed; only the newest answer counts. */
function useWorker<K extends Question>(
  name: K,
  follow: Follow,
): { data?: MessageMap[K]['res']; error?: CoinDockError } {
  const [state, setState] = useState<{ data?: MessageMap[K]['res']; error?: CoinDockError }>({});
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      const mine = ++latest;
      const current = () => live && mine === latest;
      void send(name, {}).then(
        (data) => current() && setState({ data }),
        (e: unknown) => current() && setState((s) => ({ ...s, error: toCoinDockError(e) })),
      );
    };
    load();
    const stop = follow(load);
    return () => {
      live = false;
      stop();
    };
  }, [name, follow]);
  return state;
}

function FlowRows({ lang, rows }: { lang: Lang; rows: FlowRow[] }) {
  const count = new Intl.NumberFormat(lang);
  return (
    <ul class="net-flow-rows">
      {rows.map((r) => (
        <li key={r.token} data-token={r.token}>
          {t(lang, 'activity.netFlowRow', {
            token: r.token,
            net: formatNet(r.net, lang),
            n: count.format(r.count),
          })}
        </li>
      ))}
    </ul>
  );
}

/** Axis dates as precise as the span needs: months over a year, days, or times within two days. */
const dayFormat = (lang: Lang, from: number, to: number) =>
  new Intl.DateTimeFormat(
    lang,
    to - from > 300 * 86_400_000
      ? { year: 'numeric', month: 'short' }
      : to - from > 2 * 86_400_000
        ? { month: 'short', day: 'numeric' }
        : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  );

const tone = (units: bigint) => (units > 0n ? 'up' : units < 0n ? 'down' : 'flat');

/**
 * A line with a soft fill under it, as one image with its figures in words (`label`); `children`
 * are drawn under the line (a zero line), `dot` marks the last point.
 */
function AreaChart(p: {
  class: string;
  width: number;
  height: number;
  label: string;
  line: string;
  baseY: number;
  dot?: [number, number];
  children?: ComponentChildren;
}) {
  const id = useId();
  return (
    <svg
      class={p.class}
      viewBox={`0 0 ${p.width} ${p.height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={p.label}
    >
      <defs>
        <linearGradient id={`${id}g`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" class="fill-top" />
          <stop offset="1" class="fill-bottom" />
        </linearGradient>
      </defs>
      {p.children}
      <path class="area" d={areaPath(p.line, 0, p.width, p.baseY)} fill={`url(#${id}g)`} />
      <path class="line" d={p.line} />
      {p.dot && <circle class="dot" cx={p.dot[0]} cy={p.dot[1]} r="3" />}
    </svg>
  );
}

const SPARK_W = 120;
const SPARK_H = 32;

/** One token's cumulative net flow as a sparkline, with its net, in and out as text beside it. */
function Sparkline(p: { lang: Lang; view: LedgerChartView; token: LedgerChartToken }) {
  const { lang, view, token } = p;
  // The line starts at 0 before the first record, then one point per bucket.
  const values = asUnits(['0', ...token.points]);
  const { ys, zeroY } = yPositions(values, SPARK_H, 3, true);
  const xs = values.map((_, i) => (i / Math.max(1, values.length - 1)) * SPARK_W);
  const line = linePath(xs, ys);
  const net = values.at(-1) ?? 0n;
  const max = values.reduce((a, b) => (b > a ? b : a));
  const min = values.reduce((a, b) => (b < a ? b : a));
  const days = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const show = (u: bigint) => formatNet(token.points[values.indexOf(u) - 1] ?? '0', lang);
  const label = say(lang, 'ledgerLabel', {
    token: token.token,
    from: days.format(view.from ?? 0),
    to: days.format(view.to ?? 0),
    end: formatNet(token.net, lang),
    max: show(max),
    min: show(min),
  });
  return (
    <li class={`spark ${tone(net)}`} data-token={token.token} data-testid="ledger-chart-token">
      <div class="spark-name">
        <strong>{token.token}</strong>
        <span class="spark-net" data-testid="ledger-chart-net">
          {formatNet(token.net, lang)}
        </span>
      </div>
      <AreaChart
        class="spark-svg"
        width={SPARK_W}
        height={SPARK_H}
        label={label}
        line={line}
        baseY={zeroY ?? SPARK_H}
      >
        {zeroY !== null && <line class="zero" x1="0" x2={SPARK_W} y1={zeroY} y2={zeroY} />}
      </AreaChart>
      <span class="spark-flows muted">
        <span>{say(lang, 'inflow', { v: formatNet(token.inflow, lang) })}</span> ·{' '}
        <span>{say(lang, 'outflow', { v: formatNet(token.outflow, lang) })}</span>
      </span>
    </li>
  );
}

/** The ledger's top tokens over its span: sparklines, dates, and the figures as a table. */
export function LedgerChart({ lang, view }: { lang: Lang; view: LedgerChartView }) {
  if (!view.tokens.length || view.from === null || view.to === null) return null;
  const dates = dayFormat(lang, view.from, view.to);
  const full = new Intl.DateTimeFormat(lang, { dateStyle: 'short' });
  const ends = Array.from({ length: view.buckets }, (_, k) => bucketEnd(view, k));
  return (
    <div class="chart" data-testid="ledger-chart">
      <div class="chart-head">
        <span class="chart-title">{say(lang, 'overTime')}</span>
        <span class="muted">{dates.formatRange(view.from, view.to)}</span>
      </div>
      <ul class="sparks">
        {view.tokens.map((tk) => (
          <Sparkline key={tk.token} lang={lang} view={view} token={tk} />
        ))}
      </ul>
      {view.others > 0 && <div class="muted">{say(lang, 'notDrawn', { n: view.others })}</div>}
      <details class="figures">
        <summary>{say(lang, 'figures')}</summary>
        <table data-testid="ledger-chart-table">
          <thead>
            <tr>
              <th scope="col">{say(lang, 'until')}</th>
              {view.tokens.map((tk) => (
                <th key={tk.token} scope="col">
                  {tk.token}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ends.map((end, k) => (
              <tr key={k} data-end={end}>
                <th scope="row">{full.format(end)}</th>
                {view.tokens.map((tk) => (
                  <td key={tk.token}>{formatNet(tk.points[k] ?? '0', lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** On BiYong's card while it is connected: the net flow per token and, under it, the chart. */
export function BiyongInsights(p: { lang: Lang; now: number; follow: Follow }) {
  const { lang, now } = p;
  const { data: view, error } = useWorker('activity/net-flow', p.follow);
  const { data: chart } = useWorker('activity/ledger-chart', p.follow);
  if (!view && error) {
    return (
      <div class="error" data-testid="net-flow-error">
        {t(lang, 'activity.netFlow')}: {error.text(errorLang(lang))}
      </div>
    );
  }
  if (!view?.rows.length) return null;
  const { top, more } = splitNetFlow(view.rows);
  return (
    <>
      <div class="net-flow" role="group" aria-labelledby="net-flow-h" data-testid="biyong-net-flow">
        <div id="net-flow-h" class="net-flow-title">
          {t(lang, 'activity.netFlow')}
        </div>
        <FlowRows lang={lang} rows={top} />
        {more.length > 0 && (
          <details>
            <summary>{t(lang, 'netFlow.more', { n: more.length })}</summary>
            <FlowRows lang={lang} rows={more} />
          </details>
        )}
        <div class="muted net-flow-span" data-testid="net-flow-span">
          {netFlowSpan(view, lang, now)}
        </div>
      </div>
      {chart && <LedgerChart lang={lang} view={chart} />}
    </>
  );
}

const BAL_W = 300;
const BAL_H = 64;

/** Grand Chain's balance over time: a step line from its history, with the figures as text. */
export function BalanceChart(p: { lang: Lang; view: BalanceHistoryView; now: number }) {
  const { lang, view } = p;
  const platform = PLATFORM_NAMES.grandchain[lang];
  const title = say(lang, 'balanceTitle', { platform });
  const yuan = (fen: string) =>
    say(lang, 'yuan', { amount: formatDecimal(fenToYuan(BigInt(fen)), lang) });
  if (!view.reported) {
    return (
      <div class="chart" data-testid="balance-chart">
        <div class="chart-title">{title}</div>
        <p class="muted">{say(lang, 'balanceNone')}</p>
      </div>
    );
  }
  // The line: the balance before the oldest change (when known), after each change, and held
  // until now (or the report, if later).
  const pts = view.points;
  const first = pts[0]?.time ?? view.reported.time;
  const last = Math.max(p.now, view.reported.time, pts.at(-1)?.time ?? 0);
  // A little of the balance before the oldest change, so its step shows.
  const lead = Math.max(1000, Math.round((last - first) / 12));
  const times = [first - lead, ...pts.map((x) => x.time), last];
  const startFen = view.startFen ?? pts[0]?.fen ?? view.reported.fen;
  const endFen = pts.at(-1)?.fen ?? view.reported.fen;
  const fens = [startFen, ...pts.map((x) => x.fen), endFen];
  const values = fens.map((f) => BigInt(f));
  const { ys } = yPositions(values, BAL_H, 6);
  const xs = xPositions(times, times[0]!, last, BAL_W);
  const line = stepPath(xs, ys);
  const dates = dayFormat(lang, times[0]!, last);
  const full = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const brief = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' });
  const delta = BigInt(endFen) - BigInt(startFen);
  let max = values[0]!;
  let min = values[0]!;
  for (const v of values) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const from = full.format(pts[0]?.time ?? view.reported.time);
  const label = pts.length
    ? say(lang, 'balanceLabel', {
        platform,
        start: yuan(startFen),
        from,
        end: yuan(endFen),
        to: full.format(pts.at(-1)!.time),
        n: pts.length,
        max: yuan(max.toString()),
        min: yuan(min.toString()),
      })
    : say(lang, 'balanceFlat', { platform, end: yuan(endFen), from });
  const signedYuan = (fen: bigint) => {
    const s = formatDecimal(fenToYuan(fen), lang);
    return fen > 0n ? `+${s}` : s;
  };
  return (
    <div class={`chart balance ${tone(delta)}`} data-testid="balance-chart">
      <div class="chart-title">{title}</div>
      <div class="chart-head">
        <strong class="chart-big" data-testid="balance-chart-now">
          {yuan(endFen)}
        </strong>
        <span data-testid="balance-chart-delta" class="delta">
          {pts.length ? say(lang, 'periodChange', { delta: signedYuan(delta) }) : ''}
        </span>
      </div>
      <AreaChart
        class="balance-svg"
        width={BAL_W}
        height={BAL_H}
        label={label}
        line={line}
        baseY={BAL_H}
        dot={[xs.at(-1)!, ys.at(-1)!]}
      />
      <div class="chart-axis muted">
        <span>{dates.format(times[0])}</span>
        <span>{dates.format(last)}</span>
      </div>
      {!view.complete && <p class="muted">{say(lang, 'incomplete')}</p>}
      {pts.length > 0 && (
        <details class="figures">
          <summary>{say(lang, 'figures')}</summary>
          <table data-testid="balance-chart-table">
            <thead>
              <tr>
                <th scope="col">{say(lang, 'when')}</th>
                <th scope="col">{say(lang, 'change')}</th>
                <th scope="col">{say(lang, 'balance')}</th>
              </tr>
            </thead>
            <tbody>
              {pts.map((x, i) => (
                <tr key={i} data-fen={x.fen} data-delta-fen={x.deltaFen}>
                  <th scope="row">{brief.format(x.time)}</th>
                  <td>{signedYuan(BigInt(x.deltaFen))}</td>
                  <td>{formatDecimal(fenToYuan(BigInt(x.fen)), lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

/** On Grand Chain's card while it is signed in. */
export function GrandchainInsights(p: { lang: Lang; now: number; follow: Follow }) {
  const { lang, now } = p;
  const { data, error } = useWorker('activity/balance-history', p.follow);
  if (!data && error) {
    return (
      <div class="error" data-testid="balance-chart-error">
        {say(lang, 'balanceTitle', { platform: PLATFORM_NAMES.grandchain[lang] })}:{' '}
        {error.text(errorLang(lang))}
      </div>
    );
  }
  return data ? <BalanceChart lang={lang} view={data} now={now} /> : null;
}
