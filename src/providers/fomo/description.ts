/**
 * FOMO open platform (seed 000, providers.md §1): environments, endpoints, credentials and the
 * appendix error table.
 */
import type { ProviderDescription } from '../types';
import { FOMO_ERROR_CODES } from './error-table';

export const FOMO_ENDPOINTS = {
  authorize: 'oauth2/authorize',
  token: 'oauth2/authorize/token',
  refresh: 'oauth2/RefreshToken',
  userInfo: 'oauth2/resource/get_user_info',
  pay: 'oauth2/authorize/pay',
} as const;

const httpUrl = /^https?:\/\/[^\s]+$/;

export const fomoDescription: ProviderDescription = {
  id: 'fomo',
  name: { en: 'FOMO', zh: 'FOMO' },
  environments: {
    // The seed gives only its test address (二.0 测试网址); production is a custom base URL.
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
      label: { en: 'client_id (app id)', zh: 'client_id（app id）' },
      secret: false,
      required: true,
      pattern: /^[A-Za-z0-9_.-]{1,128}$/,
    },
    {
      key: 'clientSecret',
      label: { en: 'client_secret', zh: 'client_secret（app secret）' },
      secret: true,
      required: true,
      pattern: /^\S{1,256}$/,
    },
    {
      key: 'redirectUri',
      label: { en: 'Registered redirect URI', zh: '注册的前端回调网址 redirect_uri' },
      secret: false,
      required: true,
      pattern: httpUrl,
      secureUrl: true,
      hint: {
        en: 'Must equal the redirect_uri registered for the app.',
        zh: '须与注册 app 时填写的 redirect_uri 一致。',
      },
    },
    {
      key: 'serverUri',
      label: { en: 'Merchant callback URL (server_uri)', zh: '后端回调网址 server_uri' },
      secret: false,
      required: true,
      pattern: httpUrl,
      secureUrl: true,
    },
    {
      key: 'frontUri',
      label: {
        en: 'Front-end return URL for withdrawals (front_uri)',
        zh: '提现前端回调网址 front_uri',
      },
      secret: false,
      required: false,
      pattern: httpUrl,
      secureUrl: true,
    },
  ],
  errorCodes: FOMO_ERROR_CODES,
};
