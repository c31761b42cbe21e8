/**
 * The BiYong client: one async method per endpoint of docs/providers/biyong.md (Endpoints), a pager
 * over the ledger, and the clock-skew retry. Keys are imported once (lazily) per client; every call
 * builds a new frame, so a retry carries a new timestamp, a new messageId and a new signature.
 */
import * as v from 'valibot';
import { hasCode } from '../../core/errors';
import { httpRequest } from '../../core/http';
import type { ProviderContext } from '../types';
import { BIYONG_MAX_PAGE_SIZE, BIYONG_PATHS } from './description';
import {
  balanceParams,
  checkMerchantToken,
  checkText,
  pageParams,
  type BalanceQuery,
  type PageQuery,
} from './inputs';
import {
  buildBiyongRequest,
  processBiyongResponse,
  type BiyongKeys,
  type BiyongParams,
} from './requests';
import { authDataSchema, balancePageSchema, infoDataSchema, tokenInfoPageSchema } from './schemas';
import {
  DEFAULT_HASH_MODE,
  importMerchantPrivateKey,
  importPublicKey,
  type BiyongHashMode,
} from './sign';

export interface BiyongCredentials {
  appId: string;
  /** PKCS#8 DER, base64. */
  merchantPrivateKey: string;
  /** BiYong's X.509 SPKI DER, base64. */
  platformPublicKey: string;
  hashMode?: BiyongHashMode;
}

/** Import both keys for the chosen hash (WebCrypto binds the hash to the key). */
export async function loadBiyongKeys(creds: BiyongCredentials): Promise<BiyongKeys> {
  const hashMode = creds.hashMode ?? DEFAULT_HASH_MODE;
  const [merchantPrivateKey, platformPublicKey] = await Promise.all([
    importMerchantPrivateKey(creds.merchantPrivateKey, hashMode),
    importPublicKey(creds.platformPublicKey, hashMode),
  ]);
  return { appId: creds.appId, hashMode, merchantPrivateKey, platformPublicKey };
}

/** Scopes of docs/providers/biyong.md, Flow; BiYong may add others, which are kept as they come. */
export type BiyongScope = 'PUBLIC_INFO' | 'PHONE' | 'BALANCE' | (string & {});

export interface BiyongAuthorization {
  openId: string;
  authList: BiyongScope[];
}

export interface BiyongUserInfo {
  auth: boolean;
  pubInfoAuth: boolean;
  phoneAuth: boolean;
  /** Present only when pubInfoAuth allows (docs/providers/biyong.md, Endpoints). */
  firstName?: string;
  lastName?: string;
  selfieUrl?: string;
  isKycPass?: boolean;
  /** Present only when phoneAuth allows. */
  phone?: string;
}

export interface BiyongBalanceRecord {
  tokenSymbol: string;
  /** The signed change, exactly as BiYong wrote it ("-0.5", "10.32"); never a float. */
  balance: string;
  /** Epoch milliseconds. */
  time: number;
}

export interface BiyongPage<T> {
  total: number;
  records: T[];
}

export interface BiyongTokenInfo {
  symbol: string;
  name?: string;
  projectName?: string;
}

export interface PagerOptions {
  pageSize?: number;
  /** A hard stop in case the platform's `total` keeps growing or lies (default 10 000). */
  maxPages?: number;
}

export interface BiyongClient {
  auth(authToken: string): Promise<BiyongAuthorization>;
  updateToken(openId: string, token: string): Promise<void>;
  info(openId: string): Promise<BiyongUserInfo>;
  balancePage(q: BalanceQuery): Promise<BiyongPage<BiyongBalanceRecord>>;
  /** Every ledger page from `pageNo` 0 until `total` is reached. */
  balancePages(
    q: Omit<BalanceQuery, 'pageNo' | 'pageSize'>,
    opts?: PagerOptions,
  ): AsyncGenerator<BiyongPage<BiyongBalanceRecord>>;
  tokenInfoPage(q: PageQuery): Promise<BiyongPage<BiyongTokenInfo>>;
  tokenInfoPages(opts?: PagerOptions): AsyncGenerator<BiyongPage<BiyongTokenInfo>>;
}

function defined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined || o[k] === null) delete o[k];
  return o;
}

