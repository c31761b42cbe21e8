/**
 * The BiYong simulator (docs/providers/biyong.md), mounted at contract.ts PREFIX.biyong.
 *
 * Order of checks for an API call, and how each failure is told (sandbox/README.md):
 *  1. not POST → HTTP 405, plain text;
 *  2. `AesEncryptMode` present, `AppId` missing or unknown, `RsaSignHashMode` not one of
 *     SHA1/SHA256/SHA384/SHA512, or a malformed frame (short, lying lengths) → plain UTF-8 text
 *     (first byte not 0x00): there is no verified messageId to answer to yet;
 *  3. signature over raw with the merchant's key fails → 100401;
 *  4. timestamp more than ±5 minutes from BiYong's clock → 100400;
 *  5. a messageId seen before within the window (a replayed request) → 100100;
 *  6. the merchant may not call this path (seed option `biyongDeniedApis`) → 100101;
 *  7. JSON that is not an object → 100100; then the endpoint's own checks (100000, 100102).
 * Everything from 3 on is a signed envelope `{status, message, timestamp, data}` over
 * messageId ‖ JSON with BiYong's key and the request's hash.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { DEMO } from '../../contract';
import type { PlatformSim, SeedOptions, SimContext, SimRequest, SimResponse } from '../../types';
import { API, newBiytoken } from './api';
import { AUTH_SCOPES, consentErrorPage, consentPage, type AuthScope } from './consent-page';
import { Ledger, LEDGER_MAX } from './ledger';
import { stringifyWithRaw } from './raw-json';
import { BIYONG_STATUS, BiyongFailure, freshState, grantKey, type BiyongState } from './state';
import {
  DEFAULT_HASH_MODE,
  encodeResponse,
  FrameError,
  HASH_MODES,
  parseRequestFrame,
  privateKeyFromBase64,
  publicKeyFromBase64,
  verifyRaw,
  type RequestFrame,
} from './wire';

export const BIYONG_TIMESTAMP_WINDOW_MS = 5 * 60_000;
/** A biytoken is good for one /biyong-user/auth within 5 minutes. */
export const BIYTOKEN_TTL_MS = 5 * 60_000;

let strayKey: KeyObject | undefined;
/** A key that is not BiYong's, for the `wrong_signature` fault (made once, on first use). */
function wrongKey(): KeyObject {
  strayKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return strayKey;
}

function headerOf(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function text(status: number, message: string): SimResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message };
}

