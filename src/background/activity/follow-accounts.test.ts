import { describe, expect, it } from 'vitest';
import type { Account, Accounts } from '../../core/accounts';
import { accountsChange } from './follow-accounts';

const acc = (
  platform: Account['platform'],
  details: Record<string, string>,
  state: Account['state'] = 'connected',
): Account => ({ platform, state, label: 'x', details, connectedAt: 1, updatedAt: 1 });

const by = (openId: string, extra: Record<string, string> = {}) =>
  acc('biyong', { openId, ...extra });
const gc = (email: string, extra: Record<string, string> = {}) =>
  acc('grandchain', { email, ...extra });

describe('accountsChange', () => {
  it('syncs when a source gains a user or switches to another', () => {
    expect(accountsChange(undefined, { biyong: by('o1') })).toBe('sync');
    expect(accountsChange({ biyong: by('o1') }, { biyong: by('o2') })).toBe('sync');
    expect(accountsChange({}, { grandchain: gc('a@x') })).toBe('sync');
    // Back to connected after a reconnection was needed.
    const lost: Accounts = { biyong: acc('biyong', { openId: 'o1' }, 'needs_reconnect') };
    expect(accountsChange(lost, { biyong: by('o1') })).toBe('sync');
  });

  it('only tells pages when a user goes or the stored details change', () => {
    expect(accountsChange({ biyong: by('o1') }, {})).toBe('changed');
    expect(
      accountsChange({ grandchain: gc('a@x') }, { grandchain: gc('a@x', { balanceFen: '5' }) }),
    ).toBe('changed');
  });

  it('ignores what activity does not depend on', () => {
    const same: Accounts = { biyong: by('o1'), grandchain: gc('a@x') };
    expect(accountsChange(same, structuredClone(same))).toBeUndefined();
    expect(accountsChange({}, { fomo: acc('fomo', { userId: '1' }) })).toBeUndefined();
    // The same Grand Chain user, written with another letter case.
    expect(accountsChange({ grandchain: gc('A@x') }, { grandchain: gc('a@X') })).toBe('changed');
  });
});
