/**
 * "Test connection": one real call per platform that proves the keys work (each adapter's
 * `probe`, src/providers/<platform>/adapter.ts), reported in words.
 * - GOW: a signed KYC-status query for the configured account.
 * - BiYong: a signed token-list page; the answer's signature and messageId are verified.
 * - FOMO / HiCoin: OAuth apps have no keyed call without a user, so the probe exchanges a code
 *   that cannot exist: the platform then checks the app (client id + secret) before the code,
 *   and refuses the code (an auth-expired kind of answer) only if the app is accepted.
 * - Grand Chain: no app keys; the probe checks the API answers and which revision it speaks.
 */
import { errors, toCoinDockError, type Bilingual, type CoinDockError } from '../core/errors';
import type { Platform } from '../core/platform';
import type { Store } from '../core/store';
import { ADAPTERS } from '../providers/registry';
import type { VaultService } from './vault-service';
import { credentialsOf, providerContext } from './provider-context';

export interface ConnectionTestResult {
  ok: boolean;
  message: Bilingual;
  code?: string;
}

function failure(err: CoinDockError): ConnectionTestResult {
  const pc = err.platformCode ? ` (${err.platformCode})` : '';
  return {
    ok: false,
    code: err.code,
    message: { en: `Failed: ${err.messages.en}${pc}`, zh: `失败：${err.messages.zh}${pc}` },
  };
}

/** The platform adapter's probe, reported in words; a platform without one says so. */
export async function testConnection(
  store: Store,
  vault: VaultService,
  platform: Platform,
): Promise<ConnectionTestResult> {
  try {
    const probe = ADAPTERS[platform].probe;
    if (!probe) {
      throw errors.not_configured(
        { en: 'This platform has no connection test', zh: '该平台没有连接测试' },
        { platform },
      );
    }
    const ctx = await providerContext(store, platform);
    const c = await credentialsOf(store, vault, platform);
    return { ok: true, message: await probe(ctx, c) };
  } catch (e) {
    return failure(toCoinDockError(e, { platform }));
  }
}
