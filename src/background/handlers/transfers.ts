/** Starting and listing transfers; inputs checked at the boundary. */
import * as v from 'valibot';
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import { errors } from '../../core/errors';
import type { TransferStore } from '../transfers/transfer-store';
import type { FomoPay } from '../transfers/fomo-pay';
import type { Notifier } from '../transfers/notify';

type TransferHandlers = Pick<
  Handlers<MessageMap>,
  'transfers/list' | 'transfers/fomo-pay' | 'transfers/seen'
>;

export function transferHandlers(deps: {
  ready: Promise<void>;
  transfers: TransferStore;
  fomoPay: FomoPay;
  notifier: Notifier;
}): TransferHandlers {
  return {
    async 'transfers/list'() {
      await deps.ready;
      return deps.transfers.all();
    },
    async 'transfers/fomo-pay'(req) {
      await deps.ready;
      const r = v.safeParse(
        v.object({
          direction: v.picklist([1, 2] as const),
          amount: v.pipe(v.string(), v.trim(), v.maxLength(40)),
          coinId: v.pipe(v.string(), v.trim(), v.maxLength(10)),
        }),
        req,
      );
      if (!r.success) throw errors.invalid_input();
      return deps.fomoPay.start(r.output);
    },
    async 'transfers/seen'() {
      await deps.ready;
      await deps.notifier.seen();
    },
  };
}
