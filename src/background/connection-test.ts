/**
 * "Test connection": one real call per platform that proves the keys work, reported in words.
 * - GOW: a signed KYC-status query for the configured account.
 * - BiYong: a signed token-list page; the answer's signature and messageId are verified.
 * - FOMO / HiCoin: OAuth apps have no keyed call without a user, so the probe exchanges a code
 *   that cannot exist: the platform then checks the app (client id + secret) before the code,
 *   and refuses the code (an auth-expired kind of answer) only if the app is accepted.
 * - Grand Chain: no app keys; the probe checks the API answers and which revision it speaks.
 */
import { toCoinDockError, type Bilingual, type CoinDockError } from '../core/errors';
import type { Platform } from '../core/platform';
import type { Store } from '../core/store';
import { createGowClient } from '../providers/gow/client';
import { createBiyongClient } from '../providers/biyong/client';
import type { BiyongHashMode } from '../providers/biyong/sign';
import { createFomoClient } from '../providers/fomo/client';
import { createHicoinClient } from '../providers/hicoin/client';
import { createGrandchainClient } from '../providers/grandchain/client';
import type { VaultService } from './vault-service';
import { credentialsOf, providerContext } from './provider-context';

export interface ConnectionTestResult {
  ok: boolean;
  message: Bilingual;
  code?: string;
}

const IMPOSSIBLE_CODE = 'coindock-connection-test-code';

/** The app was accepted if the only complaint is about the made-up code. */
function oauthVerdict(e: unknown): ConnectionTestResult {
  const err = toCoinDockError(e);
  if (err.code === 'auth_expired') {
    return {
      ok: true,
      message: {
        en: 'Connected: the platform accepted the app’s credentials',
        zh: '连接成功：平台接受了应用凭据',
      },
    };
  }
  return failure(err);
}

function failure(err: CoinDockError): ConnectionTestResult {
  const pc = err.platformCode ? ` (${err.platformCode})` : '';
  return {
    ok: false,
    code: err.code,
    message: { en: `Failed: ${err.messages.en}${pc}`, zh: `失败：${err.messages.zh}${pc}` },
  };
}

export async function testConnection(
  store: Store,
  vault: VaultService,
  platform: Platform,
): Promise<ConnectionTestResult> {
  try {
    const ctx = await providerContext(store, platform);
    const c = await credentialsOf(store, vault, platform);
    switch (platform) {
      case 'gow': {
        const status = await createGowClient(ctx, {
          apiKey: c.apiKey ?? '',
          secretKey: c.secretKey ?? '',
          account: c.account ?? '',
        }).authStatus();
        return {
          ok: true,
          message: {
            en: `Connected: KYC status is “${status.label.en}”`,
            zh: `连接成功：实名认证状态为“${status.label.zh}”`,
          },
        };
      }
      case 'biyong': {
        const page = await createBiyongClient(ctx, {
          appId: c.appId ?? '',
          merchantPrivateKey: c.merchantPrivateKey ?? '',
          platformPublicKey: c.platformPublicKey ?? '',
          hashMode: (c.hashMode || 'SHA256') as BiyongHashMode,
        }).tokenInfoPage({ pageNo: 0, pageSize: 1 });
        return {
          ok: true,
          message: {
            en: `Connected: signed answer verified (${page.total} tokens listed)`,
            zh: `连接成功：响应签名已验证（共 ${page.total} 种代币）`,
          },
        };
      }
      case 'fomo': {
        const client = createFomoClient(ctx, {
          clientId: c.clientId ?? '',
          clientSecret: c.clientSecret ?? '',
        });
        return await client
          .exchangeCode({
            code: IMPOSSIBLE_CODE,
            state: 'connectiontest',
            redirectUri: c.redirectUri ?? '',
          })
          .then(() => oauthVerdict(undefined), oauthVerdict);
      }
      case 'hicoin': {
        const client = createHicoinClient(ctx, { appId: c.appId ?? '', secret: c.secret ?? '' });
        return await client
          .exchangeCode(IMPOSSIBLE_CODE)
          .then(() => oauthVerdict(undefined), oauthVerdict);
      }
      case 'grandchain': {
        const revision = await createGrandchainClient(ctx, {}).detectRevision();
        return {
          ok: true,
          message: {
            en: `Connected: the API answers (${revision} revision)`,
            zh: `连接成功：接口可用（${revision === 'seed' ? '文档版' : '部署版'}）`,
          },
        };
      }
    }
  } catch (e) {
    return failure(toCoinDockError(e, { platform }));
  }
}
