/**
 * The small part of the activity list — Grand Chain rows and the transfers CoinDock started —
 * as one array, newest first. (The BiYong ledger, up to 100,000 rows, stays in IndexedDB and is
 * merged in by position: view.ts.)
 */
import { newestFirst, transferItem, type ActivityItem } from '../../core/activity';
import type { Transfer } from '../../core/transfers';
import { isDecimal, normalizeDecimal } from '../../core/money';

const same = (a: string, b: string) =>
  a === b || (isDecimal(a) && isDecimal(b) && normalizeDecimal(a) === normalizeDecimal(b));

/** How far apart a Grand Chain send CoinDock recorded and its history row may be. */
export const SEND_MATCH_WINDOW_MS = 10 * 60 * 1000;

/**
 * A Grand Chain send CoinDock made shows twice: as its transfer record and, once done, as a
 * "sent" row of the platform's history, which has no order id. A succeeded send record is left
 * out when a history row of the same amount lies within SEND_MATCH_WINDOW_MS of it (each history
 * row accounts for one record at most); pending and failed records always show, since the
 * history cannot say anything about them.
 */
export function mergeOthers(
  grandchain: readonly ActivityItem[],
  transfers: readonly Transfer[],
): ActivityItem[] {
  const unmatchedSent = grandchain.filter((g) => g.kind === 'sent');
  const used = new Set<ActivityItem>();
  const out: ActivityItem[] = [...grandchain];
  // Oldest records first, each taking the closest unused history row.
  for (const t of [...transfers].sort((a, b) => a.createdAt - b.createdAt)) {
    const item = transferItem(t);
    if (t.kind === 'grandchain_send' && t.state === 'succeeded') {
      let best: ActivityItem | undefined;
      for (const g of unmatchedSent) {
        if (used.has(g) || !same(g.amount, item.amount)) continue;
        const d = Math.abs(g.time - item.time);
        if (d <= SEND_MATCH_WINDOW_MS && (!best || d < Math.abs(best.time - item.time))) best = g;
      }
      if (best) {
        used.add(best);
        continue;
      }
    }
    out.push(item);
  }
  return out.sort(newestFirst);
}
