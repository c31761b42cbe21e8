/**
 * Grand Chain transfers: the amount is typed in yuan and sent in fen (BigInt, never a float).
 * Before sending, the transfer is saved as pending with how many outgoing records of the same
 * value the history already has; a worker stopped mid-send (or a browser quit) reconciles from
 * the history when it wakes or the vault is unlocked (a record past that count means it went
 * through, and each record proves one send only: `matchRecords`) instead of sending again.
 */
import { errors, hasCode, toCoinDockError } from '../../core/errors';
import { fenToYuan, yuanToFen } from '../../core/money';
import type { GrandchainSendTransfer } from '../../core/transfers';
import { isGrandchainSend } from '../../core/transfer-kinds';
import type { GrandchainService } from '../accounts/grandchain';
import { IN_FLIGHT_MS, type TransferStore } from './transfer-store';
import type { Notifier } from './notify';
import { newTradeId } from './fomo-pay';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

/** A one-shot alarm: reconcile again when the first of the sends still in flight leaves its window. */
export const GRANDCHAIN_RECONCILE_ALARM = 'grandchain-send-reconcile';

export function createGrandchainSend(deps: {
  grandchain: GrandchainService;
  transfers: TransferStore;
  notifier: Notifier;
  now?: () => number;
}) {
  const clock = deps.now ?? (() => Date.now());

  async function outgoing(): Promise<bigint[]> {
    const gc = deps.grandchain;
    const trades = await (await gc.client()).trades(await gc.session());
    return trades.filter((t) => t.direction === 'out').map((t) => t.valueFen);
  }

  async function outCount(valueFen: bigint): Promise<number> {
    return (await outgoing()).filter((v) => v === valueFen).length;
  }

  async function finish(id: string, change: Partial<GrandchainSendTransfer>): Promise<void> {
    const done = await deps.transfers.changeOf(id, isGrandchainSend, (cur) =>
      cur.state === 'pending' ? { ...cur, ...change } : undefined,
    );
    if (done) await deps.notifier.finished(id);
  }

  return {
    async send(req: { to: string; amountYuan: string }): Promise<GrandchainSendTransfer> {
      const to = req.to.trim();
      const byEmail = EMAIL.test(to);
      if (!byEmail && !/^[A-Za-z0-9_]{1,64}$/.test(to)) {
        throw errors.invalid_input({
          en: 'Enter the receiver’s email or user id',
          zh: '请输入收款人的邮箱或用户 ID',
        });
      }
      const fen = yuanToFen(req.amountYuan);
      if (fen <= 0n)
        throw errors.invalid_input({ en: 'Enter an amount above zero', zh: '请输入大于零的金额' });
      const gc = deps.grandchain;
      const client = await gc.client();
      const session = await gc.session();
      const faceToken = await gc.faceToken();
      const now = Date.now();
      const t: GrandchainSendTransfer = {
        id: newTradeId(now),
        platform: 'grandchain',
        kind: 'grandchain_send',
        state: 'pending',
        amount: fenToYuan(fen),
        token: 'CNY',
        createdAt: now,
        updatedAt: now,
        counterparty: to,
        details: { fen: fen.toString(), step: 'saved', outBefore: String(await outCount(fen)) },
      };
      await deps.transfers.insert(t);
      try {
        await deps.transfers.changeOf(t.id, isGrandchainSend, (cur) => ({
          ...cur,
          details: { ...cur.details, step: 'sending' },
        }));
        const r = await client.transfer(session, {
          valueFen: fen,
          ...(byEmail ? { receiverEmail: to } : { receiverUserId: to }),
          ...(faceToken ? { faceToken } : {}),
        });
        await gc.recordBalance(r.balanceFen);
        await finish(t.id, {
          state: 'succeeded',
          reference: r.orderId !== undefined ? String(r.orderId) : undefined,
          message: {
            en: `Sent. Balance ${fenToYuan(r.balanceFen)} CNY`,
            zh: `已转出。余额 ${fenToYuan(r.balanceFen)} 元`,
          },
          details: { ...t.details, step: 'done', balanceFen: r.balanceFen.toString() },
        });
      } catch (e) {
        const err = toCoinDockError(e, { platform: 'grandchain' });
        // A transport failure leaves the outcome unknown: keep it pending for reconciliation.
        if (err.code === 'network' || err.code === 'timeout') throw err;
        await finish(t.id, {
          state: 'failed',
          statusCode: err.platformCode,
          message: err.messages,
        });
        throw err;
      }
      return (await deps.transfers.getOf(t.id, isGrandchainSend)) ?? t;
    },

    /**
     * Settle sends whose outcome is unknown (worker stopped, browser quit, network lost) from the
     * history. A send touched less than IN_FLIGHT_MS ago may still be on its way (this worker's
     * own request, or one Grand Chain is still processing after the browser quit): counting now
     * could call it "not sent" just before it lands, so it is left to an alarm that runs this
     * again once the window has passed. With the vault locked the history cannot be read: a
     * no-op, and unlocking runs this again.
     */
    async reconcile(): Promise<void> {
      const pending = (await deps.transfers.all())
        .filter(isGrandchainSend)
        .filter((t) => t.state === 'pending');
      const at = clock();
      const young = pending.filter((t) => at - t.updatedAt < IN_FLIGHT_MS);
      if (young.length) {
        const when = Math.min(...young.map((t) => t.updatedAt)) + IN_FLIGHT_MS;
        await chrome.alarms.create(GRANDCHAIN_RECONCILE_ALARM, { when });
      }
      const settled = pending.filter((t) => !young.includes(t));
      // Saved but never sent: nothing left the browser.
      for (const t of settled.filter((t) => t.details.step === 'saved')) {
        await finish(t.id, {
          state: 'failed',
          message: {
            en: 'Interrupted before sending; nothing was sent',
            zh: '发送前被中断，未转出',
          },
        });
      }
      const unknown = settled.filter((t) => t.details.step !== 'saved');
      if (unknown.length === 0) return;
      let history: bigint[];
      try {
        history = await outgoing();
      } catch (e) {
        if (hasCode(e, 'locked')) return;
        throw e;
      }
      const all = (await deps.transfers.all()).filter(isGrandchainSend);
      const went = new Set<string>();
      for (const fen of new Set(unknown.map((t) => t.details.fen))) {
        // A send of this value still in flight may be what a new record is: wait for the alarm.
        if (young.some((t) => t.details.fen === fen)) continue;
        const ours = unknown.filter((t) => t.details.fen === fen);
        const since = Math.min(...ours.map((t) => t.createdAt)) - IN_FLIGHT_MS;
        // Sends of this value known to have gone through (told by the server, or settled here
        // before) that may have landed after the first of these counted: each owns a record.
        const owners = all.filter(
          (t) => t.state === 'succeeded' && t.details.fen === fen && t.createdAt >= since,
        );
        const rows = history.filter((v) => v.toString() === fen).length;
        for (const t of matchRecords(rows, owners, ours)) went.add(t.id);
      }
      for (const t of unknown) {
        if (young.some((y) => y.details.fen === t.details.fen)) continue;
        if (went.has(t.id)) {
          await finish(t.id, {
            state: 'succeeded',
            message: { en: 'Found in Grand Chain’s history', zh: '已在 Grand Chain 记录中找到' },
          });
        } else {
          await finish(t.id, {
            state: 'failed',
            message: {
              en: 'Not sent: it is not in Grand Chain’s history',
              zh: '未转出：Grand Chain 记录中没有此笔',
            },
          });
        }
      }
    },
  };
}

