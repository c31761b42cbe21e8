import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SkewClock } from '../../core/http';
import type { CoinDockError } from '../../core/errors';
import { buildFomoPayUrl, fomoPaySign, type FomoPayParams } from './pay';

const CREDS = { clientId: 'app_1', clientSecret: 'top-secret-xyz' };
const BASE = 'http://39.108.51.7/fomo/';
const NOW_MS = 1_700_000_123_999;

const recharge: FomoPayParams = {
  direction: 1,
  tradeId: 'T-1001',
  amount: '12.50',
  coinId: '3',
  userId: '10001',
  accessToken: 'AT-abc',
  serverUri: 'https://shop.example/cb',
  redirectUri: 'https://shop.example/return',
  state: 'st8',
};

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

async function caught(p: Promise<unknown>): Promise<CoinDockError> {
  try {
    await p;
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('expected a rejection');
}

describe('FOMO pay sign (docs/providers/fomo.md, Signing)', () => {
  it('is lowercase hex SHA-1 of secret followed by the seconds as decimal', async () => {
    for (const ts of [0, 1_700_000_123, 9_999_999_999]) {
      expect(await fomoPaySign(CREDS.clientSecret, ts)).toBe(sha1(CREDS.clientSecret + String(ts)));
    }
    expect(await fomoPaySign('密钥', 5)).toBe(sha1('密钥5'));
  });
});

describe('FOMO pay page URL', () => {
  it('direction 1: every seed parameter, timestamp in seconds, sign over it', async () => {
    const clock = new SkewClock({ now: () => NOW_MS });
    const url = new URL(await buildFomoPayUrl(BASE, clock, CREDS, recharge));
    expect(url.origin + url.pathname).toBe('http://39.108.51.7/fomo/oauth2/authorize/pay');
    const q = Object.fromEntries(url.searchParams);
    const ts = String(Math.floor(NOW_MS / 1000));
    expect(q).toEqual({
      direction: '1',
      timestamp: ts,
      sign: sha1(CREDS.clientSecret + ts),
      trade_id: 'T-1001',
      amount: '12.50',
      coin_id: '3',
      user_id: '10001',
      access_token: 'AT-abc',
      client_id: 'app_1',
      server_uri: 'https://shop.example/cb',
      redirect_uri: 'https://shop.example/return',
      state: 'st8',
      scope: 'paytoken',
      response_type: 'code',
    });
    expect(url.searchParams.has('front_uri')).toBe(false);
  });

  it('direction 2 carries front_uri and requires it', async () => {
    const clock = new SkewClock({ now: () => NOW_MS });
    const url = new URL(
      await buildFomoPayUrl(BASE, clock, CREDS, {
        ...recharge,
        direction: 2,
        frontUri: 'https://shop.example/front',
      }),
    );
    expect(url.searchParams.get('direction')).toBe('2');
    expect(url.searchParams.get('front_uri')).toBe('https://shop.example/front');
    const e = await caught(buildFomoPayUrl(BASE, clock, CREDS, { ...recharge, direction: 2 }));
    expect(e.code).toBe('invalid_input');
    expect(e.text('en')).toContain('front_uri');
  });

  it('uses the skew-corrected clock, so a resynced offset applies to the page', async () => {
    const clock = new SkewClock({ now: () => NOW_MS });
    clock.offsetMs = 3_600_000;
    const url = new URL(await buildFomoPayUrl(BASE, clock, CREDS, recharge));
    const ts = String(Math.floor((NOW_MS + 3_600_000) / 1000));
    expect(url.searchParams.get('timestamp')).toBe(ts);
    expect(url.searchParams.get('sign')).toBe(sha1(CREDS.clientSecret + ts));
  });

  it('a base URL without a trailing slash still resolves under it', async () => {
    const clock = new SkewClock({ now: () => NOW_MS });
    const url = new URL(await buildFomoPayUrl('http://h.example/fomo', clock, CREDS, recharge));
    expect(url.pathname).toBe('/fomo/oauth2/authorize/pay');
  });

  it.each([
    ['zero amount', { amount: '0' }, 'amount'],
    ['negative amount', { amount: '-1' }, 'amount'],
    ['exponent amount', { amount: '1e2' }, 'amount'],
    ['missing trade_id', { tradeId: '' }, 'trade_id'],
    ['missing access token', { accessToken: '' }, 'access_token'],
    ['missing state', { state: '' }, 'state'],
  ])('rejects %s before building', async (_l, patch, field) => {
    const clock = new SkewClock({ now: () => NOW_MS });
    const e = await caught(buildFomoPayUrl(BASE, clock, CREDS, { ...recharge, ...patch }));
    expect(e.code).toBe('invalid_input');
    expect(e.text('en')).toContain(field);
    expect(e.message).not.toContain(CREDS.clientSecret);
  });
});
