/**
 * GOW orders (docs/providers/gow.md, Endpoints): pricing, the status machine and the
 * detail record.
 *
 * applyStatus (§5): 1 pending review, 2 rejected, 3 awaiting payment (approved), 4 awaiting coin
 * release, 5 released. applyType: 1 deposit, 2 withdrawal. An order moves on by itself on the
 * sandbox's compressible timer wheel (ctx.schedule): review after 2 min (→ 3, or → 2 when the
 * amount is above GOW's limit), payment 10 min after approval (→ 4), release 5 min later (→ 5).
 * A status forced by the seed option `gowOrderStatus` restarts the clock from that status; a
 * superseded timer is recognised by a generation number and does nothing.
 */
import type { SimContext } from '../../types';
import { formatDecimal } from './decimal';

export const ORDER_TIMING = {
  reviewMs: 2 * 60_000,
  payMs: 10 * 60_000,
  issueMs: 5 * 60_000,
  /** deadlinePay = audit time + 24 h. */
  payWindowMs: 24 * 60 * 60_000,
} as const;

/** Pricing, as scaled integers: PHP per USDT at scale 4, fee rate at scale 4, USDT at scale 6. */
export const PRICING = {
  exchRate4: 562_500n, // 56.2500 PHP per USDT
  channelFeeRate4: 50n, // 0.0050 = 0.5 %
  fee6: 1_000_000n, // 1.000000 USDT per order
  /** Review rejects deposits above 500,000.00 PHP and withdrawals above 10,000 USDT. */
  maxDepositCentavos: 50_000_000n,
  maxWithdrawal6: 10_000_000_000n,
} as const;

/** GOW's own collection account (§3 响应示例), where depositors send their pesos. */
export const RECEIVE_ACCOUNT = {
  receiveCountry: 'PH',
  receiveBankName: 'UNINE Bank',
  bankSwiftCode: 'UNINPHMM',
  bankProvince: 'Metro Manila',
  receiveFirstName: 'ETRANSS REMITTANCE INTERNATIONAL CORP.',
  receiveAddr: '18 Ayala Avenue, Makati',
  receiveProvince: 'Metro Manila',
  bankCity: 'Makati',
  receiveMiddleName: '',
  receiveBankAddress: '6750 Ayala Avenue, Makati',
  bankCountryCode: 'PH',
  receiveCity: 'Makati',
  receiveAccount: '888888888',
  receiveLastName: 'Corp',
} as const;

export type ApplyStatus = 1 | 2 | 3 | 4 | 5;

export interface GowOrder {
  orderNo: string;
  apiKey: string;
  account: string;
  applyType: 1 | 2;
  applyStatus: ApplyStatus;
  legalCentavos: bigint;
  currency6: bigint;
  channelFee6: bigint;
  noteCode: string | null;
  /** Who pays (deposit: the remitter's names) and who receives (withdrawal: the payee's bank). */
  payer: Record<string, string> | null;
  payee: Record<string, string>;
  dateCreate: number;
  dateAudit: number | null;
  deadlinePay: number | null;
  timePay: number | null;
  timeIssue: number | null;
  /** Bumped on every status change so that a stale timer does nothing. */
  gen: number;
}

/** Deposit: pesos in, USDT out after the channel fee and the flat fee. */
export function priceDeposit(legalCentavos: bigint): { currency6: bigint; channelFee6: bigint } {
  const gross6 = (legalCentavos * 100_000_000n) / PRICING.exchRate4;
  const channelFee6 = (gross6 * PRICING.channelFeeRate4) / 10_000n;
  return { currency6: gross6 - channelFee6 - PRICING.fee6, channelFee6 };
}

/** Withdrawal: USDT in, pesos to the payee after the fees. */
export function priceWithdrawal(currency6: bigint): { legalCentavos: bigint; channelFee6: bigint } {
  const channelFee6 = (currency6 * PRICING.channelFeeRate4) / 10_000n;
  const net6 = currency6 - channelFee6 - PRICING.fee6;
  return { legalCentavos: (net6 * PRICING.exchRate4) / 100_000_000n, channelFee6 };
}

function rejectedAtReview(o: GowOrder): boolean {
  return o.applyType === 1
    ? o.legalCentavos > PRICING.maxDepositCentavos
    : o.currency6 > PRICING.maxWithdrawal6;
}

