/**
 * The GOW client: one async method per endpoint of docs/providers/gow.md (Endpoints), plus the KYC
 * page URL (opened in a tab, never fetched). Every call is signed afresh, so a retry after a clock
 * resynchronisation carries a new timestamp and signature.
 */
import type * as v from 'valibot';
import { hasCode } from '../../core/errors';
import { httpRequest } from '../../core/http';
import type { ProviderContext } from '../types';
import { GOW_SOURCE } from './description';
import {
  depositBody,
  checkOrderNo,
  withdrawalBody,
  type GowDepositInput,
  type GowWithdrawalInput,
} from './inputs';
import {
  buildGowRequest,
  gowUrl,
  processGowResponse,
  type GowCall,
  type GowCredentials,
} from './requests';
import {
  authStatusSchema,
  orderAckSchema,
  orderDetailSchema,
  receiveAccountSchema,
  type ReceiveAccountInfo,
} from './schemas';
import { toOrderDetail, type GowOrderDetail } from './order-detail';
import { CARD_STATUS, decodeStatus, type DecodedStatus } from './statuses';

export interface GowClientCredentials extends GowCredentials {
  /** The user's GOW account: email or third-party unique id. */
  account: string;
}

export interface GowOrderAck {
  orderNo: string;
  /** Whatever else GOW returned about the order (the seed shows `{}`), non-secret. */
  data: Record<string, unknown>;
}

export interface GowClient {
  authStatus(): Promise<DecodedStatus>;
  kycPageUrl(): string;
  receiveAccountInfo(): Promise<ReceiveAccountInfo>;
  addDepositOrder(input: GowDepositInput): Promise<GowOrderAck>;
  orderDetail(orderNo: string): Promise<GowOrderDetail>;
  addWithdrawalOrder(input: GowWithdrawalInput): Promise<GowOrderAck>;
}

/**
 * The KYC page (docs/providers/gow.md, Endpoints): a browser page, so no headers and no signature.
 */
export function gowKycPageUrl(baseUrl: string, account: string): string {
  return gowUrl(baseUrl, '/user/userKyc.html', { account, source: GOW_SOURCE });
}

export function createGowClient(ctx: ProviderContext, creds: GowClientCredentials): GowClient {
  async function call<S extends v.GenericSchema>(
    spec: GowCall,
    schema: S,
  ): Promise<v.InferOutput<S>> {
    const once = async () => {
      const req = await buildGowRequest(ctx.baseUrl, creds, ctx.clock, spec);
      const res = await httpRequest(ctx, req);
      return { res, run: () => processGowResponse(res, spec.path, schema) };
    };
    const first = await once();
    try {
      return first.run();
    } catch (e) {
      // Timestamp rejected: take GOW's time from its Date header and try once more, freshly signed.
      if (hasCode(e, 'timestamp_skew') && ctx.clock.syncFromDate(first.res.headers.get('date'))) {
        return (await once()).run();
      }
      throw e;
    }
  }

  return {
    async authStatus() {
      const data = await call(
        {
          method: 'GET',
          path: '/user/findUserAuthStatus',
          query: { account: creds.account, source: GOW_SOURCE },
        },
        authStatusSchema,
      );
      return decodeStatus(CARD_STATUS, data.cardStatus);
    },

    kycPageUrl() {
      return gowKycPageUrl(ctx.baseUrl, creds.account);
    },

    receiveAccountInfo() {
      return call(
        {
          method: 'GET',
          path: '/transaction/getReceiveAccountInfo',
          query: { source: GOW_SOURCE },
        },
        receiveAccountSchema,
      );
    },

    async addDepositOrder(input) {
      const body = depositBody(creds.account, input);
      const data = await call(
        { method: 'POST', path: '/transaction/addChangeApplyOrder', body },
        orderAckSchema,
      );
      return { orderNo: body.orderNo ?? input.orderNo, data: { ...(data ?? {}) } };
    },

    async orderDetail(orderNo) {
      const data = await call(
        {
          method: 'GET',
          path: '/transaction/getOrderDetail',
          query: { orderNo: checkOrderNo(orderNo), source: GOW_SOURCE },
        },
        orderDetailSchema,
      );
      return toOrderDetail(data);
    },

    async addWithdrawalOrder(input) {
      const body = withdrawalBody(creds.account, input);
      const data = await call(
        { method: 'POST', path: '/transaction/addChangeApplySale', body },
        orderAckSchema,
      );
      return { orderNo: body.orderNo ?? input.orderNo, data: { ...(data ?? {}) } };
    },
  };
}