/**
 * Which interrupted sends of one value went through, given `rows` outgoing records of that value
 * in the history. A send's record, if any, is among those that came after the `outBefore` it
 * counted when saved, and one record proves one send: two interrupted sends of the same value
 * with one new record are one success and one failure, never two successes. Sends known to have
 * succeeded (`owners`) take their records first; then the interrupted ones, oldest first, each
 * get one if the records can still be shared out (for every k, the sends that need a record past
 * index k are no more than the records past it).
 */
export function matchRecords(
  rows: number,
  owners: readonly GrandchainSendTransfer[],
  interrupted: readonly GrandchainSendTransfer[],
): GrandchainSendTransfer[] {
  const bound = (t: GrandchainSendTransfer) => Number(t.details.outBefore);
  const claimed = owners.map(bound);
  const fits = (bounds: number[]) =>
    [...bounds].sort((a, b) => b - a).every((b, i) => b <= rows - 1 - i);
  const matched: GrandchainSendTransfer[] = [];
  for (const t of [...interrupted].sort((a, b) => a.createdAt - b.createdAt)) {
    if (fits([...claimed, bound(t)])) {
      claimed.push(bound(t));
      matched.push(t);
    }
  }
  return matched;
}

export type GrandchainSend = ReturnType<typeof createGrandchainSend>;
