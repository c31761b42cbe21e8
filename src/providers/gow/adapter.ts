/**
 * GOW's adapter (docs/providers/gow.md): API keys for one account, no browser tab. "Connecting"
 * and the connection test are one signed KYC-status query that proves the keys work.
 */
import * as v from 'valibot';
import type { ProviderContext } from '../types';
import {
  defineAdapter,
  readCredentials,
  requiredText,
  type Profile,
  type StoredCredentials,
} from '../adapter';
import { createGowClient, type GowClient } from './client';
import { gowDescription } from './description';

export const GowCredentials = v.object({
  apiKey: requiredText,
  secretKey: requiredText,
  account: requiredText,
});
export type GowCredentials = v.InferOutput<typeof GowCredentials>;

const client = (ctx: ProviderContext, c: GowCredentials): GowClient => createGowClient(ctx, c);

/** GOW's client from stored credentials, for the worker's orders and KYC page. */
export function gowClientFor(ctx: ProviderContext, stored: StoredCredentials): GowClient {
  return client(ctx, readCredentials(gowDescription, GowCredentials, stored));
}

/** GOW "connects" by a signed call that proves the keys work for the configured account. */
async function account(ctx: ProviderContext, c: GowCredentials): Promise<Profile> {
  const status = await client(ctx, c).authStatus();
  return {
    label: c.account,
    details: {
      account: c.account,
      cardStatus: String(status.value),
      cardStatusEn: status.label.en,
      cardStatusZh: status.label.zh,
    },
  };
}

export const gowAdapter = defineAdapter({
  description: gowDescription,
  credentials: GowCredentials,
  connect: { by: 'keys', account },
  profile: (ctx, c) => account(ctx.provider, c),
  async probe(ctx, c) {
    const status = await client(ctx, c).authStatus();
    return {
      en: `Connected: KYC status is “${status.label.en}”`,
      zh: `连接成功：实名认证状态为“${status.label.zh}”`,
    };
  },
});

export default gowAdapter;
