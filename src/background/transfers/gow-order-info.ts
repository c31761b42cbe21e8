/**
 * The GOW order facts kept on a transfer (`Transfer.gow`, src/core/transfers.ts): built from
 * GOW's receive-account answer when a deposit is placed, then from each order-detail answer.
 * Every field is checked on its own against the stored schema and a poll answer that leaves a
 * field out, or sends it malformed, keeps what was stored: the payment instructions must not
 * vanish because one answer was thinner than the last (docs/providers/gow.md).
 */
import * as v from 'valibot';
import { GowOrderInfoSchema, type GowOrderInfo } from '../../core/transfers';
import type { GowOrderDetail } from '../../providers/gow/order-detail';
import type { ReceiveAccountInfo } from '../../providers/gow/schemas';

type Field = keyof GowOrderInfo;

/** `value` as the stored field wants it, or undefined when it is absent or does not fit. */
function valid<K extends Field>(key: K, value: unknown): GowOrderInfo[K] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const r = v.safeParse(GowOrderInfoSchema.entries[key], value);
  return r.success ? (r.output as GowOrderInfo[K]) : undefined;
}

/** Where to pay, from GOW's receive-account fields (getReceiveAccountInfo, or a deposit's detail). */
export function payToOf(a: ReceiveAccountInfo | GowOrderDetail): GowOrderInfo['payTo'] {
  const name =
    ('receiveName' in a ? a.receiveName : undefined) ||
    [a.receiveFirstName, a.receiveMiddleName, a.receiveLastName].filter(Boolean).join(' ');
  return valid('payTo', {
    bank: a.receiveBankName,
    account: a.receiveAccount,
    name,
    ...(a.bankSwiftCode ? { swift: a.bankSwiftCode } : {}),
    ...(a.receiveBankAddress ? { bankAddress: a.receiveBankAddress } : {}),
  });
}

/** The facts an order-detail answer carries (a deposit's receive fields are GOW's account). */
export function infoOfDetail(d: GowOrderDetail, deposit: boolean): Partial<GowOrderInfo> {
  return {
    ...(deposit && d.receiveBankName && d.receiveAccount ? { payTo: payToOf(d) } : {}),
    noteCode: valid('noteCode', d.noteCode),
    deadlinePay: valid('deadlinePay', d.deadlinePay),
    legalAmount: valid('legalAmount', d.legalAmount),
    legalCurrency: valid('legalCurrency', d.legalCurrenyName),
    currencyAmount: valid('currencyAmount', d.currencyAmount),
    fee: valid('fee', d.fee),
    channelFee: valid('channelFee', d.channelFee),
    channelFeeRate: valid('channelFeeRate', d.channelFeeRate),
    exchRate: valid('exchRate', d.exchRate),
  };
}

/**
 * `next` over `stored`, field by field: a field `next` lacks (or holds invalid) keeps its stored
 * value. The result always fits the schema (a record that did not would hide every transfer).
 */
export function mergeOrderInfo(
  stored: GowOrderInfo | undefined,
  next: Partial<GowOrderInfo>,
): GowOrderInfo {
  const out: Record<string, unknown> = { ...stored };
  for (const key of Object.keys(GowOrderInfoSchema.entries) as Field[]) {
    const value = valid(key, next[key]);
    if (value !== undefined) out[key] = value;
  }
  const checked = v.safeParse(GowOrderInfoSchema, out);
  return checked.success ? checked.output : (stored ?? {});
}
