/**
 * Grand Chain's adapter (docs/providers/grandchain.md): no app keys; the user signs in with email
 * and password on the options page (its own messages). The connection test checks the API answers
 * and which revision it speaks; disconnecting signs out; its trades are activity.
 */
import * as v from 'valibot';
import { defineAdapter, optionalText, requiredText, type StoredCredentials } from '../adapter';
import type { ProviderContext } from '../types';
import { createGrandchainClient, type GrandchainClient } from './client';
import { grandchainDescription } from './description';
import { revisionOption, signOutGrandchain } from './session';

export const GrandchainCredentials = v.object({
  email: requiredText,
  /** `seed`, `deployed`, or not set (detected). */
  revision: optionalText,
});
export type GrandchainCredentials = v.InferOutput<typeof GrandchainCredentials>;

/**
 * Grand Chain's client at the API revision its public settings ask for, for the worker's
 * accounts service and the adapter's sign-out. No credentials schema here: registering and
 * signing in happen before an email is configured.
 */
export function grandchainClientFor(
  ctx: ProviderContext,
  config: StoredCredentials,
): GrandchainClient {
  return createGrandchainClient(ctx, { revision: revisionOption(config.revision) });
}

export const grandchainAdapter = defineAdapter({
  description: grandchainDescription,
  credentials: GrandchainCredentials,
  connect: {
    by: 'sign-in',
    hint: {
      en: 'Grand Chain connects by signing in with your email and password',
      zh: 'Grand Chain 需要使用邮箱和密码登录来连接',
    },
  },
  async probe(ctx) {
    const revision = await createGrandchainClient(ctx, {}).detectRevision();
    return {
      en: `Connected: the API answers (${revision} revision)`,
      zh: `连接成功：接口可用（${revision === 'seed' ? '文档版' : '部署版'}）`,
    };
  },
  // Whose trades they are: the signed-in email (Grand Chain ignores its case).
  activity: { identity: (a) => a.details.email?.toLowerCase() },
  disconnect: (ctx) =>
    signOutGrandchain(async () => grandchainClientFor(await ctx.provider(), ctx.config), ctx.vault),
});

export default grandchainAdapter;
