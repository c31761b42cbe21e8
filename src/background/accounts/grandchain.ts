/**
 * Grand Chain accounts: registration (try → emailed code → verify, with resend), sign-in and the
 * face token (signing out is the adapter's `disconnect`, src/providers/grandchain/adapter.ts). The password is a parameter of one call and is never stored; the
 * session token and face token are secrets and live in the vault.
 */
import { errors, hasCode } from '../../core/errors';
import type { ProviderContext } from '../../providers/types';
import type { GrandchainClient, GrandchainSession } from '../../providers/grandchain/client';
import { grandchainClientFor } from '../../providers/grandchain/adapter';
import {
  GRANDCHAIN_FACE_KEY as FACE_KEY,
  GRANDCHAIN_SESSION_KEY as SESSION_KEY,
  readGrandchainSession,
} from '../../providers/grandchain/session';
import type { VaultService } from '../vault-service';
import type { AccountStore } from './account-store';

export function createGrandchainService(deps: {
  vault: VaultService;
  accounts: AccountStore;
  context(): Promise<ProviderContext>;
  /** Public settings of the platform (email, revision). */
  config(): Promise<Record<string, string>>;
}) {
  async function client(): Promise<GrandchainClient> {
    return grandchainClientFor(await deps.context(), await deps.config());
  }

  async function saveSession(session: GrandchainSession, nickName?: string): Promise<void> {
    await deps.vault.write({ [SESSION_KEY]: JSON.stringify(session) });
    const t = Date.now();
    const prev = await deps.accounts.get('grandchain');
    await deps.accounts.put({
      platform: 'grandchain',
      state: 'connected',
      label: nickName ?? prev?.label ?? session.email,
      details: { email: session.email, userId: String(session.userId) },
      connectedAt: prev?.connectedAt ?? t,
      updatedAt: t,
    });
  }

  const service = {
    client,

    session: (): Promise<GrandchainSession> => readGrandchainSession(deps.vault),

    async faceToken(): Promise<string | undefined> {
      return deps.vault.get(FACE_KEY);
    },

    /**
     * Grand Chain has no balance query: its balance comes back only with a transfer or a receive
     * (docs/providers/grandchain.md, Endpoints). The last one seen is kept, with when, for the
     * portfolio card.
     */
    async recordBalance(fen: bigint): Promise<void> {
      const cur = await deps.accounts.get('grandchain');
      if (!cur) return;
      await deps.accounts.patch('grandchain', {
        details: { ...cur.details, balanceFen: fen.toString(), balanceAt: String(Date.now()) },
      });
    },

    async registerTry(email: string, password: string, nickName: string): Promise<void> {
      await (await client()).registerTry({ email, password, nickName });
    },
    async registerResend(email: string): Promise<void> {
      await (await client()).registerResend(email);
    },
    async registerVerify(email: string, code: string, nickName?: string): Promise<void> {
      const session = await (await client()).registerVerify({ email, verifyCode: code });
      await saveSession(session, nickName);
    },

    async login(email: string, password: string): Promise<void> {
      const { session } = await (await client()).login(email, password);
      await saveSession(session);
    },

    async setFaceToken(faceToken: string): Promise<void> {
      const token = faceToken.trim();
      if (!/^[\x21-\x7e]{1,256}$/.test(token)) {
        throw errors.invalid_input({
          en: 'The face token does not look right',
          zh: '人脸令牌格式不正确',
        });
      }
      const c = await client();
      const session = await service.session();
      try {
        await c.insertFace(session, token);
      } catch (e) {
        if (!hasCode(e, 'duplicate')) throw e;
        // Grand Chain already holds a face token for this user: keep ours only if it is that one.
        // (The seed revision cannot tell; the deployed one answers user/get/facetoken/.)
        const stored = await c.faceToken(session).catch((err: unknown) => {
          if (hasCode(err, 'platform')) return token;
          throw err;
        });
        if (stored !== token) {
          throw errors.permission(
            {
              en: 'Grand Chain has a different face token for you',
              zh: 'Grand Chain 记录的人脸令牌与此不同',
            },
            { platform: 'grandchain' },
          );
        }
      }
      await deps.vault.write({ [FACE_KEY]: token });
      await deps.accounts.patch('grandchain', {
        details: { ...((await deps.accounts.get('grandchain'))?.details ?? {}), face: 'set' },
      });
    },
  };
  return service;
}

export type GrandchainService = ReturnType<typeof createGrandchainService>;
