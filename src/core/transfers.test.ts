import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CoinDockError } from './errors';
import { TransferSchema, readTransfers } from './transfers';
import { isFomoPay, isGowOrder, isGrandchainSend } from './transfer-kinds';

const base = {
  state: 'pending',
  amount: '12.5',
  token: 'USDT',
  createdAt: 1,
  updatedAt: 2,
};

/**
 * Records as the producers write them at each step (src/background/transfers/*.ts), the stored
 * shape of this version and the one before it: every one must still read.
 */
const WRITTEN = {
  fomoSaved: {
    ...base,
    id: 'cdA',
    platform: 'fomo',
    kind: 'fomo_recharge',
    reference: 'cdA',
    details: { coinId: '3', state: 'abcdefghijklmnopqrstuvwx', step: 'saved', userId: '10001' },
  },
  fomoOpened: {
    ...base,
    id: 'cdB',
    platform: 'fomo',
    kind: 'fomo_withdraw',
    // Recorded before tab sessions were kept: no tabSession.
    details: { coinId: '3', state: 's', step: 'opened', tabId: '7' },
  },
  fomoReturned: {
    ...base,
    id: 'cdC',
    platform: 'fomo',
    kind: 'fomo_recharge',
    state: 'succeeded',
    statusCode: '1',
    message: { en: 'Paid', zh: '已付款' },
    notifiedAt: 3,
    details: {
      coinId: '3',
      state: 's',
      step: 'returned',
      returnCheck: 'returned_paid',
      transferId: 'F9',
      callbackHttp: '200',
      tabId: '8',
      tabSession: 'abc',
      seen: 'yes',
    },
  },
  fomoMismatch: {
    ...base,
    id: 'cdD',
    platform: 'fomo',
    kind: 'fomo_recharge',
    state: 'failed',
    details: {
      coinId: '3',
      state: 's',
      step: 'returned',
      returnCheck: 'mismatch',
      mismatch: 'amount,coin_id',
      tabId: '8',
      tabSession: 'abc',
    },
  },
  grandchainSending: {
    ...base,
    id: 'cdE',
    platform: 'grandchain',
    kind: 'grandchain_send',
    token: 'CNY',
    counterparty: 'bob@example.com',
    details: { fen: '9', step: 'sending', outBefore: '2' },
  },
  grandchainDone: {
    ...base,
    id: 'cdF',
    platform: 'grandchain',
    kind: 'grandchain_send',
    state: 'succeeded',
    reference: '77',
    details: { fen: '9', step: 'done', outBefore: '0', balanceFen: '1000' },
  },
  gowDeposit: {
    ...base,
    id: 'GOW1',
    platform: 'gow',
    kind: 'gow_deposit',
    token: 'PHP',
    details: { step: 'placed' },
    gow: { payTo: { bank: 'BDO', account: '0012', name: 'GOW Inc' }, noteCode: 'AB12CD34' },
  },
  // A deposit stored before its order facts had their own field.
  gowDepositEarlier: {
    ...base,
    id: 'GOW2',
    platform: 'gow',
    kind: 'gow_deposit',
    details: {
      step: 'saved',
      noteCode: 'AB12CD34',
      payToBank: 'BDO',
      payToAccount: '0012',
      payToName: 'GOW Inc',
      payToSwift: '',
      fee: '1.0',
    },
  },
  gowWithdraw: {
    ...base,
    id: 'GOW3',
    platform: 'gow',
    kind: 'gow_withdraw',
    counterparty: 'BDO 0012',
    details: { step: 'saved' },
  },
} as const;

describe('transfer details by kind', () => {
  it('read every record the producers write, with the kind narrowing its details', () => {
    for (const [name, raw] of Object.entries(WRITTEN)) {
      const r = v.safeParse(TransferSchema, raw);
      expect(r.success, name).toBe(true);
      if (!r.success) continue;
      // Nothing stored is lost on the way through the schema.
      expect(r.output, name).toEqual(raw);
    }
    const { transfers } = readTransfers(
      Object.fromEntries(Object.values(WRITTEN).map((t) => [t.id, t])),
    );
    expect(
      transfers
        .filter(isFomoPay)
        .map((t) => t.details.step)
        .sort(),
    ).toEqual(['opened', 'returned', 'returned', 'saved']);
    expect(transfers.filter(isGrandchainSend).map((t) => t.details.fen)).toEqual(['9', '9']);
    expect(transfers.filter(isGowOrder)).toHaveLength(3);
  });

  it('refuses details that belong to another kind, or a step its kind does not have', () => {
    const bad = [
      // A Grand Chain send's details on a FOMO transfer.
      { ...WRITTEN.fomoSaved, details: WRITTEN.grandchainDone.details },
      // GOW has no `sending` step; FOMO has no `placed`.
      { ...WRITTEN.gowWithdraw, details: { step: 'sending' } },
      { ...WRITTEN.fomoOpened, details: { ...WRITTEN.fomoOpened.details, step: 'placed' } },
      // A return check FOMO's flow never writes.
      {
        ...WRITTEN.fomoMismatch,
        details: { ...WRITTEN.fomoMismatch.details, returnCheck: 'maybe' },
      },
      // Not an amount in fen.
      {
        ...WRITTEN.grandchainSending,
        details: { ...WRITTEN.grandchainSending.details, fen: '0.09' },
      },
      // A kind on another platform.
      { ...WRITTEN.gowWithdraw, platform: 'fomo' },
      { ...WRITTEN.gowWithdraw, kind: 'gow_refund' },
    ];
    for (const raw of bad)
      expect(v.safeParse(TransferSchema, raw).success, JSON.stringify(raw)).toBe(false);
  });

  it('a malformed stored transfer is a typed error, and every other transfer still reads', () => {
    const stored = {
      cdA: WRITTEN.fomoSaved,
      cdX: { ...WRITTEN.fomoOpened, id: 'cdX', details: { step: 'opened' } },
      cdY: 'not a transfer',
      GOW1: WRITTEN.gowDeposit,
      // Stored under another id than its own: not trusted as either.
      cdZ: WRITTEN.grandchainDone,
    };
    const { transfers, unreadable } = readTransfers(stored);
    expect(transfers.map((t) => t.id).sort()).toEqual(['GOW1', 'cdA']);
    expect(unreadable).toHaveLength(3);
    for (const e of unreadable) {
      expect(e).toBeInstanceOf(CoinDockError);
      expect(e.code).toBe('internal');
    }
    expect(unreadable.map((e) => e.messages.en)).toEqual([
      'The saved transfer cdX could not be read; it is kept as it was',
      'The saved transfer cdY could not be read; it is kept as it was',
      'The saved transfer cdZ could not be read; it is kept as it was',
    ]);
    expect(unreadable[0]!.messages.zh).toContain('cdX');
  });
});
