/**
 * Transfers CoinDock started (FOMO recharge/withdraw through the pay page, Grand Chain sends,
 * GOW deposit and withdrawal orders), persisted before anything leaves the browser and
 * reconciled until final. Public data only: no tokens, no signatures.
 */
import * as v from 'valibot';

export const TRANSFER_KINDS = [
  'fomo_recharge',
  'fomo_withdraw',
  'grandchain_send',
  'gow_deposit',
  'gow_withdraw',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** A plain non-negative decimal as GOW writes amounts, rates and fees ("56.2500"). */
const decimal = v.pipe(v.string(), v.regex(/^\d{1,24}(\.\d{1,18})?$/));
/** Text from GOW shown to the user: bounded, without control characters. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const shownText = v.pipe(v.string(), v.maxLength(200), v.regex(/^[^\u0000-\u001f\u007f]*$/));

/**
 * What GOW said about an order that the user needs until it is final: where to pay a deposit
 * (GOW's collection account and the note code the remitter must write), the deadline, and the
 * price (fee, channel fee, rate, coins received). Public data only: GOW's own bank account, never
 * a key or a signature. Each field is kept until an answer carries a valid new value for it
 * (docs/providers/gow.md "Order detail kept on the transfer").
 */
export const GowOrderInfoSchema = v.object({
  payTo: v.optional(
    v.object({
      bank: shownText,
      account: shownText,
      name: shownText,
      swift: v.optional(shownText),
      bankAddress: v.optional(shownText),
    }),
  ),
  /** The remitter writes it on the bank transfer; GOW matches the money to the order with it. */
  noteCode: v.optional(v.pipe(v.string(), v.regex(/^[\x21-\x7e]{1,64}$/))),
  /** Pay before this (epoch ms), once GOW approved the order. */
  deadlinePay: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  legalAmount: v.optional(decimal),
  legalCurrency: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{3}$/))),
  /** Coins the user receives (deposit) or sends (withdrawal). */
  currencyAmount: v.optional(decimal),
  /** GOW's fee, in the coin. */
  fee: v.optional(decimal),
  channelFee: v.optional(decimal),
  /** A fraction: "0.0050" is 0.5 %. */
  channelFeeRate: v.optional(decimal),
  /** Pesos per coin. */
  exchRate: v.optional(decimal),
});
export type GowOrderInfo = v.InferOutput<typeof GowOrderInfoSchema>;

export const TRANSFER_STATES = ['pending', 'succeeded', 'failed'] as const;

export const TransferSchema = v.object({
  id: v.string(),
  platform: v.picklist(['fomo', 'grandchain', 'gow'] as const),
  kind: v.picklist(TRANSFER_KINDS),
  state: v.picklist(TRANSFER_STATES),
  /** Decimal string in the token's unit (yuan for Grand Chain, shown as typed). */
  amount: v.string(),
  /**
   * Token / coin / currency as the platform names it. FOMO: the coin's name from its coin table
   * (docs/providers/fomo.md "Coins"), else `coin N`; the coin_id itself is kept in details.
   */
  token: v.string(),
  createdAt: v.number(),
  updatedAt: v.number(),
  /** FOMO trade_id / GOW orderNo / Grand Chain order id: how the platform knows it. */
  reference: v.optional(v.string()),
  counterparty: v.optional(v.string()),
  /** The platform's status code and its meaning, once known. */
  statusCode: v.optional(v.string()),
  message: v.optional(v.object({ en: v.string(), zh: v.string() })),
  details: v.record(v.string(), v.string()),
  /** GOW orders: payment instructions and price, kept until final (see GowOrderInfoSchema). */
  gow: v.optional(GowOrderInfoSchema),
  /** Set once the user was told (notification, badge) that it finished: exactly once. */
  notifiedAt: v.optional(v.number()),
});
export type Transfer = v.InferOutput<typeof TransferSchema>;