export function createBiyongSim(): PlatformSim {
  let state: BiyongState = freshState();
  const platformKey = privateKeyFromBase64(DEMO.biyong.platformPrivateKey);

  function envelopeJson(
    status: string,
    message: string | undefined,
    data: unknown,
    now: number,
  ): string {
    // Seed 002 返回值统一格式: no `message` on success; timestamp as a string of milliseconds.
    const body: Record<string, unknown> = { status };
    if (message !== undefined) body.message = message;
    body.timestamp = String(now);
    body.data = data;
    return stringifyWithRaw(body);
  }

  function signedReply(
    frame: RequestFrame,
    hashMode: string,
    json: string,
    ctx: SimContext,
  ): SimResponse {
    let messageId: Buffer = Buffer.from(frame.messageId);
    if (ctx.fault('wrong_message_id')) messageId = randomBytes(16);
    else if (ctx.fault('replay_message_id') && state.lastMessageId) messageId = state.lastMessageId;
    const key = ctx.fault('wrong_signature') ? wrongKey() : platformKey;
    state.lastMessageId = Buffer.from(frame.messageId);
    return {
      status: 200,
      headers: { 'content-type': 'application/octet-stream' },
      body: encodeResponse(messageId, json, hashMode, key),
    };
  }

  function api(req: SimRequest, ctx: SimContext): SimResponse {
    if (req.method !== 'POST') return text(405, 'BiYong API calls are POST');
    if (headerOf(req, 'AesEncryptMode')) return text(200, 'AesEncryptMode is not supported here');
    const appId = headerOf(req, 'AppId');
    const merchant = appId ? state.merchants.get(appId) : undefined;
    if (!appId || !merchant) return text(200, 'Unknown AppId');
    const hashMode = headerOf(req, 'RsaSignHashMode') ?? DEFAULT_HASH_MODE;
    if (!(hashMode in HASH_MODES)) return text(200, `Unsupported RsaSignHashMode ${hashMode}`);
    let frame: RequestFrame;
    try {
      frame = parseRequestFrame(req.body);
    } catch (e) {
      if (e instanceof FrameError) return text(200, `Malformed request: ${e.message}`);
      throw e;
    }
    const now = ctx.now();
    const reply = (status: string, message: string | undefined, data: unknown) =>
      signedReply(frame, hashMode, envelopeJson(status, message, data, now), ctx);
    try {
      if (!verifyRaw(frame, hashMode, merchant.publicKey)) {
        return reply(BIYONG_STATUS.signature, 'signature verification failed', null);
      }
      if (Math.abs(frame.timestampMs - now) > BIYONG_TIMESTAMP_WINDOW_MS) {
        return reply(BIYONG_STATUS.timestamp, 'request timestamp too far from server time', null);
      }
      const id = frame.messageId.toString('hex');
      pruneSeen(now);
      if (state.seen.has(id)) return reply(BIYONG_STATUS.callError, 'duplicate messageId', null);
      state.seen.set(id, now);
      const handler = API[req.path];
      if (!handler) return reply(BIYONG_STATUS.callError, `no such API ${req.path}`, null);
      if (merchant.denied.has(req.path)) {
        return reply(BIYONG_STATUS.apiForbidden, 'merchant may not call this API', null);
      }
      let params: unknown;
      try {
        params = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.json));
      } catch {
        return reply(BIYONG_STATUS.callError, 'request JSON invalid', null);
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        return reply(BIYONG_STATUS.callError, 'request JSON must be an object', null);
      }
      const data = handler(params as Record<string, unknown>, { appId, now, state });
      return reply(BIYONG_STATUS.ok, undefined, data);
    } catch (e) {
      if (e instanceof BiyongFailure) return reply(e.status, e.message, null);
      throw e;
    }
  }

  /** Forget messageIds older than twice the window: their timestamps would be refused anyway. */
  function pruneSeen(now: number): void {
    for (const [id, at] of state.seen) {
      if (at >= now - 2 * BIYONG_TIMESTAMP_WINDOW_MS) break; // insertion order = time order
      state.seen.delete(id);
    }
  }

  function authorize(req: SimRequest, ctx: SimContext): SimResponse {
    const html = (status: number, body: string): SimResponse => ({
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body,
    });
    const form = req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
    const url = form.get('url') ?? '';
    const appid = form.get('appid') ?? '';
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return html(400, consentErrorPage('url must be an absolute http(s) URL'));
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return html(400, consentErrorPage('url must be an absolute http(s) URL'));
    }
    if (!state.merchants.has(appid)) return html(400, consentErrorPage('Unknown appid'));
    const user = DEMO.biyong.user;
    if (req.method === 'GET') {
      return html(
        200,
        consentPage({ url, appid, nickname: user.nickname, action: req.url.pathname }),
      );
    }
    if (req.method !== 'POST') return html(405, consentErrorPage('method not allowed'));
    if (form.get('decision') !== 'authorize') {
      target.searchParams.set('biyerror', 'access_denied');
      return { status: 302, headers: { location: target.toString() }, body: '' };
    }
    const scopes = form
      .getAll('scope')
      .filter((s): s is AuthScope => (AUTH_SCOPES as readonly string[]).includes(s));
    const token = newBiytoken();
    state.tokens.set(token, {
      appId: appid,
      openId: user.openId,
      scopes,
      expiresAt: ctx.now() + BIYTOKEN_TTL_MS,
    });
    ctx.count('authorize/granted');
    target.searchParams.set('biytoken', token);
    return { status: 302, headers: { location: target.toString() }, body: '' };
  }

  return {
    id: 'biyong',
    handle(req, ctx) {
      if (req.path === '/authorize') {
        ctx.count(req.path);
        return authorize(req, ctx);
      }
      if (!(req.path in API)) return undefined;
      ctx.count(req.path);
      return api(req, ctx);
    },
    reset() {
      state = freshState();
    },
    seed(opts: SeedOptions, ctx: SimContext) {
      applySeed(state, opts, ctx);
    },
    state() {
      return {
        merchants: [...state.merchants.keys()],
        grants: Object.fromEntries([...state.grants].map(([k, v]) => [k, [...v]])),
        merchantTokens: Object.fromEntries(state.merchantTokens),
        pendingTokens: state.tokens.size,
        ledgerSize: state.ledger.size,
        holdings: state.ledger.holdingsBySymbol(),
        balanceAs: state.balanceAs,
      };
    },
  };
}

