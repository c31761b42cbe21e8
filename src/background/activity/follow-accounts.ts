/**
 * Activity follows the accounts: when BiYong or Grand Chain is connected (or switches user),
 * its activity is synced at once — whichever page connected it (the popup's consent flow, Grand
 * Chain's sign-in on the options page) — and when an account goes away or its stored details
 * change (Grand Chain's balance), open pages are told to read again.
 *
 * Pure decision here; feature.ts wires it to chrome.storage.onChanged.
 */
import type { Accounts } from '../../core/accounts';
import { adaptersWith } from '../../providers/registry';

/** The platforms whose activity follows their account, each with whose activity an account is
 * (BiYong's openId, Grand Chain's email); none when not connected. */
const SOURCES = adaptersWith('activity');

/**
 * What a change of the stored accounts means for activity: `sync` when a source gained a
 * (new) user, `changed` when a source lost its user or its details changed, else nothing.
 */
export function accountsChange(
  before: Accounts | undefined,
  after: Accounts | undefined,
): 'sync' | 'changed' | undefined {
  let outcome: 'changed' | undefined;
  for (const { id, activity } of SOURCES) {
    const [a, b] = [before?.[id], after?.[id]];
    const identity = (x: typeof a) => (x?.state === 'connected' ? activity.identity(x) : undefined);
    const [ia, ib] = [identity(a), identity(b)];
    if (ib !== undefined && ib !== ia) return 'sync';
    if (ia !== ib || JSON.stringify(a?.details) !== JSON.stringify(b?.details)) outcome = 'changed';
  }
  return outcome;
}
