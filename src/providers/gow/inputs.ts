/**
 * Order input checked before anything is signed or sent (docs/providers/gow.md, Input checks before
 * sending). A rejected field is an `invalid_input` error naming the field, never its value.
 */
import { errors } from '../../core/errors';
import { randomAlphanumeric } from '../../core/bytes';
import { isDecimal, normalizeDecimal } from '../../core/money';
import { GOW_FIAT_CURRENCY, GOW_ORDER_NO_MAX, GOW_SOURCE } from './description';

export interface GowDepositInput {
  orderNo: string;
  /** Fiat amount (php) as a decimal string. */
  legalAmount: string;
  /** Remitter's country, ISO 3166 alpha-2 (the seed's examples: "CN", "PH"). */
  countryCode: string;
  firstName: string;
  /** May be empty for people without one; always sent (the seed marks it required). */
  middleName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** The note the remitter writes on the transfer, used to match the payment (备注码). */
  noteCode: string;
}

export interface GowWithdrawalInput {
  orderNo: string;
  /** Stablecoin amount to sell, as a decimal string. */
  currencyAmount: string;
  receiveAccount: string;
  receiveName: string;
  receiveFirstName: string;
  receiveMiddleName: string;
  receiveLastName: string;
  /** YYYY-MM-DD. */
  receiveBirthDate: string;
  receiveCountry: string;
  receiveProvince?: string;
  receiveCity?: string;
  receiveAddr: string;
  receiveBankName: string;
  receiveBankAddress: string;
  bankCountryCode: string;
  bankProvince: string;
  bankCity: string;
  branchName: string;
  bankSwiftCode: string;
}

function invalid(field: string, en: string, zh: string): never {
  throw errors.invalid_input({ en: `${field}: ${en}`, zh: `${field}：${zh}` }, { platform: 'gow' });
}

/** orderNo: 1 to 40 printable ASCII characters without spaces. */
export function checkOrderNo(orderNo: string): string {
  if (orderNo.length === 0 || orderNo.length > GOW_ORDER_NO_MAX) {
    invalid(
      'orderNo',
      `must be 1 to ${GOW_ORDER_NO_MAX} characters`,
      `长度须为 1 到 ${GOW_ORDER_NO_MAX} 位`,
    );
  }
  if (!/^[\x21-\x7e]+$/.test(orderNo)) {
    invalid(
      'orderNo',
      'only letters, digits and punctuation, no spaces',
      '只能包含字母、数字和符号，不能有空格',
    );
  }
  return orderNo;
}

/** A fresh order number: "CD" + epoch ms + random letters, 30 characters (≤ 40). */
export function newGowOrderNo(nowMs: number): string {
  return `CD${Math.floor(nowMs)}${randomAlphanumeric(15)}`.slice(0, GOW_ORDER_NO_MAX);
}

function checkAmount(field: string, value: string): string {
  if (!isDecimal(value) || value.startsWith('-') || value.startsWith('+')) {
    invalid(field, 'must be a plain decimal number', '必须是十进制数字');
  }
  if (normalizeDecimal(value) === '0') invalid(field, 'must be greater than zero', '必须大于零');
  return value;
}

function checkText(field: string, value: string | undefined, allowEmpty = false): string {
  const v = (value ?? '').trim();
  if (!allowEmpty && v === '') invalid(field, 'is required', '必填');
  if (v.length > 200) invalid(field, 'is too long', '过长');
  return v;
}

function checkCountry(field: string, value: string): string {
  const v = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(v))
    invalid(field, 'must be a two-letter country code', '须为两位国家代码');
  return v;
}

function checkDate(field: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    invalid(field, 'must be a date written YYYY-MM-DD', '日期格式须为 YYYY-MM-DD');
  }
  return value.trim();
}

/** The signed body of §4, in the seed's field order. */
export function depositBody(account: string, input: GowDepositInput): Record<string, string> {
  return {
    orderNo: checkOrderNo(input.orderNo),
    account: checkText('account', account),
    source: GOW_SOURCE,
    legalAmount: checkAmount('legalAmount', input.legalAmount),
    fiatCurrency: GOW_FIAT_CURRENCY,
    countryCode: checkCountry('countryCode', input.countryCode),
    firstName: checkText('firstName', input.firstName),
    middleName: checkText('middleName', input.middleName, true),
    lastName: checkText('lastName', input.lastName),
    birthDate: checkDate('birthDate', input.birthDate),
    noteCode: checkText('noteCode', input.noteCode),
  };
}

/** The signed body of §6; the two optional fields are left out when empty (not signed either). */
export function withdrawalBody(account: string, input: GowWithdrawalInput): Record<string, string> {
  const body: Record<string, string> = {
    orderNo: checkOrderNo(input.orderNo),
    account: checkText('account', account),
    source: GOW_SOURCE,
    currencyAmount: checkAmount('currencyAmount', input.currencyAmount),
    fiatCurrency: GOW_FIAT_CURRENCY,
    receiveAccount: checkText('receiveAccount', input.receiveAccount),
    receiveName: checkText('receiveName', input.receiveName),
    receiveFirstName: checkText('receiveFirstName', input.receiveFirstName),
    receiveMiddleName: checkText('receiveMiddleName', input.receiveMiddleName, true),
    receiveLastName: checkText('receiveLastName', input.receiveLastName),
    receiveBirthDate: checkDate('receiveBirthDate', input.receiveBirthDate),
    receiveCountry: checkCountry('receiveCountry', input.receiveCountry),
    receiveAddr: checkText('receiveAddr', input.receiveAddr),
    receiveBankName: checkText('receiveBankName', input.receiveBankName),
    receiveBankAddress: checkText('receiveBankAddress', input.receiveBankAddress),
    bankCountryCode: checkCountry('bankCountryCode', input.bankCountryCode),
    bankProvince: checkText('bankProvince', input.bankProvince),
    bankCity: checkText('bankCity', input.bankCity),
    branchName: checkText('branchName', input.branchName),
    bankSwiftCode: checkText('bankSwiftCode', input.bankSwiftCode),
  };
  const province = checkText('receiveProvince', input.receiveProvince, true);
  const city = checkText('receiveCity', input.receiveCity, true);
  if (province) body.receiveProvince = province;
  if (city) body.receiveCity = city;
  return body;
}