/** Put an order in a status, stamping the times that status implies. */
export function setStatus(o: GowOrder, status: ApplyStatus, now: number): void {
  o.applyStatus = status;
  o.gen += 1;
  if (status >= 2 && o.dateAudit === null) o.dateAudit = now;
  if (status >= 3 && o.deadlinePay === null && o.dateAudit !== null) {
    o.deadlinePay = o.dateAudit + ORDER_TIMING.payWindowMs;
  }
  if (status >= 4 && o.timePay === null) o.timePay = now;
  if (status === 5 && o.timeIssue === null) o.timeIssue = now;
}

/** Schedule the order's next automatic step from its current status. */
export function scheduleNext(o: GowOrder, ctx: SimContext): void {
  const gen = o.gen;
  const step = (delay: number, next: (order: GowOrder) => ApplyStatus) => {
    ctx.schedule(delay, () => {
      if (o.gen !== gen) return; // superseded by a forced status or an earlier step
      setStatus(o, next(o), ctx.now());
      ctx.log(`gow order ${o.orderNo} → applyStatus ${o.applyStatus}`);
      scheduleNext(o, ctx);
    });
  };
  switch (o.applyStatus) {
    case 1:
      step(ORDER_TIMING.reviewMs, (x) => (rejectedAtReview(x) ? 2 : 3));
      break;
    case 3:
      step(ORDER_TIMING.payMs, () => 4);
      break;
    case 4:
      step(ORDER_TIMING.issueMs, () => 5);
      break;
    default:
      break; // 2 and 5 are final
  }
}

/** §5 getOrderDetail's data: strings where the seed says string, epoch ms where it says long. */
export function orderDetail(o: GowOrder): Record<string, string | number | null> {
  const payer = o.payer;
  return {
    orderNo: o.orderNo,
    account: o.account,
    legalCurrenyName: 'PHP', // sic (§5)
    legalAmount: formatDecimal(o.legalCentavos, 2),
    currencyAmount: formatDecimal(o.currency6, 6),
    fee: formatDecimal(PRICING.fee6, 6),
    channelFeeRate: formatDecimal(PRICING.channelFeeRate4, 4),
    channelFee: formatDecimal(o.channelFee6, 6),
    exchRate: formatDecimal(PRICING.exchRate4, 4),
    buyType: '3', // bank card: the only way into GOW's PHP account
    dateCreate: o.dateCreate,
    applyStatus: String(o.applyStatus),
    applyType: String(o.applyType),
    receiveAccount: o.payee.receiveAccount ?? null,
    receiveName: o.payee.receiveName ?? null,
    receiveFirstName: o.payee.receiveFirstName ?? null,
    receiveMiddleName: o.payee.receiveMiddleName ?? null,
    receiveLastName: o.payee.receiveLastName ?? null,
    receiveBirthDate: o.payee.receiveBirthDate ?? null,
    receiveCountry: o.payee.receiveCountry ?? null,
    receiveProvince: o.payee.receiveProvince ?? null,
    receiveCity: o.payee.receiveCity ?? null,
    receiveAddr: o.payee.receiveAddr ?? null,
    receiveBankName: o.payee.receiveBankName ?? null,
    receiveBankAddress: o.payee.receiveBankAddress ?? null,
    bankCountryCode: o.payee.bankCountryCode ?? null,
    bankProvince: o.payee.bankProvince ?? null,
    bankCity: o.payee.bankCity ?? null,
    branchName: o.payee.branchName ?? null,
    bankSwiftCode: o.payee.bankSwiftCode ?? null,
    payFirstName: payer?.firstName ?? null,
    payMiddleName: payer?.middleName ?? null,
    payLastName: payer?.lastName ?? null,
    payCountry: payer?.countryCode ?? null,
    payDirthDate: payer?.birthDate ?? null, // sic (§5)
    noteCode: o.noteCode,
    dateAudit: o.dateAudit,
    deadlinePay: o.deadlinePay,
    timePay: o.timePay,
    timeIssue: o.timeIssue,
    loanType: o.applyStatus === 5 ? '2' : null, // released automatically by the sandbox
  };
}
