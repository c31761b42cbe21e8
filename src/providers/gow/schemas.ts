/**
 * Response shapes of GOW (docs/providers/gow.md, Replies and errors). Every reply is
 * `{code, data, description}` with code "000000" for success; data fields follow the seed's tables.
 * Unknown extra fields are tolerated (valibot `looseObject`); fields the seed lists but a reply
 * leaves out are optional unless the feature cannot work without them.
 */
import * as v from 'valibot';
import { decimalAmount, epochMs, intLike, optText } from './json-values';

export const SUCCESS_CODE = '000000';

/** The envelope. `code` is a string per the seed; a numeric code is tolerated and kept as text. */
export const envelopeSchema = v.looseObject({
  code: v.pipe(
    v.union([v.string(), v.number()]),
    v.transform((c) => String(c)),
  ),
  data: v.optional(v.unknown()),
  description: v.optional(v.nullable(v.string())),
});

/** §1 findUserAuthStatus. */
export const authStatusSchema = v.looseObject({
  cardStatus: v.pipe(
    intLike,
    v.check((n) => n >= 0 && n <= 4, 'a cardStatus from 0 to 4'),
  ),
});

/** §3 getReceiveAccountInfo: where the user sends fiat. */
export const receiveAccountSchema = v.looseObject({
  receiveBankName: optText,
  receiveAccount: optText,
  receiveFirstName: optText,
  receiveMiddleName: optText,
  receiveLastName: optText,
  receiveCountry: optText,
  receiveProvince: optText,
  receiveCity: optText,
  receiveAddr: optText,
  receiveBankAddress: optText,
  bankCountryCode: optText,
  bankProvince: optText,
  bankCity: optText,
  bankSwiftCode: optText,
});

/** §4 / §6 order replies: the seed shows `{}`; whatever extra the platform adds is kept. */
export const orderAckSchema = v.nullish(v.looseObject({ orderNo: optText, noteCode: optText }));

/** §5 getOrderDetail. */
export const orderDetailSchema = v.looseObject({
  orderNo: optText,
  account: optText,
  legalCurrenyName: optText,
  legalAmount: v.optional(v.nullable(decimalAmount)),
  currencyAmount: v.optional(v.nullable(decimalAmount)),
  fee: v.optional(v.nullable(decimalAmount)),
  channelFeeRate: v.optional(v.nullable(decimalAmount)),
  channelFee: v.optional(v.nullable(decimalAmount)),
  exchRate: v.optional(v.nullable(decimalAmount)),
  buyType: v.optional(v.nullable(intLike)),
  dateCreate: v.optional(v.nullable(epochMs)),
  applyStatus: intLike,
  applyType: intLike,
  receiveAccount: optText,
  receiveName: optText,
  receiveFirstName: optText,
  receiveMiddleName: optText,
  receiveLastName: optText,
  receiveBirthDate: optText,
  receiveCountry: optText,
  receiveProvince: optText,
  receiveCity: optText,
  receiveAddr: optText,
  receiveBankName: optText,
  receiveBankAddress: optText,
  bankCountryCode: optText,
  bankProvince: optText,
  bankCity: optText,
  branchName: optText,
  bankSwiftCode: optText,
  payFirstName: optText,
  payMiddleName: optText,
  payLastName: optText,
  payCountry: optText,
  // Spelled this way in the seed (§5); kept as sent.
  payDirthDate: optText,
  noteCode: optText,
  dateAudit: v.optional(v.nullable(epochMs)),
  deadlinePay: v.optional(v.nullable(epochMs)),
  timePay: v.optional(v.nullable(epochMs)),
  timeIssue: v.optional(v.nullable(epochMs)),
  loanType: v.optional(v.nullable(intLike)),
});

export type ReceiveAccountInfo = v.InferOutput<typeof receiveAccountSchema>;
export type OrderDetailRaw = v.InferOutput<typeof orderDetailSchema>;
