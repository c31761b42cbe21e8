/**
 * GOW fiat on/off-ramp and KYC (docs/providers/gow.md): what the options page, the background
 * and the tests read about the platform.
 */
import type { ProviderDescription } from '../types';
import { gowCapabilities } from './capabilities';
import { charsRule, noSpacesRule } from '../credentials';

/** `source` is a fixed channel value in every call (渠道来源，固定值： binance; docs/providers/gow.md). */
export const GOW_SOURCE = 'binance';
/** The only fiat currency GOW allows (固定：php; docs/providers/gow.md). */
export const GOW_FIAT_CURRENCY = 'php';
/** 订单编号（长度40位以内，含40）, docs/providers/gow.md. */
export const GOW_ORDER_NO_MAX = 40;

export const gowDescription: ProviderDescription = {
  id: 'gow',
  capabilities: gowCapabilities,
  about: {
    en: 'Buy and sell crypto for pesos (PHP) by bank transfer, with an identity check.',
    zh: '通过银行转账用比索（PHP）买卖加密货币，需实名认证。',
  },
  // GOW's documentation names no hosts for production or test: those are set as a custom base URL.
  // The sandbox value is contract.ts PREFIX.gow on the default port, copied (src/ never imports
  // sandbox/).
  environments: { sandbox: 'http://127.0.0.1:8787/gow' },
  endpoints: {
    authStatus: { method: 'GET', path: '/user/findUserAuthStatus' },
    kycPage: { method: 'GET', path: '/user/userKyc.html', page: true },
    receiveAccountInfo: { method: 'GET', path: '/transaction/getReceiveAccountInfo' },
    addDepositOrder: { method: 'POST', path: '/transaction/addChangeApplyOrder' },
    orderDetail: { method: 'GET', path: '/transaction/getOrderDetail' },
    addWithdrawalOrder: { method: 'POST', path: '/transaction/addChangeApplySale' },
  },
  credentials: [
    {
      key: 'apiKey',
      label: { en: 'API key', zh: 'API Key 访问密钥' },
      secret: false,
      required: true,
      ...charsRule(
        'A-Za-z0-9_-',
        { en: 'letters, digits, “_” and “-”', zh: '字母、数字、“_”和“-”' },
        8,
        128,
      ),
      hint: {
        en: 'From GOW when you apply for API access.',
        zh: '申请 API 访问时由 GOW 提供。',
      },
    },
    {
      key: 'secretKey',
      label: { en: 'Secret key', zh: 'Secret Key 签名密钥' },
      secret: true,
      required: true,
      ...noSpacesRule(8, 256),
      hint: {
        en: 'Shown once when the API key is created; used only to sign requests.',
        zh: '仅在申请时可见，只用于签名。',
      },
    },
    {
      key: 'account',
      label: {
        en: 'Account (email or your user id)',
        zh: '账户（用户邮箱或您系统中的用户 ID）',
      },
      secret: false,
      required: true,
      ...noSpacesRule(1, 128),
      hint: {
        en: 'The GOW user whose KYC and orders CoinDock shows.',
        zh: 'CoinDock 显示其实名认证和订单的 GOW 用户。',
      },
    },
  ],
  /**
   * GOW's documentation (docs/providers/gow.md) says only "000000 = success, any other code is an error" (返回内容格式) and
   * the HTTP statuses 401/403/404. These are the business codes GOW answers with, in its
   * six-digit style; a code not in this table is shown with GOW's own `description`.
   */
  errorCodes: {
    '000001': { kind: 'invalid_input', en: 'Missing or invalid parameter', zh: '参数错误' },
    '000002': { kind: 'signature', en: 'Signature check failed', zh: '签名错误' },
    '000003': {
      kind: 'timestamp_skew',
      en: 'Request timestamp expired or too far from server time',
      zh: '时间戳过期',
    },
    '000004': { kind: 'permission', en: 'Unknown or disabled API key', zh: 'API KEY 无效' },
    '000005': { kind: 'not_found', en: 'Account not found', zh: '账户不存在' },
    '000006': { kind: 'not_found', en: 'Order not found', zh: '订单不存在' },
    '000007': { kind: 'duplicate', en: 'Order number already used', zh: '订单编号重复' },
    '000008': {
      kind: 'permission',
      en: 'The account has not passed KYC',
      zh: '用户未通过实名认证',
    },
    '000009': { kind: 'invalid_input', en: 'Unsupported fiat currency', zh: '不支持的法币类型' },
    '000010': { kind: 'invalid_input', en: 'Unknown source channel', zh: '渠道来源错误' },
    '999999': { kind: 'platform', en: 'GOW system error', zh: '系统错误' },
  },
};

export default gowDescription;
