/** Starting and listing transfers; inputs arrive checked (core/message-map.ts). */
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import type { TransferStore } from '../transfers/transfer-store';
import type { FomoPay } from '../transfers/fomo-pay';
import type { Notifier } from '../transfers/notify';
import type { GrandchainSend } from '../transfers/grandchain-send';
import type { GowOrders } from '../transfers/gow-orders';

type TransferHandlers = Pick<
  Handlers<MessageMap>,
  | 'transfers/list'
  | 'transfers/fomo-pay'
  | 'transfers/seen'
  | 'transfers/grandchain-send'
  | 'transfers/gow-deposit'
  | 'transfers/gow-withdraw'
  | 'transfers/refresh'
>;

export function transferHandlers(deps: {
  transfers: TransferStore;
  fomoPay: FomoPay;
  notifier: Notifier;
  grandchainSend: GrandchainSend;
  gowOrders: GowOrders;
}): TransferHandlers {
  return {
    async 'transfers/list'() {
      return deps.transfers.all();
    },
    async 'transfers/fomo-pay'(req) {
      return deps.fomoPay.start(req);
    },
    async 'transfers/seen'() {
      await deps.notifier.seen();
    },
    async 'transfers/grandchain-send'(req) {
      return deps.grandchainSend.send(req);
    },
    async 'transfers/gow-deposit'(req) {
      return deps.gowOrders.deposit(req);
    },
    async 'transfers/gow-withdraw'(req) {
      return deps.gowOrders.withdraw(req);
    },
    async 'transfers/refresh'() {
      // Each source may fail alone (locked vault, platform down): the others still settle.
      await Promise.allSettled([deps.gowOrders.poll(), deps.grandchainSend.reconcile()]);
      return deps.transfers.all();
    },
  };
}
