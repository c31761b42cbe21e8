/**
 * Grand Chain's signed-in session (docs/providers/grandchain.md): the session token and face
 * token are secrets and live in the vault under these names. The worker's Grand Chain service
 * reads the session; the adapter's disconnect signs out.
 */
import * as v from 'valibot';
import { errors } from '../../core/errors';
import type { GrandchainClient, GrandchainSession } from './client';
import type { RevisionOption } from './revisions';
import type { SecretsAccess } from '../adapter';

export const GRANDCHAIN_SESSION_KEY = 'grandchain.session';
export const GRANDCHAIN_FACE_KEY = 'grandchain.faceToken';

const SessionSchema = v.object({
  email: v.string(),
  userId: v.union([v.string(), v.number()]),
  sessionToken: v.string(),
});

/** The API revision the settings ask for (`auto` unless one is chosen). */
export function revisionOption(revision: string | undefined): RevisionOption {
  return revision === 'seed' || revision === 'deployed' ? revision : 'auto';
}

export async function readGrandchainSession(vault: SecretsAccess): Promise<GrandchainSession> {
  const raw = await vault.get(GRANDCHAIN_SESSION_KEY);
  const parsed = raw ? v.safeParse(SessionSchema, JSON.parse(raw)) : undefined;
  if (!parsed?.success) {
    throw errors.not_configured(
      { en: 'Sign in to Grand Chain first', zh: '请先登录 Grand Chain' },
      { platform: 'grandchain' },
    );
  }
  return parsed.output;
}

/** Sign out at Grand Chain (best effort) and forget the session and face token, whatever happens. */
export async function signOutGrandchain(
  client: () => Promise<GrandchainClient>,
  vault: SecretsAccess,
): Promise<void> {
  try {
    const session = await readGrandchainSession(vault);
    await (await client()).logout(session);
  } finally {
    await vault.write({ [GRANDCHAIN_SESSION_KEY]: undefined, [GRANDCHAIN_FACE_KEY]: undefined });
  }
}
