/**
 * The GOW simulator (docs/providers/gow.md), mounted at contract.ts PREFIX.gow. State: the
 * merchants' API keys, the accounts and their KYC cardStatus, and the orders. See auth.ts for the
 * signature rules, validate.ts for field formats, orders.ts for the status machine.
 */
import { DEMO } from '../../contract';
import type { PlatformSim, SeedOptions, SimContext, SimRequest, SimResponse } from '../../types';
import { verifyGowRequest, parseGowBody } from './auth';
import { envelope, fail, GOW_CODE, GowFailure, ok } from './codes';
import { kycErrorPage, kycPage } from './kyc-page';
import { orderDetail, RECEIVE_ACCOUNT, scheduleNext, setStatus } from './orders';
import type { ApplyStatus, GowOrder } from './orders';
import { formatDecimal } from './decimal';
import { checkSource, type Params } from './validate';
import { buildOrder } from './order-intake';

/** A submitted KYC is reviewed 10 minutes later (compressible with /__control/advance). */
export const KYC_REVIEW_MS = 10 * 60_000;

interface GowState {
  keys: Map<string, string>;
  accounts: Map<string, number>;
  /** Bumped when an account's status changes, so a stale KYC review timer does nothing. */
  kycGen: Map<string, number>;
  orders: Map<string, GowOrder>;
}

function freshState(): GowState {
  return {
    keys: new Map([[DEMO.gow.apiKey, DEMO.gow.secretKey]]),
    accounts: new Map(Object.entries(DEMO.gow.accounts)),
    kycGen: new Map(),
    orders: new Map(),
  };
}

type Route = {
  method: 'GET' | 'POST';
  run: (req: SimRequest, ctx: SimContext, p: Params, apiKey: string) => SimResponse;
};

