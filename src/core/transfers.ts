/**
 * Transfers CoinDock started (FOMO recharge/withdraw through the pay page, Grand Chain sends,
 * GOW deposit and withdrawal orders), persisted before anything leaves the browser and
 * reconciled until final. Public data only: no tokens, no signatures.
 */
import * as v from 'valibot';
import { errors, type CoinDockError } from './errors';

export const TRANSFER_KINDS = [
  'fomo_recharge',
  'fomo_withdraw',
  'grandchain_send',
  'gow_deposit',
  'gow_withdraw',
] as const satisfies readonly Transfer['kind'][];
export type TransferKind = Transfer['kind'];

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

/**
 * Set on a finished transfer once the popup showed it (the toolbar badge counts the others).
 * On every kind.
 */
const seen = v.optional(v.literal('yes'));
const digits = v.pipe(v.string(), v.regex(/^\d{1,30}$/));

/**
 * FOMO's pay page, step by step (src/background/transfers/fomo-pay.ts): `saved` before the tab
 * opens, `opened` once it did (the tab is recorded), `returned` once a return ended it.
 */
export const FOMO_PAY_STEPS = ['saved', 'opened', 'returned'] as const;
/**
 * How a FOMO pay return ended a transfer: `returned_paid` (the URL said paid and agreed with the
 * transfer; FOMO cannot confirm it), `declined` (FOMO's page gave a failure code), `mismatch`
 * (amount, coin or user differ: `mismatch` lists which), `unreadable` (no valid status or
 * trade_id).
 */
export const FOMO_RETURN_CHECKS = ['returned_paid', 'declined', 'mismatch', 'unreadable'] as const;
export type FomoReturnCheck = (typeof FOMO_RETURN_CHECKS)[number];

export const FomoPayDetailsSchema = v.object({
  step: v.picklist(FOMO_PAY_STEPS),
  /** FOMO's coin_id; the transfer's `token` is its name. */
  coinId: digits,
  /** The `state` the pay page must give back: a return without it is another flow's. */
  state: v.string(),
  /** The FOMO user the page is for: a return naming another user does not settle it. */
  userId: v.optional(v.string()),
  /** The tab the page opened in, and the browser session that tab id belongs to. */
  tabId: v.optional(v.string()),
  tabSession: v.optional(v.string()),
  returnCheck: v.optional(v.picklist(FOMO_RETURN_CHECKS)),
  /** With `mismatch`: which of amount, coin_id, user_id differed, comma-separated. */
  mismatch: v.optional(v.string()),
  /** What the return carried: FOMO's transfer id and the HTTP status of its callback. */
  transferId: v.optional(v.string()),
  callbackHttp: v.optional(v.string()),
  seen,
});

/**
 * A Grand Chain send (src/background/transfers/grandchain-send.ts): `saved` with the count of
 * outgoing records of the same value (`outBefore`) before anything is sent, `sending` while the
 * request is out, `done` once Grand Chain answered with the new balance.
 */
export const GRANDCHAIN_SEND_STEPS = ['saved', 'sending', 'done'] as const;
export const GrandchainSendDetailsSchema = v.object({
  step: v.picklist(GRANDCHAIN_SEND_STEPS),
  /** The amount in fen, exactly (the transfer's `amount` is in yuan). */
  fen: digits,
  outBefore: digits,
  balanceFen: v.optional(v.pipe(v.string(), v.regex(/^-?\d{1,30}$/))),
  seen,
});

/** A GOW order (src/background/transfers/gow-orders.ts): `saved` before it is sent, `placed` once GOW has it. */
export const GOW_ORDER_STEPS = ['saved', 'placed'] as const;
export const GowOrderDetailsSchema = v.object({
  step: v.picklist(GOW_ORDER_STEPS),
  seen,
  // A deposit stored before its order facts had their own field (`gow`) kept them here.
  payToBank: v.optional(v.string()),
  payToAccount: v.optional(v.string()),
  payToName: v.optional(v.string()),
  payToSwift: v.optional(v.string()),
  noteCode: v.optional(v.string()),
  fee: v.optional(v.string()),
  exchRate: v.optional(v.string()),
  currencyAmount: v.optional(v.string()),
});

/** What every transfer has, whatever its kind. */
const common = {
  id: v.string(),
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
  /** Set once the user was told (notification, badge) that it finished: exactly once. */
  notifiedAt: v.optional(v.number()),
};

export const FomoPayTransferSchema = v.object({
  ...common,
  platform: v.literal('fomo'),
  kind: v.picklist(['fomo_recharge', 'fomo_withdraw'] as const),
  details: FomoPayDetailsSchema,
});
export const GrandchainSendTransferSchema = v.object({
  ...common,
  platform: v.literal('grandchain'),
  kind: v.literal('grandchain_send'),
  details: GrandchainSendDetailsSchema,
});
export const GowOrderTransferSchema = v.object({
  ...common,
  platform: v.literal('gow'),
  kind: v.picklist(['gow_deposit', 'gow_withdraw'] as const),
  details: GowOrderDetailsSchema,
  /** Payment instructions and price, kept until final (see GowOrderInfoSchema). */
  gow: v.optional(GowOrderInfoSchema),
});

/** A transfer, by its kind: each kind's `details` is the state its producer keeps. */
export const TransferSchema = v.variant('kind', [
  FomoPayTransferSchema,
  GrandchainSendTransferSchema,
  GowOrderTransferSchema,
]);
export type Transfer = v.InferOutput<typeof TransferSchema>;
export type FomoPayTransfer = v.InferOutput<typeof FomoPayTransferSchema>;
export type GrandchainSendTransfer = v.InferOutput<typeof GrandchainSendTransferSchema>;
export type GowOrderTransfer = v.InferOutput<typeof GowOrderTransferSchema>;

/**
 * The stored transfers, each checked on its own: one that does not fit its kind's schema (written
 * by another version, or damaged) is reported as a typed error and left in storage as it is,
 * while every other transfer still reads. Newest first.
 */
export function readTransfers(stored: Readonly<Record<string, unknown>>): {
  transfers: Transfer[];
  unreadable: CoinDockError[];
} {
  const transfers: Transfer[] = [];
  const unreadable: CoinDockError[] = [];
  for (const [id, raw] of Object.entries(stored)) {
    const r = v.safeParse(TransferSchema, raw);
    if (r.success && r.output.id === id) transfers.push(r.output);
    else unreadable.push(unreadableTransfer(id));
  }
  return { transfers: transfers.sort((a, b) => b.createdAt - a.createdAt), unreadable };
}

/** The error for a stored transfer that cannot be read (its id is the platform's reference). */
export function unreadableTransfer(id: string): CoinDockError {
  return errors.internal({
    en: `The saved transfer ${id} could not be read; it is kept as it was`,
    zh: `无法读取已保存的转账 ${id}，已原样保留`,
  });
}
