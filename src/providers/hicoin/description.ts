/**
 * HiCoin open platform, OAuth (seed 004, providers.md §5).
 */
import type { ProviderDescription } from '../types';

export const HICOIN_ENDPOINTS = {
  authorize: '/connect/oauth/authorize',
  token: '/sns/oauth/access_token',
  refresh: '/sns/oauth/refresh_token',
  userInfo: '/sns/user/info',
} as const;

export type HicoinScope = 'snsapi_base' | 'snsapi_userinfo';

const httpUrl = /^https?:\/\/[^\s]+$/;

export const hicoinDescription: ProviderDescription = {
  id: 'hicoin',
  name: { en: 'HiCoin', zh: 'HiCoin' },
  environments: {
    // seed 004 §2.2: 生产环境 / 测试环境.
    production: 'https://oauth.hicoin.vip/api',
    test: 'http://oauth.hicoin.one/api',
    // contract.ts PREFIX.hicoin on the sandbox's default port, copied (src/ never imports sandbox/).
    sandbox: 'http://127.0.0.1:8787/hicoin/api',
  },
  // The sandbox verifies PKCE; the platform's own document does not mention it, so production
  // and test are not sent one (docs/providers/hicoin.md, "PKCE").
  pkce: { sandbox: true },
  endpoints: {
    authorize: { method: 'GET', path: HICOIN_ENDPOINTS.authorize, page: true },
    token: { method: 'POST', path: HICOIN_ENDPOINTS.token },
    refresh: { method: 'POST', path: HICOIN_ENDPOINTS.refresh },
    userInfo: { method: 'GET', path: HICOIN_ENDPOINTS.userInfo },
  },
  credentials: [
    {
      key: 'appId',
      label: { en: 'app_id', zh: 'app_id 第三方标识' },
      secret: false,
      required: true,
      pattern: /^[A-Za-z0-9_.-]{1,128}$/,
    },
    {
      key: 'secret',
      label: { en: 'App secret', zh: 'secret 第三方key' },
      secret: true,
      required: true,
      pattern: /^\S{1,256}$/,
    },
    {
      key: 'redirectUri',
      label: { en: 'Registered redirect URI', zh: '授权回调链接 redirect_uri' },
      secret: false,
      required: true,
      pattern: httpUrl,
      secureUrl: true,
    },
    {
      key: 'walletRedirect',
      label: { en: 'wallet_redirect', zh: 'wallet_redirect' },
      secret: false,
      required: true,
      pattern: /^\S{1,2048}$/,
      hint: {
        en: 'Required on every authorize page, opened directly or through a 302 (seed 004 §2.2).',
        zh: '无论直接打开还是做页面302重定向时候，必须带此参数。',
      },
    },
    {
      key: 'scope',
      label: { en: 'Scope', zh: '应用授权作用域 scope' },
      secret: false,
      required: true,
      pattern: /^snsapi_(base|userinfo)$/,
      hint: {
        en: 'snsapi_base: silent, openid only. snsapi_userinfo: consent page, profile.',
        zh: 'snsapi_base：不弹出授权页面，只能获取 openid；snsapi_userinfo：弹出授权页面，可获取用户信息。',
      },
    },
  ],
  /**
   * Seed 004 lists no error codes. HiCoin's wider documentation answers `{code, msg, data}`;
   * its OAuth is WeChat's web OAuth almost word for word, so these are WeChat's codes with
   * WeChat's meanings (40001 is an invalid access_token, 40125 a wrong secret). Any other code
   * is shown with HiCoin's own `msg`.
   */
  errorCodes: {
    '-1': { kind: 'platform', en: 'System busy, try again later', zh: '系统繁忙，请稍后再试' },
    '10003': {
      kind: 'invalid_input',
      en: 'redirect_uri does not match the registered one',
      zh: 'redirect_uri 与注册的不一致',
    },
    '10005': {
      kind: 'permission',
      en: 'The app may not use this scope',
      zh: '应用未获得该 scope 权限',
    },
    '40001': {
      kind: 'auth_expired',
      en: 'Invalid credential: the access_token is not valid',
      zh: '不合法的凭证，access_token 无效',
    },
    '40002': { kind: 'invalid_input', en: 'Invalid grant_type', zh: '不合法的 grant_type' },
    '40003': { kind: 'not_found', en: 'Invalid openid', zh: '不合法的 openid' },
    '40013': { kind: 'permission', en: 'Invalid app_id', zh: '不合法的 app_id' },
    '40014': { kind: 'auth_expired', en: 'Invalid access_token', zh: '不合法的 access_token' },
    '40029': { kind: 'auth_expired', en: 'Invalid or expired code', zh: '不合法或已过期的 code' },
    '40030': { kind: 'auth_expired', en: 'Invalid refresh_token', zh: '不合法的 refresh_token' },
    '40097': { kind: 'invalid_input', en: 'Invalid arguments', zh: '参数错误' },
    '40125': { kind: 'permission', en: 'Invalid app secret', zh: '不合法的 secret' },
    '40163': { kind: 'auth_expired', en: 'The code has already been used', zh: 'code 已被使用' },
    '41001': { kind: 'invalid_input', en: 'Missing access_token', zh: '缺少 access_token 参数' },
    '41002': { kind: 'invalid_input', en: 'Missing app_id', zh: '缺少 app_id 参数' },
    '41003': { kind: 'invalid_input', en: 'Missing refresh_token', zh: '缺少 refresh_token 参数' },
    '41004': { kind: 'invalid_input', en: 'Missing secret', zh: '缺少 secret 参数' },
    '41008': { kind: 'invalid_input', en: 'Missing code', zh: '缺少 code 参数' },
    '41009': { kind: 'invalid_input', en: 'Missing openid', zh: '缺少 openid 参数' },
    '42001': { kind: 'auth_expired', en: 'access_token expired', zh: 'access_token 超时' },
    '42002': { kind: 'auth_expired', en: 'refresh_token expired', zh: 'refresh_token 超时' },
    '45009': { kind: 'rate_limited', en: 'API call limit reached', zh: '接口调用超过限制' },
    '48001': { kind: 'permission', en: 'The scope does not allow this API', zh: 'api 功能未授权' },
  },
};
