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

export const TRANSFER_STATES = ['pending', 'succeeded', 'failed'] as const;

export const TransferSchema = v.object({
  id: v.string(),
  platform: v.picklist(['fomo', 'grandchain', 'gow'] as const),
  kind: v.picklist(TRANSFER_KINDS),
  state: v.picklist(TRANSFER_STATES),
  /** Decimal string in the token's unit (yuan for Grand Chain, shown as typed). */
  amount: v.string(),
  /** Token / coin / currency as the platform names it (FOMO coin_id is kept in details). */
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
  /** Set once the user was told (notification, badge) that it finished: exactly once. */
  notifiedAt: v.optional(v.number()),
});
export type Transfer = v.InferOutput<typeof TransferSchema>;
