/**
 * What the account cards show besides their status — BiYong's net flow from the stored ledger
 * with its chart over time, Grand Chain's balance history — as small components the cards mount.
 * Their code (insights.tsx) loads with a dynamic import() once a card mounts, after the portfolio
 * has painted: the popup's first-paint JavaScript stays within its budget (bench/popup-size.ts).
 *
 * BiYong's figures are the sum of the ledger's changes, labelled as such — BiYong gives no
 * balance, and a sum of changes is not one (issue 5, Portfolio).
 *
 * Every shown card reads again whenever stored activity changed (`ledgerSynced`, called by the
 * Activity section): one tiny signal instead of threading state through popup.tsx.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../core/i18n';
import type * as InsightsModule from './insights';

const reloads = new Set<() => void>();

/** Stored activity changed (a sync of any origin): every shown card reads again. */
export function ledgerSynced(): void {
  for (const reload of reloads) reload();
}

/** Call `reload` on every `ledgerSynced`; returns the stop. */
export function onLedgerSynced(reload: () => void): () => void {
  reloads.add(reload);
  return () => void reloads.delete(reload);
}

type Insights = typeof InsightsModule;
let insights: Promise<Insights> | undefined;

/**
 * The insights chunk once loaded (undefined until then). Also used by the Activity section for
 * what it shows only once data has arrived (freshness, transfers to receive).
 */
export function useInsights(): Insights | undefined {
  const [mod, setMod] = useState<Insights>();
  useEffect(() => {
    let live = true;
    insights ??= import('./insights');
    insights.then(
      (m) => live && setMod(m),
      // A chunk that failed to load (the extension was updated under the open popup) is asked
      // for again by the next card that mounts.
      () => (insights = undefined),
    );
    return () => {
      live = false;
    };
  }, []);
  return mod;
}

interface CardProps {
  lang: Lang;
  /** The popup's clock, for "synced 2 min ago" and for holding a balance until now. */
  now: number;
}

/** On BiYong's card while it is connected; nothing until the ledger has records. */
export function BiyongNetFlow(p: CardProps) {
  const m = useInsights();
  return m ? <m.BiyongInsights {...p} follow={onLedgerSynced} /> : null;
}

/** On Grand Chain's card while it is signed in: its balance over time, drawn from its history. */
export function GrandchainBalance(p: CardProps) {
  const m = useInsights();
  return m ? <m.GrandchainInsights {...p} follow={onLedgerSynced} /> : null;
}
