/**
 * The pay page URL (recharge and withdraw; docs/providers/fomo.md, Pay page and its return), opened
 * in a browser tab.
 *
 * sign = lowercase hex SHA-1(client_secret + timestamp) (签名计算公式:sha1(client_secrent+timestamp)),
 * the timestamp as a decimal string of Unix SECONDS (docs/providers/fomo.md, Signing: a decision;
 * the seed says only "valid 10 minutes"). The timestamp comes from the context clock, so an offset
 * learned from a FOMO code 8 applies to the next page too.
 */
import { errors } from '../../core/errors';
import type { Clock } from '../../core/http';
import { sha1Hex } from '../../core/hash';
import { isDecimal, normalizeDecimal } from '../../core/money';
import { FOMO_ENDPOINTS } from './description';
import { fomoUrl, type FomoAppCredentials } from './oauth';

/** 1 = the user pays the merchant (recharge); 2 = the merchant pays the user (withdraw). */
export type FomoDirection = 1 | 2;

export interface FomoPayParams {
  direction: FomoDirection;
  tradeId: string;
  /** Decimal string, > 0. */
  amount: string;
  coinId: string;
  userId: string;
  accessToken: string;
  serverUri: string;
  redirectUri: string;
  /** Required for direction 2 (where the browser lands afterwards). */
  frontUri?: string;
  state: string;
}

/** Seed formula, exposed for tests and for anyone checking a sign. */
export function fomoPaySign(clientSecret: string, timestampSeconds: number): Promise<string> {
  return sha1Hex(clientSecret + String(timestampSeconds));
}

function invalid(field: string, en: string, zh: string): never {
  throw errors.invalid_input(
    { en: `${field}: ${en}`, zh: `${field}：${zh}` },
    { platform: 'fomo', endpoint: FOMO_ENDPOINTS.pay },
  );
}

function required(field: string, value: string | undefined): string {
  if (!value || value.trim() === '') invalid(field, 'is required', '必填');
  return value;
}

export async function buildFomoPayUrl(
  baseUrl: string,
  clock: Clock,
  creds: FomoAppCredentials,
  p: FomoPayParams,
): Promise<string> {
  if (p.direction !== 1 && p.direction !== 2)
    invalid('direction', 'must be 1 or 2', '只能是 1 或 2');
  if (!isDecimal(p.amount) || /^[+-]/.test(p.amount) || normalizeDecimal(p.amount) === '0') {
    invalid('amount', 'must be a positive decimal number', '必须是大于零的十进制数');
  }
  if (p.direction === 2) required('front_uri', p.frontUri);
  const timestamp = Math.floor(clock.now() / 1000);
  const sign = await fomoPaySign(creds.clientSecret, timestamp);
  const q: [string, string][] = [
    ['direction', String(p.direction)],
    ['timestamp', String(timestamp)],
    ['sign', sign],
    ['trade_id', required('trade_id', p.tradeId)],
    ['amount', p.amount],
    ['coin_id', required('coin_id', p.coinId)],
    ['user_id', required('user_id', p.userId)],
    ['access_token', required('access_token', p.accessToken)],
    ['client_id', required('client_id', creds.clientId)],
    ['server_uri', required('server_uri', p.serverUri)],
    ['redirect_uri', required('redirect_uri', p.redirectUri)],
  ];
  if (p.direction === 2 && p.frontUri) q.push(['front_uri', p.frontUri]);
  q.push(['state', required('state', p.state)], ['scope', 'paytoken'], ['response_type', 'code']);
  const url = fomoUrl(baseUrl, FOMO_ENDPOINTS.pay);
  for (const [k, val] of q) url.searchParams.append(k, val);
  return url.toString();
}
