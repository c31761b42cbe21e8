/**
 * How a ledger record is recognised. BiYong's records carry no id (docs/providers/biyong.md,
 * Endpoints: only tokenSymbol, balance and time), so identity is (time, tokenSymbol, balance,
 * occurrence): two records at the same millisecond with the same token and amount are told apart
 * only by how many of them there are. The sync keeps, for the newest stored time, a multiset of
 * `tokenSymbol + amount` → how many; an incremental query starts at that time inclusive, and each
 * record at that time that matches a remaining occurrence is one we already have.
 *
 * The amount is normalised ("10.320" and "10.32" are the same change) so a platform that switches
 * between writing amounts as strings and as JSON numbers does not duplicate records.
 */
import { normalizeDecimal } from '../../core/money';
import type { LedgerRecord } from '../../core/ledger';

/** Identity of a record within its millisecond. */
export function sameTimeKey(r: LedgerRecord): string {
  // U+0000 cannot appear in a token symbol BiYong sends as JSON text without escaping, and never
  // in a decimal string, so the join is unambiguous.
  return `${r.tokenSymbol}\u0000${normalizeDecimal(r.balance)}`;
}

/** Take one occurrence of `key` out of `set`; false when there was none left. */
export function takeOne(set: Record<string, number>, key: string): boolean {
  const n = set[key] ?? 0;
  if (n <= 0) return false;
  if (n === 1) delete set[key];
  else set[key] = n - 1;
  return true;
}

export function addOne(set: Record<string, number>, key: string): void {
  set[key] = (set[key] ?? 0) + 1;
}

export function isEmpty(set: Record<string, number>): boolean {
  for (const _ in set) return false;
  return true;
}
