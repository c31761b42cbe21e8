/**
 * Turning a deposit or withdrawal request (docs/providers/gow.md, Endpoints) into an order:
 * required fields, formats (validate.ts), the account's KYC, and pricing (orders.ts). Storage, the
 * duplicate check and the status timers stay with the simulator.
 */
import { fail, GOW_CODE } from './codes';
import {
  priceDeposit,
  priceWithdrawal,
  RECEIVE_ACCOUNT,
  type ApplyStatus,
  type GowOrder,
} from './orders';
import {
  checkAmount,
  checkBirthDate,
  checkCountry,
  checkFiat,
  checkOrderNo,
  checkPattern,
  checkSource,
  required,
  type Params,
} from './validate';

export const DEPOSIT_FIELDS = [
  'orderNo',
  'account',
  'source',
  'legalAmount',
  'fiatCurrency',
  'countryCode',
  'firstName',
  'middleName',
  'lastName',
  'birthDate',
  'noteCode',
] as const;

export const WITHDRAWAL_FIELDS = [
  'orderNo',
  'account',
  'source',
  'currencyAmount',
  'fiatCurrency',
  'receiveAccount',
  'receiveName',
  'receiveFirstName',
  'receiveMiddleName',
  'receiveLastName',
  'receiveBirthDate',
  'receiveCountry',
  'receiveAddr',
  'receiveBankName',
  'receiveBankAddress',
  'bankCountryCode',
  'bankProvince',
  'bankCity',
  'branchName',
  'bankSwiftCode',
] as const;
/** §6 marks these two 是否必须 false. */
const WITHDRAWAL_OPTIONAL = ['receiveProvince', 'receiveCity'] as const;

export function buildOrder(
  p: Params,
  type: 1 | 2,
  apiKey: string,
  now: number,
  cardStatus: number | undefined,
): GowOrder {
  // Middle names are required (§4/§6) but may be empty: not everyone has one.
  required(p, type === 1 ? DEPOSIT_FIELDS : WITHDRAWAL_FIELDS, [
    type === 1 ? 'middleName' : 'receiveMiddleName',
  ]);
  checkOrderNo(p.orderNo ?? '');
  checkSource(p.source);
  checkFiat(p.fiatCurrency ?? '');
  const orderNo = p.orderNo ?? '';
  const account = p.account ?? '';
  if (cardStatus === undefined) fail(GOW_CODE.unknownAccount, 'account not found');
  if (cardStatus !== 1) fail(GOW_CODE.kycNotPassed, 'account has not passed KYC');
  const base = {
    orderNo,
    apiKey,
    account,
    applyType: type,
    applyStatus: 1 as ApplyStatus,
    dateCreate: now,
    dateAudit: null,
    deadlinePay: null,
    timePay: null,
    timeIssue: null,
    gen: 0,
  };
  let order: GowOrder;
  if (type === 1) {
    const legalCentavos = checkAmount('legalAmount', p.legalAmount ?? '', 2);
    checkCountry('countryCode', p.countryCode ?? '');
    checkBirthDate('birthDate', p.birthDate ?? '', now);
    checkPattern(
      'noteCode',
      p.noteCode ?? '',
      /^[\x21-\x7e]{1,64}$/,
      '1-64 visible ASCII characters',
    );
    const { currency6, channelFee6 } = priceDeposit(legalCentavos);
    if (currency6 <= 0n) fail(GOW_CODE.badParam, 'legalAmount does not cover the fees');
    order = {
      ...base,
      legalCentavos,
      currency6,
      channelFee6,
      noteCode: p.noteCode ?? null,
      payer: {
        firstName: p.firstName ?? '',
        middleName: p.middleName ?? '',
        lastName: p.lastName ?? '',
        countryCode: p.countryCode ?? '',
        birthDate: p.birthDate ?? '',
      },
      payee: {
        ...RECEIVE_ACCOUNT,
        receiveName: `${RECEIVE_ACCOUNT.receiveFirstName} ${RECEIVE_ACCOUNT.receiveLastName}`,
      },
    };
  } else {
    const currency6 = checkAmount('currencyAmount', p.currencyAmount ?? '', 6);
    checkCountry('receiveCountry', p.receiveCountry ?? '');
    checkCountry('bankCountryCode', p.bankCountryCode ?? '');
    checkBirthDate('receiveBirthDate', p.receiveBirthDate ?? '', now);
    checkPattern(
      'receiveAccount',
      p.receiveAccount ?? '',
      /^[A-Za-z0-9]{4,34}$/,
      '4-34 letters or digits',
    );
    checkPattern(
      'bankSwiftCode',
      p.bankSwiftCode ?? '',
      /^[A-Za-z0-9]{8}([A-Za-z0-9]{3})?$/,
      '8 or 11 letters or digits',
    );
    const { legalCentavos, channelFee6 } = priceWithdrawal(currency6);
    if (legalCentavos <= 0n) fail(GOW_CODE.badParam, 'currencyAmount does not cover the fees');
    const payee: Record<string, string> = {};
    for (const name of [...WITHDRAWAL_FIELDS, ...WITHDRAWAL_OPTIONAL]) {
      if (name.startsWith('receive') || name.startsWith('bank') || name === 'branchName') {
        const value = p[name];
        if (value !== undefined) payee[name] = value;
      }
    }
    order = {
      ...base,
      legalCentavos,
      currency6,
      channelFee6,
      noteCode: null,
      payer: null,
      payee,
    };
  }
  return order;
}
