/**
 * Each transfer kind in words, and which kinds make up one producer's transfers (narrowing a
 * Transfer to the kind whose details it carries), for the transfers list, a transfer's detail and
 * anything else that names one. A module of its own: src/core/transfers.ts is read by the popup's
 * first paint (the stored schema), these only by what is loaded after it.
 */
import type { Bilingual } from './errors';
import type {
  FomoPayTransfer,
  GowOrderTransfer,
  GrandchainSendTransfer,
  Transfer,
  TransferKind,
} from './transfers';

export const TRANSFER_KIND_NAMES: Readonly<Record<TransferKind, Bilingual>> = {
  // Direction 1 of FOMO's pay page: the user pays the merchant from the FOMO wallet.
  fomo_recharge: { en: 'FOMO recharge', zh: 'FOMO 充值' },
  // Direction 2: the merchant pays the user.
  fomo_withdraw: { en: 'FOMO withdrawal', zh: 'FOMO 提现' },
  grandchain_send: { en: 'Grand Chain transfer', zh: '大链转账' },
  // GOW deposit: pesos in, coins credited; withdrawal: coins out to a bank account.
  gow_deposit: { en: 'GOW deposit', zh: 'GOW 入金' },
  gow_withdraw: { en: 'GOW withdrawal', zh: 'GOW 出金' },
};

export const isFomoPay = (t: Transfer): t is FomoPayTransfer =>
  t.kind === 'fomo_recharge' || t.kind === 'fomo_withdraw';
export const isGrandchainSend = (t: Transfer): t is GrandchainSendTransfer =>
  t.kind === 'grandchain_send';
export const isGowOrder = (t: Transfer): t is GowOrderTransfer =>
  t.kind === 'gow_deposit' || t.kind === 'gow_withdraw';
