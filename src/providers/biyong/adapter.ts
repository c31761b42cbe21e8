/**
 * BiYong's adapter (docs/providers/biyong.md): consent in a browser tab (a biytoken comes back,
 * no OAuth tokens), the user's public profile, a signed and verified call as connection test, and
 * the balance ledger as its activity.
 */
import * as v from 'valibot';
import { errors } from '../../core/errors';
import type { ProviderContext } from '../types';
import {
  defineAdapter,
  optionalText,
  readCredentials,
  requiredText,
  stateMismatch,
  type StoredCredentials,
} from '../adapter';
import { createBiyongClient, type BiyongClient } from './client';
import { buildBiyongConsentUrl, parseBiyongReturn } from './consent';
import { biyongDescription } from './description';
import { biyongReturnDecoder } from './return-decode';
import { DEFAULT_HASH_MODE, isHashMode, type BiyongHashMode } from './sign';

export const BiyongCredentials = v.object({
  appId: requiredText,
  merchantPrivateKey: requiredText,
  merchantPublicKey: optionalText,
  platformPublicKey: requiredText,
  /** Not set: BiYong's default. */
  hashMode: v.pipe(
    optionalText,
    v.transform((s) => s || DEFAULT_HASH_MODE),
    v.check(isHashMode),
    v.transform((s) => s as BiyongHashMode),
  ),
  /** Uploaded for the user on connecting, when set. */
  userToken: optionalText,
});
export type BiyongCredentials = v.InferOutput<typeof BiyongCredentials>;

const client = (ctx: ProviderContext, c: BiyongCredentials): BiyongClient =>
  createBiyongClient(ctx, {
    appId: c.appId,
    merchantPrivateKey: c.merchantPrivateKey,
    platformPublicKey: c.platformPublicKey,
    hashMode: c.hashMode,
  });

/** BiYong's client from stored credentials, for the worker's activity sync. */
export function biyongClientFor(ctx: ProviderContext, stored: StoredCredentials): BiyongClient {
  return client(ctx, readCredentials(biyongDescription, BiyongCredentials, stored));
}

export const biyongAdapter = defineAdapter({
  description: biyongDescription,
  credentials: BiyongCredentials,
  decodeReturn: biyongReturnDecoder,
  connect: {
    by: 'redirect',
    // BiYong sends the user back to a page of the merchant: the first configured return URL.
    redirectUri: (_c, returnUrls) => returnUrls[0] ?? '',
    // BiYong's return carries no state of its own: CoinDock puts the flow's state in the return
    // URL it gives BiYong and accepts the biytoken only when it comes back with it. So no user
    // token is ever uploaded to an openId another page's biytoken stands for (docs/security.md,
    // "OAuth").
    authorizeUrl: (ctx, c, flow, sandbox) =>
      buildBiyongConsentUrl({
        returnUrl: flow.redirectUri,
        appId: c.appId,
        webConsentBase: sandbox ? ctx.baseUrl : undefined,
        state: flow.id,
      }),
    readReturn(url, flow) {
      const r = parseBiyongReturn(url);
      if (r.params.state !== flow.id) throw stateMismatch('biyong');
      return { secret: r.biytoken };
    },
    async finish(ctx, c, biytoken) {
      const biyong = client(ctx, c);
      const auth = await biyong.auth(biytoken);
      const details: Record<string, string> = {
        openId: auth.openId,
        authList: auth.authList.join(','),
      };
      // Upload the user token when configured (docs/providers/biyong.md, /biyong-user/update).
      if (c.userToken) {
        await biyong.updateToken(auth.openId, c.userToken);
        details.userTokenUploaded = 'yes';
      }
      let label = auth.openId;
      if (auth.authList.includes('PUBLIC_INFO')) {
        const info = await biyong.info(auth.openId);
        const name = [info.firstName, info.lastName].filter(Boolean).join(' ');
        if (name) label = name;
        if (info.phone) details.phone = info.phone;
      }
      return { label, details };
    },
  },
  async profile(ctx, c, account) {
    const info = await client(ctx.provider, c).info(account.details.openId ?? '');
    // `auth: false`: the user withdrew CoinDock's grant in BiYong (docs/providers/biyong.md).
    if (!info.auth) {
      throw errors.permission(
        {
          en: 'BiYong no longer lets CoinDock see this account: reconnect to grant access again',
          zh: '币用已不再允许 CoinDock 访问此账户：请重新连接以再次授权',
        },
        { platform: 'biyong', endpoint: '/biyong-user/info' },
      );
    }
    const name = [info.firstName, info.lastName].filter(Boolean).join(' ');
    return {
      label: name || account.label,
      details: { ...account.details, ...(info.phone ? { phone: info.phone } : {}) },
    };
  },
  async probe(ctx, c) {
    const page = await client(ctx, c).tokenInfoPage({ pageNo: 0, pageSize: 1 });
    return {
      en: `Connected: signed answer verified (${page.total} tokens listed)`,
      zh: `连接成功：响应签名已验证（共 ${page.total} 种代币）`,
    };
  },
  // Whose ledger it is: the BiYong user's openId. The ledger is BiYong's balance history.
  activity: { identity: (a) => a.details.openId, ledger: true },
});

export default biyongAdapter;
