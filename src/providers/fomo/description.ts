/**
 * FOMO open platform (docs/providers/fomo.md): environments, endpoints, credentials and the
 * appendix error table.
 */
import type { ProviderDescription } from '../types';
import { fomoCapabilities } from './capabilities';
import { LETTERS_DIGITS_DOT_DASH, charsRule, noSpacesRule, urlRule } from '../credentials';
import { FOMO_ERROR_CODES } from './error-table';

export const FOMO_ENDPOINTS = {
  authorize: 'oauth2/authorize',
  token: 'oauth2/authorize/token',
  refresh: 'oauth2/RefreshToken',
  userInfo: 'oauth2/resource/get_user_info',
  pay: 'oauth2/authorize/pay',
} as const;

export const fomoDescription: ProviderDescription = {
  id: 'fomo',
  capabilities: fomoCapabilities,
  about: {
    en: 'Crypto wallet: balances, deposits and withdrawals through FOMO’s pay page.',
    zh: '加密钱包：查看余额，通过 FOMO 支付页充值和提现。',
  },
  environments: {
    // FOMO's documentation gives only its test address (二.0 测试网址, docs/providers/fomo.md);
    // production is a custom base URL.
    test: 'http://39.108.51.7/fomo/',
    // contract.ts PREFIX.fomo on the sandbox's default port, copied (src/ never imports sandbox/).
    sandbox: 'http://127.0.0.1:8787/fomo/',
  },
  // The sandbox verifies PKCE; the platform's own document does not mention it, so production
  // and test are not sent one (docs/providers/fomo.md, "PKCE").
  pkce: { sandbox: true },
  endpoints: {
    authorize: { method: 'GET', path: FOMO_ENDPOINTS.authorize, page: true },
    token: { method: 'POST', path: FOMO_ENDPOINTS.token },
    refresh: { method: 'POST', path: FOMO_ENDPOINTS.refresh },
    userInfo: { method: 'GET', path: FOMO_ENDPOINTS.userInfo },
    pay: { method: 'GET', path: FOMO_ENDPOINTS.pay, page: true },
  },
  credentials: [
    {
      key: 'clientId',
      label: { en: 'App ID (client_id)', zh: '应用 ID（client_id）' },
      secret: false,
      required: true,
      ...charsRule('A-Za-z0-9_.-', LETTERS_DIGITS_DOT_DASH, 1, 128),
      hint: {
        en: 'Shown with your app in FOMO’s developer console.',
        zh: '在 FOMO 开发者后台的应用信息中查看。',
      },
    },
    {
      key: 'clientSecret',
      label: { en: 'App secret (client_secret)', zh: '应用密钥（client_secret）' },
      secret: true,
      required: true,
      ...noSpacesRule(1, 256),
      hint: {
        en: 'Shown with the App ID; kept encrypted in the vault.',
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
        en: 'Exactly the address you registered with FOMO for your app.',
        zh: '须与在 FOMO 为应用登记的网址完全一致。',
      },
    },
    {
      key: 'serverUri',
      label: { en: 'Your server’s callback URL (server_uri)', zh: '服务器回调网址（server_uri）' },
      secret: false,
      required: true,
      ...urlRule(),
      secureUrl: true,
      hint: {
        en: 'FOMO tells this address when a payment finishes.',
        zh: '支付完成时 FOMO 会通知这个网址。',
      },
    },
    {
      key: 'frontUri',
      label: {
        en: 'Return page after a withdrawal (front_uri)',
        zh: '提现后返回的页面（front_uri）',
      },
      secret: false,
      required: false,
      ...urlRule(),
      secureUrl: true,
      hint: {
        en: 'Optional: where FOMO sends the user back after a withdrawal.',
        zh: '可选：提现后 FOMO 将用户带回的页面。',
      },
    },
  ],
  errorCodes: FOMO_ERROR_CODES,
};

export default fomoDescription;