/** Seed options of this platform (sandbox/README.md lists them). */
function applySeed(state: BiyongState, opts: SeedOptions, ctx: SimContext): void {
  if (opts.biyongLedgerSize !== undefined) {
    const n = opts.biyongLedgerSize;
    if (!Number.isInteger(n) || n < 0 || n > LEDGER_MAX) {
      throw new RangeError(`biyongLedgerSize must be an integer from 0 to ${LEDGER_MAX}`);
    }
    const days = opts.biyongLedgerDays;
    if (days === undefined) state.ledger = new Ledger(n);
    else {
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 3660) {
        throw new RangeError('biyongLedgerDays must be a whole number of days from 1 to 3660');
      }
      // The last `days` days up to the platform's now: recent enough for a chart over time.
      const end = ctx.now();
      state.ledger = new Ledger(n, undefined, { start: end - days * 86_400_000, end });
    }
  } else if (opts.biyongLedgerDays !== undefined) {
    throw new RangeError('biyongLedgerDays goes with biyongLedgerSize');
  }
  if (opts.biyongAppendLedger !== undefined) {
    const n = opts.biyongAppendLedger;
    if (typeof n !== 'number') throw new TypeError('biyongAppendLedger must be a number');
    state.ledger.append(n, ctx.now());
  }
  const key = opts.biyongMerchantPublicKey;
  if (key !== undefined) {
    // A string replaces the demo AppId's key; {appId, publicKey} registers another merchant.
    const { appId, publicKey } =
      typeof key === 'string'
        ? { appId: DEMO.biyong.appId, publicKey: key }
        : (key as { appId?: unknown; publicKey?: unknown });
    if (typeof appId !== 'string' || typeof publicKey !== 'string') {
      throw new TypeError(
        'biyongMerchantPublicKey must be a base64 SPKI string or {appId, publicKey}',
      );
    }
    const existing = state.merchants.get(appId);
    state.merchants.set(appId, {
      publicKey: publicKeyFromBase64(publicKey),
      denied: existing?.denied ?? new Set(),
    });
  }
  const denied = opts.biyongDeniedApis;
  if (denied !== undefined) {
    if (!Array.isArray(denied) || !denied.every((p) => typeof p === 'string')) {
      throw new TypeError('biyongDeniedApis must be a list of API paths');
    }
    for (const m of state.merchants.values()) m.denied = new Set(denied);
  }
  const grant = opts.biyongGrant;
  if (grant !== undefined) {
    // Skip the consent page: the demo user has granted these scopes to the demo AppId.
    if (
      !Array.isArray(grant) ||
      !grant.every((s) => (AUTH_SCOPES as readonly unknown[]).includes(s))
    ) {
      throw new TypeError(`biyongGrant must list scopes among ${AUTH_SCOPES.join(', ')}`);
    }
    state.grants.set(
      grantKey(DEMO.biyong.appId, DEMO.biyong.user.openId),
      new Set(grant as AuthScope[]),
    );
  }
  const as = opts.biyongBalanceAs;
  if (as !== undefined) {
    if (as !== 'string' && as !== 'number')
      throw new TypeError("biyongBalanceAs must be 'string' or 'number'");
    state.balanceAs = as;
  }
}
