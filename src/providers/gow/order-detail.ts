/** §5 getOrderDetail, decoded for display: statuses as words, everything else as GOW sent it. */
import type { OrderDetailRaw } from './schemas';
import {
  APPLY_STATUS,
  APPLY_TYPE,
  BUY_TYPE,
  LOAN_TYPE,
  decodeStatus,
  type DecodedStatus,
} from './statuses';

export interface GowOrderDetail extends Omit<
  OrderDetailRaw,
  'applyStatus' | 'applyType' | 'buyType' | 'loanType'
> {
  applyStatus: DecodedStatus;
  applyType: DecodedStatus;
  buyType?: DecodedStatus;
  loanType?: DecodedStatus;
}

export function toOrderDetail(raw: OrderDetailRaw): GowOrderDetail {
  const { applyStatus, applyType, buyType, loanType, ...rest } = raw;
  return {
    ...rest,
    applyStatus: decodeStatus(APPLY_STATUS, applyStatus),
    applyType: decodeStatus(APPLY_TYPE, applyType),
    ...(buyType != null ? { buyType: decodeStatus(BUY_TYPE, buyType) } : {}),
    ...(loanType != null ? { loanType: decodeStatus(LOAN_TYPE, loanType) } : {}),
  };
}