export function createGowSim(): PlatformSim {
  let state = freshState();

  function setCardStatus(account: string, status: number): void {
    state.accounts.set(account, status);
    state.kycGen.set(account, (state.kycGen.get(account) ?? 0) + 1);
  }

  function knownAccount(account: string): number {
    const status = state.accounts.get(account);
    if (status === undefined) fail(GOW_CODE.unknownAccount, 'account not found');
    return status;
  }

  function createOrder(ctx: SimContext, apiKey: string, p: Params, type: 1 | 2): GowOrder {
    const order = buildOrder(p, type, apiKey, ctx.now(), state.accounts.get(p.account ?? ''));
    if (state.orders.has(order.orderNo)) fail(GOW_CODE.duplicateOrder, 'orderNo already exists');
    state.orders.set(order.orderNo, order);
    scheduleNext(order, ctx);
    ctx.log(`gow order ${order.orderNo} created (applyType ${type})`);
    return order;
  }

  const routes: Record<string, Route> = {
    '/user/findUserAuthStatus': {
      method: 'GET',
      run: (req) => {
        const account = req.query.get('account');
        if (!account) fail(GOW_CODE.badParam, 'account is required');
        checkSource(req.query.get('source'));
        return ok({ cardStatus: String(knownAccount(account)) });
      },
    },
    '/transaction/getReceiveAccountInfo': {
      method: 'GET',
      run: (req) => {
        checkSource(req.query.get('source'));
        return ok({ ...RECEIVE_ACCOUNT });
      },
    },
    '/transaction/addChangeApplyOrder': {
      method: 'POST',
      run: (req, ctx, p, apiKey) => {
        const o = createOrder(ctx, apiKey, p, 1);
        // The seed's reply example is `{}`; GOW answers with what the depositor needs next:
        // the order, its note code and where to send the pesos (§3's account).
        return ok({
          orderNo: o.orderNo,
          noteCode: o.noteCode,
          applyStatus: String(o.applyStatus),
          legalAmount: formatDecimal(o.legalCentavos, 2),
          currencyAmount: formatDecimal(o.currency6, 6),
          exchRate: orderDetail(o).exchRate,
          ...RECEIVE_ACCOUNT,
        });
      },
    },
    '/transaction/getOrderDetail': {
      method: 'GET',
      run: (req, _ctx, _p, apiKey) => {
        const orderNo = req.query.get('orderNo');
        if (!orderNo) fail(GOW_CODE.badParam, 'orderNo is required');
        checkSource(req.query.get('source'));
        const o = state.orders.get(orderNo);
        // Another merchant's order is as unknown as a missing one.
        if (!o || o.apiKey !== apiKey) fail(GOW_CODE.unknownOrder, 'order not found');
        return ok(orderDetail(o));
      },
    },
    '/transaction/addChangeApplySale': {
      method: 'POST',
      run: (req, ctx, p, apiKey) => {
        const o = createOrder(ctx, apiKey, p, 2);
        return ok({
          orderNo: o.orderNo,
          applyStatus: String(o.applyStatus),
          currencyAmount: formatDecimal(o.currency6, 6),
          legalAmount: formatDecimal(o.legalCentavos, 2),
          exchRate: orderDetail(o).exchRate,
        });
      },
    },
  };

  function kyc(req: SimRequest, ctx: SimContext): SimResponse {
    const html = (status: number, body: string): SimResponse => ({
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body,
    });
    const form = req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
    const account = form.get('account') ?? '';
    const source = form.get('source') ?? '';
    if (!account || source !== 'binance') {
      return html(400, kycErrorPage('account and source=binance are required'));
    }
    const actionPath = req.url.pathname;
    if (req.method === 'GET') {
      return html(
        200,
        kycPage({ account, source, status: state.accounts.get(account), actionPath }),
      );
    }
    if (req.method !== 'POST') return html(405, kycErrorPage('method not allowed'));
    const current = state.accounts.get(account);
    if (current === 1 || current === 3) {
      return html(
        200,
        kycPage({ account, source, status: current, actionPath, message: 'Nothing to submit.' }),
      );
    }
    const missing = ['firstName', 'lastName', 'birthDate', 'idNumber'].filter(
      (k) => !form.get(k)?.trim(),
    );
    if (missing.length > 0) {
      return html(
        400,
        kycPage({
          account,
          source,
          status: current,
          actionPath,
          message: `Missing: ${missing.join(', ')}`,
        }),
      );
    }
    // Submitting registers an account GOW did not know yet (a third-party id onboarding).
    setCardStatus(account, 3);
    const gen = state.kycGen.get(account);
    // Deterministic review outcome: an ID number starting with "000" is rejected.
    const verdict = (form.get('idNumber') ?? '').startsWith('000') ? 2 : 1;
    ctx.schedule(KYC_REVIEW_MS, () => {
      if (state.kycGen.get(account) !== gen) return;
      setCardStatus(account, verdict);
      ctx.log(`gow kyc ${account} → cardStatus ${verdict}`);
    });
    ctx.count('kyc/submit');
    return html(
      200,
      kycPage({ account, source, status: 3, actionPath, message: 'Submitted. 已提交，等待审核。' }),
    );
  }

  function handle(req: SimRequest, ctx: SimContext): SimResponse | undefined {
    if (req.path === '/user/userKyc.html') {
      ctx.count(req.path);
      return kyc(req, ctx);
    }
    const route = routes[req.path];
    if (!route) return undefined;
    ctx.count(req.path);
    try {
      if (req.method !== route.method) {
        return {
          ...envelope(GOW_CODE.badParam, null, `method ${req.method} not supported`),
          status: 405,
        };
      }
      const body = route.method === 'POST' ? parseGowBody(req.body) : undefined;
      const apiKey = verifyGowRequest({
        headers: req.headers,
        body,
        now: ctx.now(),
        keys: state.keys,
      });
      return route.run(req, ctx, body ?? {}, apiKey);
    } catch (e) {
      if (e instanceof GowFailure) return envelope(e.code, null, e.description);
      throw e;
    }
  }

  return {
    id: 'gow',
    handle,
    reset() {
      state = freshState();
    },
    seed(opts: SeedOptions, ctx: SimContext) {
      const cards = opts.gowCardStatus;
      if (cards !== undefined) {
        for (const [account, status] of Object.entries(asRecord(cards, 'gowCardStatus'))) {
          if (!Number.isInteger(status) || (status as number) < 0 || (status as number) > 4) {
            throw new RangeError(`gowCardStatus.${account} must be 0-4`);
          }
          setCardStatus(account, status as number);
        }
      }
      const forced = opts.gowOrderStatus;
      if (forced !== undefined) {
        for (const [orderNo, status] of Object.entries(asRecord(forced, 'gowOrderStatus'))) {
          const o = state.orders.get(orderNo);
          if (!o) throw new RangeError(`gowOrderStatus: unknown order ${orderNo}`);
          const n = Number(status);
          if (![1, 2, 3, 4, 5].includes(n))
            throw new RangeError(`gowOrderStatus.${orderNo} must be 1-5`);
          setStatus(o, n as ApplyStatus, ctx.now());
          scheduleNext(o, ctx);
        }
      }
    },
    state() {
      return {
        accounts: Object.fromEntries(state.accounts),
        orders: [...state.orders.values()].map(orderDetail),
      };
    },
  };
}

function asRecord(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object`);
  }
  return value as Record<string, unknown>;
}
