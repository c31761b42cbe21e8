/**
 * GOW fiat orders: a deposit (buy: the user pays fiat to GOW's account with a note code) and a
 * withdrawal (sell: GOW pays the user's bank). The order is saved as pending with its orderNo
 * before it is sent; its status is then followed with order queries (popup open, vault unlocked,
 * and an alarm while any is pending) until final: 5 released → succeeded, 2 rejected → failed.
 *
 * The alarm is armed again by every poll that finds a pending order, the locked ones included:
 * Chrome may drop alarms when it quits, and after a browser restart the vault is locked until
 * the user unlocks it, so a poll that cannot query keeps the alarm for the next one.
 */
import { errors, hasCode, toCoinDockError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { randomAlphanumeric } from '../../core/bytes';
import type { GowOrderTransfer } from '../../core/transfers';
import { isGowOrder } from '../../core/transfer-kinds';
import type { ProviderContext } from '../../providers/types';
import {
  newGowOrderNo,
  type GowDepositInput,
  type GowWithdrawalInput,
} from '../../providers/gow/inputs';
import { gowClientFor } from '../../providers/gow/adapter';
import { IN_FLIGHT_MS, type TransferStore } from './transfer-store';
import type { Notifier } from './notify';
import { alarms, clearAlarm, ensureAlarm } from '../alarms';
import { infoOfDetail, mergeOrderInfo, payToOf } from './gow-order-info';

export const GOW_POLL_ALARM = 'gow-orders-poll';

/** Arm the poll alarm unless it is there already (creating it again would push it back). */
const armPoll = () => ensureAlarm(GOW_POLL_ALARM, { periodInMinutes: 1 });

export type DepositRequest = Omit<GowDepositInput, 'orderNo' | 'noteCode'>;
export type WithdrawalRequest = Omit<GowWithdrawalInput, 'orderNo'>;

export function createGowOrders(deps: {
  transfers: TransferStore;
  notifier: Notifier;
  context(platform: Platform): Promise<ProviderContext>;
  credentials(platform: Platform): Promise<Record<string, string>>;
}) {
  const client = async () => gowClientFor(await deps.context('gow'), await deps.credentials('gow'));
  const pendingOrders = async () =>
    (await deps.transfers.all()).filter(isGowOrder).filter((t) => t.state === 'pending');

  async function place(
    t: GowOrderTransfer,
    send: (c: Awaited<ReturnType<typeof client>>) => Promise<unknown>,
  ) {
    const c = await client();
    if (!(await deps.transfers.insert(t))) throw errors.internal();
    try {
      await send(c);
      await deps.transfers.changeOf(t.id, isGowOrder, (cur) => ({
        ...cur,
        details: { ...cur.details, step: 'placed' },
      }));
    } catch (e) {
      const err = toCoinDockError(e, { platform: 'gow' });
      if (err.code !== 'network' && err.code !== 'timeout') {
        await deps.transfers.changeOf(t.id, isGowOrder, (cur) => ({
          ...cur,
          state: 'failed',
          statusCode: err.platformCode,
          message: err.messages,
        }));
        await deps.notifier.finished(t.id);
      }
      throw err;
    }
    // Arms the poll alarm: the order is pending now.
    await service.poll();
    return (await deps.transfers.getOf(t.id, isGowOrder)) ?? t;
  }

  const service = {
    /** Where to send the fiat for a deposit. */
    async receiveAccount() {
      return (await client()).receiveAccountInfo();
    },

    async deposit(req: DepositRequest): Promise<GowOrderTransfer> {
      const now = Date.now();
      const orderNo = newGowOrderNo(now);
      const noteCode = randomAlphanumeric(8).toUpperCase();
      const payTo = await service.receiveAccount();
      const t: GowOrderTransfer = {
        id: orderNo,
        platform: 'gow',
        kind: 'gow_deposit',
        state: 'pending',
        amount: req.legalAmount,
        token: 'PHP',
        createdAt: now,
        updatedAt: now,
        reference: orderNo,
        details: { step: 'saved' },
        // Saved with the order, so the instructions outlive the form that first showed them.
        gow: mergeOrderInfo(undefined, {
          payTo: payToOf(payTo),
          noteCode,
          legalAmount: req.legalAmount,
          legalCurrency: 'PHP',
        }),
      };
      return place(t, (c) => c.addDepositOrder({ ...req, orderNo, noteCode }));
    },

    async withdraw(req: WithdrawalRequest): Promise<GowOrderTransfer> {
      const now = Date.now();
      const orderNo = newGowOrderNo(now);
      const t: GowOrderTransfer = {
        id: orderNo,
        platform: 'gow',
        kind: 'gow_withdraw',
        state: 'pending',
        amount: req.currencyAmount,
        token: 'USDT',
        createdAt: now,
        updatedAt: now,
        reference: orderNo,
        counterparty: `${req.receiveBankName} ${req.receiveAccount}`,
        details: { step: 'saved' },
      };
      return place(t, (c) => c.addWithdrawalOrder({ ...req, orderNo }));
    },

    /**
     * Query every pending GOW order once; keep the alarm while any is pending and stop it when
     * none is left. With the vault locked nothing can be asked: a no-op, the alarm stays.
     */
    async poll(): Promise<void> {
      const pending = await pendingOrders();
      if (pending.length === 0) {
        await clearAlarm(GOW_POLL_ALARM);
        return;
      }
      await armPoll();
      let c;
      try {
        c = await client();
      } catch (e) {
        if (hasCode(e, 'locked')) return;
        throw e;
      }
      for (const t of pending) {
        let d;
        try {
          d = await c.orderDetail(t.id);
        } catch (e) {
          // Not found, saved but never known placed, and no longer possibly on its way (a poll
          // may run while the order is being placed): the order never reached GOW.
          if (
            toCoinDockError(e).code === 'not_found' &&
            t.details.step === 'saved' &&
            Date.now() - t.updatedAt >= IN_FLIGHT_MS
          ) {
            await deps.transfers.changeOf(t.id, isGowOrder, (cur) => ({
              ...cur,
              state: 'failed',
              message: {
                en: 'Interrupted before GOW received it; nothing was ordered',
                zh: '在 GOW 收到前被中断，未下单',
              },
            }));
            await deps.notifier.finished(t.id);
          }
          continue;
        }
        const status = d.applyStatus.value;
        const state = status === 5 ? 'succeeded' : status === 2 ? 'failed' : 'pending';
        // Only a pending order may change: this answer may have been on its way while another
        // poll (or a second worker wake-up) already recorded the order as final.
        const changed = await deps.transfers.changePending(t.id, isGowOrder, (cur) => ({
          ...cur,
          state,
          statusCode: String(status),
          message: d.applyStatus.label,
          details: { ...cur.details, step: 'placed' },
          gow: mergeOrderInfo(cur.gow, infoOfDetail(d, cur.kind === 'gow_deposit')),
        }));
        if (changed && state !== 'pending') await deps.notifier.finished(t.id);
      }
      // The last one just became final: nothing left to follow.
      if ((await pendingOrders()).length === 0) await clearAlarm(GOW_POLL_ALARM);
    },
  };
  // Alarms outlive the worker: the router finds this again by name when it fires.
  alarms.on(GOW_POLL_ALARM, () => service.poll());
  return service;
}

export type GowOrders = ReturnType<typeof createGowOrders>;
