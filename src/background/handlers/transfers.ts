/** Starting and listing transfers; inputs checked at the boundary. */
import * as v from 'valibot';
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import { errors } from '../../core/errors';
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

const text = (max = 128) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const required = (max = 128) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const date = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const country = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z]{2}$/));

function input<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (!r.success) {
    const field = r.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw errors.invalid_input({
      en: `Check ${field || 'the form'}`,
      zh: `请检查${field || '表单'}`,
    });
  }
  return r.output;
}

export function transferHandlers(deps: {
  ready: Promise<void>;
  transfers: TransferStore;
  fomoPay: FomoPay;
  notifier: Notifier;
  grandchainSend: GrandchainSend;
  gowOrders: GowOrders;
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
    async 'transfers/grandchain-send'(req) {
      await deps.ready;
      const r = input(v.object({ to: required(254), amountYuan: required(24) }), req);
      return deps.grandchainSend.send(r);
    },
    async 'transfers/gow-deposit'(req) {
      await deps.ready;
      const r = input(
        v.object({
          legalAmount: required(24),
          countryCode: country,
          firstName: required(),
          middleName: text(),
          lastName: required(),
          birthDate: date,
        }),
        req,
      );
      return deps.gowOrders.deposit(r);
    },
    async 'transfers/gow-withdraw'(req) {
      await deps.ready;
      const r = input(
        v.object({
          currencyAmount: required(24),
          receiveAccount: required(64),
          receiveName: required(),
          receiveFirstName: required(),
          receiveMiddleName: v.optional(text(), ''),
          receiveLastName: required(),
          receiveBirthDate: date,
          receiveCountry: country,
          receiveProvince: v.optional(text()),
          receiveCity: v.optional(text()),
          receiveAddr: required(256),
          receiveBankName: required(),
          receiveBankAddress: required(256),
          bankCountryCode: country,
          bankProvince: required(),
          bankCity: required(),
          branchName: required(),
          bankSwiftCode: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9]{8,11}$/)),
        }),
        req,
      );
      return deps.gowOrders.withdraw(r);
    },
    async 'transfers/refresh'() {
      await deps.ready;
      // Each source may fail alone (locked vault, platform down): the others still settle.
      await Promise.allSettled([deps.gowOrders.poll(), deps.grandchainSend.reconcile()]);
      return deps.transfers.all();
    },
  };
}