export function createBiyongClient(ctx: ProviderContext, creds: BiyongCredentials): BiyongClient {
  let keys: Promise<BiyongKeys> | undefined;
  const getKeys = (): Promise<BiyongKeys> => {
    if (!keys) {
      const loading = loadBiyongKeys(creds);
      keys = loading;
      // A failed import is not kept: the user may fix the key and try again.
      loading.catch(() => {
        if (keys === loading) keys = undefined;
      });
    }
    return keys;
  };

  async function call<S extends v.GenericSchema>(
    endpoint: string,
    params: BiyongParams | undefined,
    schema: S,
  ): Promise<v.InferOutput<S>> {
    const k = await getKeys();
    const once = async () => {
      const prepared = await buildBiyongRequest(ctx.baseUrl, k, ctx.clock, endpoint, params);
      const res = await httpRequest(ctx, prepared.request);
      return { res, run: () => processBiyongResponse(res, prepared, k, schema) };
    };
    const first = await once();
    try {
      return await first.run();
    } catch (e) {
      // 100400: take BiYong's time from its Date header, then retry once with a new frame.
      if (hasCode(e, 'timestamp_skew') && ctx.clock.syncFromDate(first.res.headers.get('date'))) {
        return (await once()).run();
      }
      throw e;
    }
  }

  async function* pages<T>(
    fetchPage: (pageNo: number, pageSize: number) => Promise<BiyongPage<T>>,
    opts: PagerOptions,
  ): AsyncGenerator<BiyongPage<T>> {
    const pageSize = opts.pageSize ?? BIYONG_MAX_PAGE_SIZE;
    const maxPages = opts.maxPages ?? 10_000;
    let seen = 0;
    for (let pageNo = 0; pageNo < maxPages; pageNo++) {
      const page = await fetchPage(pageNo, pageSize);
      yield page;
      seen += page.records.length;
      // Stop at the total, at a short page, or at an empty one (a `total` that lies upward).
      if (seen >= page.total || page.records.length < pageSize) return;
    }
  }

  const client: BiyongClient = {
    async auth(authToken) {
      const ep = BIYONG_PATHS.auth;
      const data = await call(
        ep,
        { authToken: checkText(ep, 'authToken', authToken) },
        authDataSchema,
      );
      return { openId: data.openId, authList: data.authList ?? [] };
    },

    async updateToken(openId, token) {
      const ep = BIYONG_PATHS.update;
      // Seed 002 §1.2: data is null; anything is accepted.
      await call(
        ep,
        { openId: checkText(ep, 'openId', openId), token: checkMerchantToken(ep, token) },
        v.unknown(),
      );
    },

    async info(openId) {
      const ep = BIYONG_PATHS.info;
      const d = await call(ep, { openId: checkText(ep, 'openId', openId) }, infoDataSchema);
      // Fields the seed says are absent without the matching permission stay absent even if a
      // server sends them anyway.
      return defined({
        auth: d.auth,
        pubInfoAuth: d.pubInfoAuth,
        phoneAuth: d.phoneAuth,
        firstName: d.pubInfoAuth ? (d.firstName ?? undefined) : undefined,
        lastName: d.pubInfoAuth ? (d.lastName ?? undefined) : undefined,
        selfieUrl: d.pubInfoAuth ? (d.selfieUrl ?? undefined) : undefined,
        isKycPass: d.pubInfoAuth ? (d.isKycPass ?? undefined) : undefined,
        phone: d.phoneAuth ? (d.phone ?? undefined) : undefined,
      });
    },

    async balancePage(q) {
      const ep = BIYONG_PATHS.balancePage;
      const d = await call(ep, balanceParams(ep, q), balancePageSchema);
      return { total: d.total, records: d.records ?? [] };
    },

    balancePages(q, opts = {}) {
      return pages((pageNo, pageSize) => client.balancePage({ ...q, pageNo, pageSize }), opts);
    },

    async tokenInfoPage(q) {
      const ep = BIYONG_PATHS.tokenInfoPage;
      const d = await call(ep, pageParams(ep, q), tokenInfoPageSchema);
      return {
        total: d.total,
        records: (d.records ?? []).map((r) =>
          defined({
            symbol: r.symbol,
            name: r.name ?? undefined,
            projectName: r.projectName ?? undefined,
          }),
        ),
      };
    },

    tokenInfoPages(opts = {}) {
      return pages((pageNo, pageSize) => client.tokenInfoPage({ pageNo, pageSize }), opts);
    },
  };
  return client;
}
