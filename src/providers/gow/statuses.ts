/**
 * GOW's numeric status fields decoded into words for people (cardStatus, applyStatus, applyType,
 * buyType, loanType: docs/providers/gow.md, Endpoints). Unknown values are kept and labelled as
 * such, never guessed: a new status on GOW's side must not crash the popup.
 */
import type { Bilingual } from '../../core/errors';

export type CardStatus = 0 | 1 | 2 | 3 | 4;

export const CARD_STATUS: Readonly<Record<CardStatus, Bilingual>> = {
  0: { en: 'Awaiting submission', zh: '待提交' },
  1: { en: 'Approved', zh: '审核通过' },
  2: { en: 'Rejected', zh: '审核不通过' },
  3: { en: 'Under review', zh: '待审核' },
  4: { en: 'Not verified', zh: '未认证' },
};

export const APPLY_STATUS: Readonly<Record<number, Bilingual>> = {
  1: { en: 'Pending review', zh: '待审核' },
  2: { en: 'Rejected', zh: '审核不通过' },
  3: { en: 'Awaiting payment', zh: '待打款（审核通过）' },
  4: { en: 'Awaiting coin release', zh: '待放币' },
  5: { en: 'Released', zh: '已放币' },
};

export const APPLY_TYPE: Readonly<Record<number, Bilingual>> = {
  1: { en: 'Deposit', zh: '入金' },
  2: { en: 'Withdrawal', zh: '出金' },
};

export const BUY_TYPE: Readonly<Record<number, Bilingual>> = {
  1: { en: 'WeChat', zh: '微信' },
  2: { en: 'Alipay', zh: '支付宝' },
  3: { en: 'Bank card', zh: '银行卡' },
};

export const LOAN_TYPE: Readonly<Record<number, Bilingual>> = {
  1: { en: 'Manual', zh: '手动' },
  2: { en: 'Automatic', zh: '自动' },
};

/** A decoded status: the value as GOW sent it plus words for people. */
export interface DecodedStatus {
  value: number;
  label: Bilingual;
}

export function decodeStatus(
  table: Readonly<Record<number, Bilingual>>,
  value: number,
): DecodedStatus {
  return {
    value,
    label: table[value] ?? { en: `Unknown status ${value}`, zh: `未知状态 ${value}` },
  };
}
