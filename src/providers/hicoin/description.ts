/**
 * HiCoin open platform, OAuth (docs/providers/hicoin.md).
 */
import type { ProviderDescription } from '../types';
import { hicoinCapabilities } from './capabilities';
import {
  LETTERS_DIGITS_DOT_DASH,
  charsRule,
  choicesRule,
  noSpacesRule,
  urlRule,
} from '../credentials';

export const HICOIN_ENDPOINTS = {
  authorize: '/connect/oauth/authorize',
  token: '/sns/oauth/access_token',
  refresh: '/sns/oauth/refresh_token',
  userInfo: '/sns/user/info',
} as const;

export type HicoinScope = 'snsapi_base' | 'snsapi_userinfo';

export const hicoinDescription: ProviderDescription = {
  id: 'hicoin',
  capabilities: hicoinCapabilities,
  about: {
    en: 'Wallet sign-in: the user’s HiCoin profile.',
    zh: '钱包授权登录：查看用户的 HiCoin 资料。',
  },
  environments: {
    // The production and test hosts of docs/providers/hicoin.md.
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
      label: { en: 'App ID (app_id)', zh: '应用 ID（app_id）' },
      secret: false,
      required: true,
      ...charsRule('A-Za-z0-9_.-', LETTERS_DIGITS_DOT_DASH, 1, 128),
      hint: { en: 'Given by HiCoin for your app.', zh: '由 HiCoin 为您的应用分配。' },
    },
    {
      key: 'secret',
      label: { en: 'App secret', zh: '应用密钥（secret）' },
      secret: true,
      required: true,
      ...noSpacesRule(1, 256),
      hint: {
        en: 'Given with the App ID; kept encrypted in the vault.',
        zh: '与应用 ID 一起提供；加密保存在保险库中。',
      },
    },
    {
      key: 'redirectUri',
      label: { en: 'Registered redirect URL', zh: '登记的授权回调网址（redirect_uri）' },
      secret: false,
      required: true,
      ...urlRule(),
      secureUrl: true,
      hint: {
        en: 'Exactly the address you registered with HiCoin for your app.',
        zh: '须与在 HiCoin 为应用登记的网址完全一致。',
      },
    },
    {
      key: 'walletRedirect',
      label: {
        en: 'Wallet return address (wallet_redirect)',
        zh: '钱包返回地址（wallet_redirect）',
      },
      secret: false,
      required: true,
      ...noSpacesRule(1, 2048),
      hint: {
        en: 'Where HiCoin’s wallet app sends the user back; HiCoin requires it on every sign-in page.',
        zh: 'HiCoin 钱包应用将用户送回的地址；每个授权页面都必须带上。',
      },
    },
    {
      key: 'scope',
      label: { en: 'What CoinDock may see', zh: '授权范围（scope）' },
      secret: false,
      required: true,
      ...choicesRule([
        {
          value: 'snsapi_userinfo',
          label: {
            en: 'Profile (asks the user; name and picture)',
            zh: '用户信息（弹出授权页，可获取昵称和头像）',
          },
        },
        {
          value: 'snsapi_base',
          label: {
            en: 'User id only (no question asked)',
            zh: '仅用户标识（不弹出授权页）',
          },
        },
      ]),
      hint: {
        en: 'Profile shows the user’s name in CoinDock; “user id only” signs in silently.',
        zh: '“用户信息”可在 CoinDock 显示用户昵称；“仅用户标识”静默授权。',
      },
    },
  ],
  /**
   * HiCoin's OAuth document (docs/providers/hicoin.md) lists no error codes. HiCoin's wider documentation answers `{code, msg, data}`;
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

export default hicoinDescription;
