/**
 * BiYong merchant platform (docs/providers/biyong.md): environments, endpoints, credentials and
 * the complete error table, with messages for people in English and Chinese.
 */
import type { ProviderDescription } from '../types';
import { biyongCapabilities } from './capabilities';
import { LETTERS_DIGITS_DOT_DASH, charsRule, choicesRule } from '../credentials';
import { normalizeRsaKey, rsaKeyProblem } from './keys';

/** Endpoint paths exactly as BiYong's documentation names them (docs/providers/biyong.md). */
export const BIYONG_PATHS = {
  auth: '/biyong-user/auth',
  update: '/biyong-user/update',
  info: '/biyong-user/info',
  balancePage: '/biyong-user/balance/page',
  tokenInfoPage: '/common/token-info/page',
} as const;

/** The status of a successful answer (`"status":"0"`, docs/providers/biyong.md). */
export const BIYONG_OK = '0';

/** Largest page BiYong allows (每页条数，最大1000; docs/providers/biyong.md). */
export const BIYONG_MAX_PAGE_SIZE = 1000;

export const biyongDescription: ProviderDescription = {
  id: 'biyong',
  capabilities: biyongCapabilities,
  about: {
    en: 'Merchant wallet: with the user’s permission, their profile and balance history.',
    zh: '商户钱包：经用户授权，查看其资料和余额流水。',
  },
  environments: {
    // docs/providers/biyong.md names no host: BiYong gives merchants their API base URL with the AppId, so outside
    // the sandbox the user enters it as a custom base URL (no guessed production host here).
    sandbox: 'http://127.0.0.1:8787/biyong',
  },
  endpoints: {
    authorize: { method: 'GET', path: 'biyong://authorApp', page: true },
    auth: { method: 'POST', path: BIYONG_PATHS.auth },
    update: { method: 'POST', path: BIYONG_PATHS.update },
    info: { method: 'POST', path: BIYONG_PATHS.info },
    balancePage: { method: 'POST', path: BIYONG_PATHS.balancePage },
    tokenInfoPage: { method: 'POST', path: BIYONG_PATHS.tokenInfoPage },
  },
  credentials: [
    {
      key: 'appId',
      label: { en: 'App ID', zh: 'AppId 应用 ID' },
      secret: false,
      required: true,
      ...charsRule('A-Za-z0-9_.-', LETTERS_DIGITS_DOT_DASH, 1, 128),
      hint: {
        en: 'Given by BiYong when you register as a merchant.',
        zh: '商户注册时由币用分配。',
      },
    },
    {
      key: 'merchantPrivateKey',
      label: { en: 'Merchant private key', zh: '商户私钥' },
      secret: true,
      required: true,
      check: (v) => rsaKeyProblem(v, 'private'),
      normalize: (v) => normalizeRsaKey(v, 'private'),
      hint: {
        en: 'RSA, 2048 bits recommended. Paste it as openssl writes it (-----BEGIN PRIVATE KEY-----) or as base64.',
        zh: 'RSA 密钥，建议 2048 位。可直接粘贴 openssl 生成的 PEM（-----BEGIN PRIVATE KEY-----）或 base64 文本。',
      },
    },
    {
      key: 'merchantPublicKey',
      label: { en: 'Merchant public key', zh: '商户公钥' },
      secret: false,
      required: false,
      check: (v) => rsaKeyProblem(v, 'public'),
      normalize: (v) => normalizeRsaKey(v, 'public'),
      hint: {
        en: 'Register this one with BiYong; kept here to show it again.',
        zh: '需在币用登记此公钥；保存以便再次查看。',
      },
    },
    {
      key: 'platformPublicKey',
      label: { en: 'BiYong’s public key', zh: '币用平台公钥' },
      secret: false,
      required: true,
      check: (v) => rsaKeyProblem(v, 'public'),
      normalize: (v) => normalizeRsaKey(v, 'public'),
      hint: {
        en: 'From BiYong’s merchant console; proves each answer comes from BiYong.',
        zh: '在币用商户后台获取；用于验证每个响应确实来自币用。',
      },
    },
    {
      key: 'hashMode',
      label: { en: 'Signature hash', zh: '签名哈希算法' },
      secret: false,
      required: false,
      ...choicesRule([
        { value: 'SHA256', label: { en: 'SHA-256 (BiYong’s default)', zh: 'SHA-256（币用默认）' } },
        { value: 'SHA1', label: { en: 'SHA-1', zh: 'SHA-1' } },
        { value: 'SHA384', label: { en: 'SHA-384', zh: 'SHA-384' } },
        { value: 'SHA512', label: { en: 'SHA-512', zh: 'SHA-512' } },
      ]),
      hint: {
        en: 'Keep SHA-256 unless BiYong set your account up with another.',
        zh: '除非币用为您的账户设置了其他算法，请保持 SHA-256。',
      },
    },
    {
      key: 'userToken',
      label: { en: 'Your id for this user (optional)', zh: '您为该用户设置的标识（可选）' },
      // The merchant's own token for this user (docs/providers/biyong.md, /biyong-user/update):
      // kept with the secrets because it may identify the user on the merchant's side.
      secret: true,
      required: false,
      ...charsRule('A-Za-z0-9_', { en: 'letters, digits and “_”', zh: '字母、数字和“_”' }, 1, 64),
      hint: {
        en: 'Sent to BiYong once the user allows CoinDock, so BiYong can match the user to yours.',
        zh: '用户授权后发送给币用，便于币用将该用户与您的用户对应。',
      },
    },
  ],
  errorCodes: {
    '100000': {
      kind: 'platform',
      en: 'BiYong business error (see its message)',
      zh: '通用业务错误，具体信息参考 message',
    },
    '100100': { kind: 'platform', en: 'BiYong call error', zh: '调用异常' },
    '100101': {
      kind: 'permission',
      en: 'This merchant may not call this API',
      zh: '商户无权访问此接口',
    },
    '100102': {
      kind: 'permission',
      en: 'The user has not authorised the merchant to see this data',
      zh: '用户未授权商户访问此数据',
    },
    '100400': {
      kind: 'timestamp_skew',
      en: 'The request time is too far from BiYong’s clock',
      zh: '请求时间戳与服务器误差超过限制',
    },
    '100401': { kind: 'signature', en: 'BiYong rejected the signature', zh: '验签失败' },
  },
};

export default biyongDescription;
