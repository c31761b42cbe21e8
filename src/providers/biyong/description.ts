/**
 * BiYong merchant platform (seed 002, providers.md §3): environments, endpoints, credentials and
 * the complete error table of the seed, with messages for people in English and Chinese.
 */
import type { ProviderDescription } from '../types';

/** Endpoint paths exactly as seed 002 names them. */
export const BIYONG_PATHS = {
  auth: '/biyong-user/auth',
  update: '/biyong-user/update',
  info: '/biyong-user/info',
  balancePage: '/biyong-user/balance/page',
  tokenInfoPage: '/common/token-info/page',
} as const;

/** The status of a successful answer (seed 002: `"status":"0"`). */
export const BIYONG_OK = '0';

/** Largest page the seed allows (seed 002 §1.4 / §2.1: 每页条数，最大1000). */
export const BIYONG_MAX_PAGE_SIZE = 1000;

export const biyongDescription: ProviderDescription = {
  id: 'biyong',
  name: { en: 'BiYong', zh: 'BiYong（币用）' },
  environments: {
    // Seed 002 names no host: BiYong gives merchants their API base URL with the AppId, so outside
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
      label: { en: 'AppId', zh: 'AppId' },
      secret: false,
      required: true,
      pattern: /^[A-Za-z0-9_.-]{1,128}$/,
      hint: { en: 'Given by BiYong when the merchant registers', zh: '商户注册时 BiYong 分配' },
    },
    {
      key: 'merchantPrivateKey',
      label: { en: 'Merchant private key (PKCS#8, base64)', zh: '商户私钥（PKCS#8，base64）' },
      secret: true,
      required: true,
      pattern: /^[A-Za-z0-9+/=\s_-]{100,}$/,
      hint: { en: 'RSA, 2048 bits recommended', zh: 'RSA 密钥，建议 2048 位' },
    },
    {
      key: 'merchantPublicKey',
      label: { en: 'Merchant public key (X.509, base64)', zh: '商户公钥（X.509，base64）' },
      secret: false,
      required: false,
      pattern: /^[A-Za-z0-9+/=\s_-]{100,}$/,
      hint: {
        en: 'Register this one with BiYong; kept to show it again',
        zh: '需在 BiYong 登记此公钥；保存以便再次查看',
      },
    },
    {
      key: 'platformPublicKey',
      label: { en: 'BiYong public key (X.509, base64)', zh: 'BiYong 平台公钥（X.509，base64）' },
      secret: false,
      required: true,
      pattern: /^[A-Za-z0-9+/=\s_-]{100,}$/,
      hint: { en: 'Used to verify every answer', zh: '用于验证每个响应的签名' },
    },
    {
      key: 'hashMode',
      label: { en: 'Signature hash', zh: '签名哈希算法' },
      secret: false,
      required: false,
      pattern: /^SHA(1|256|384|512)$/,
      hint: { en: 'SHA256 unless BiYong says otherwise', zh: '默认 SHA256' },
    },
    {
      key: 'userToken',
      label: { en: 'User token to upload (optional)', zh: '上传的用户 token（可选）' },
      // The merchant's own token for this user (seed 002 §1.2 /biyong-user/update): kept with
      // the secrets because it may identify the user on the merchant's side.
      secret: true,
      required: false,
      pattern: /^[A-Za-z0-9_]{1,64}$/,
      hint: {
        en: 'Sent to BiYong with /biyong-user/update after the user authorises',
        zh: '用户授权后通过 /biyong-user/update 上传给 BiYong',
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
