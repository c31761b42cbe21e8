/**
 * BiYong per-token net flow from the stored ledger, on BiYong's portfolio card: the sum of the
 * ledger's changes, labelled as such — BiYong gives no balance, and a sum of changes is not one
 * (issue 5, Portfolio).
 *
 * The card reads the sums when it mounts — an effect, so after the portfolio has painted — and
 * again whenever the Activity section says a sync finished (`ledgerSynced`): one tiny signal
 * instead of threading state through popup.tsx.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../ext/messaging';
import { toCoinDockError, type CoinDockError } from '../../core/errors';
import { errorLang, t, timeAgo, type Lang } from '../../core/i18n';
import { formatDecimal } from '../../core/money';
import { signedForDisplay, type NetFlowView } from '../../core/activity';

/** Tokens shown at a glance; the rest sit behind "N more tokens". */
export const NET_FLOW_SHOWN = 3;

type FlowRow = NetFlowView['rows'][number];

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

const reloads = new Set<() => void>();

/** The Activity section calls this when a sync has finished: every shown net flow reads again. */
export function ledgerSynced(): void {
  for (const reload of reloads) reload();
}

function useNetFlow(): { view?: NetFlowView; error?: CoinDockError } {
  const [state, setState] = useState<{ view?: NetFlowView; error?: CoinDockError }>({});
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      // Only the newest request's answer counts: an older one may arrive after it.
      const mine = ++latest;
      const current = () => live && mine === latest;
      void send('activity/net-flow', {}).then(
        (view) => current() && setState({ view }),
        (e: unknown) => current() && setState((s) => ({ ...s, error: toCoinDockError(e) })),
      );
    };
    load();
    reloads.add(load);
    return () => {
      live = false;
      reloads.delete(load);
    };
  }, []);
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

/** On BiYong's card while it is connected; nothing until the ledger has records. */
export function BiyongNetFlow({ lang, now }: { lang: Lang; now: number }) {
  const { view, error } = useNetFlow();
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
  );
}
