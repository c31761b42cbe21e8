import { describe, expect, it, vi } from 'vitest';
import { SkewClock } from '../../core/http';
import type { Account } from '../../core/accounts';
import type { TokenService } from './tokens';
import { fetchProfile, refresherFor } from './profiles';

const ctx = () => ({ baseUrl: 'https://x.example/', fetch: vi.fn(), clock: new SkewClock() });
const account: Account = {
  platform: 'grandchain',
  state: 'connected',
  label: 'Alice',
  details: { email: 'alice@example.com' },
  connectedAt: 1,
  updatedAt: 1,
};

describe('profiles through the adapters', () => {
  it('keeps the stored profile of a platform whose adapter has no profile capability', async () => {
    const c = ctx();
    const tokens = { withToken: vi.fn() } as unknown as TokenService;
    expect(await fetchProfile('grandchain', account, c, { email: 'a' }, tokens)).toBe(account);
    expect(c.fetch).not.toHaveBeenCalled();
  });

  it('refuses to refresh a token for a platform whose adapter has no refresh', async () => {
    await expect(refresherFor('gow', ctx(), {})('rt')).rejects.toMatchObject({ code: 'internal' });
  });

  it('sends the refresh through the adapter, with the app’s credentials', async () => {
    const c = ctx();
    c.fetch.mockResolvedValue(
      new Response(JSON.stringify({ code: 0, data: { access_token: 'a2', refresh_token: 'r2' } })),
    );
    const stored = {
      clientId: 'app',
      clientSecret: 's',
      redirectUri: 'https://r',
      serverUri: 'https://s',
    };
    await refresherFor('fomo', c, stored)('r1').catch(() => undefined);
    const [url, init] = c.fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toContain('RefreshToken');
    expect(
      `${url} ${typeof init.body === 'string' ? init.body : ((init.body as URLSearchParams | undefined)?.toString() ?? '')}`,
    ).toContain('app');
  });
});
