/**
 * Activity follows the accounts: when BiYong or Grand Chain is connected (or switches user),
 * its activity is synced at once — whichever page connected it (the popup's consent flow, Grand
 * Chain's sign-in on the options page) — and when an account goes away or its stored details
 * change (Grand Chain's balance), open pages are told to read again.
 *
 * Pure decision here; feature.ts wires it to chrome.storage.onChanged.
 */
import type { Account, Accounts } from '../../core/accounts';

const SOURCES = ['biyong', 'grandchain'] as const;

/** Whose activity a stored account is: BiYong's openId, Grand Chain's email; none when not connected. */
function identity(p: (typeof SOURCES)[number], a: Account | undefined): string | undefined {
  if (a?.state !== 'connected') return undefined;
  return p === 'biyong' ? a.details.openId : a.details.email?.toLowerCase();
}

/**
 * What a change of the stored accounts means for activity: `sync` when a source gained a
 * (new) user, `changed` when a source lost its user or its details changed, else nothing.
 */
export function accountsChange(
  before: Accounts | undefined,
  after: Accounts | undefined,
): 'sync' | 'changed' | undefined {
  let outcome: 'changed' | undefined;
  for (const p of SOURCES) {
    const [a, b] = [before?.[p], after?.[p]];
    const [ia, ib] = [identity(p, a), identity(p, b)];
    if (ib !== undefined && ib !== ia) return 'sync';
    if (ia !== ib || JSON.stringify(a?.details) !== JSON.stringify(b?.details)) outcome = 'changed';
  }
  return outcome;
}
