/**
 * Connected accounts (public part, storage.local) and in-flight connection flows
 * (storage.session). Tokens are secrets and live in the vault as `token.<platform>`.
 */
import * as v from 'valibot';
import { PLATFORMS, type Platform } from './platform';

export const ACCOUNT_STATES = ['connected', 'needs_reconnect', 'error'] as const;

const SerializedErrorSchema = v.object({
  __coindockError: v.literal(1),
  code: v.string(),
  message: v.object({ en: v.string(), zh: v.string() }),
  platform: v.optional(v.string()),
  endpoint: v.optional(v.string()),
  platformCode: v.optional(v.string()),
  status: v.optional(v.number()),
  retryAfterMs: v.optional(v.number()),
});

export const AccountSchema = v.object({
  platform: v.picklist(PLATFORMS),
  state: v.picklist(ACCOUNT_STATES),
  /** What the popup shows as who this is: nickname, openid, email, account. */
  label: v.string(),
  /** Public details by name (openid, scope, authList, user id…), never tokens. */
  details: v.record(v.string(), v.string()),
  connectedAt: v.number(),
  updatedAt: v.number(),
  /** When the access token expires (ms), if the platform said. */
  tokenExpiresAt: v.optional(v.number()),
  /** The last error in words, when state is not `connected`. */
  lastError: v.optional(v.object({ en: v.string(), zh: v.string(), code: v.string() })),
});
export type Account = v.InferOutput<typeof AccountSchema>;

export type Accounts = Partial<Record<Platform, Account>>;
export const AccountsSchema = v.record(
  v.picklist(PLATFORMS),
  AccountSchema,
) as unknown as v.GenericSchema<unknown, Accounts>;

/** Tokens as kept in the vault (JSON under `token.<platform>`). */
export const TokenSetSchema = v.object({
  accessToken: v.string(),
  refreshToken: v.optional(v.string()),
  expiresAt: v.optional(v.number()),
  /**
   * What the token may do (the platform's scopes, space- or comma-separated) when known: as the
   * platform said, else as asked for. FOMO's refresh asks only `userinfo`, so a refreshed FOMO
   * token can no longer open the pay page (`paytoken`).
   */
  scope: v.optional(v.string()),
});
export type TokenSet = v.InferOutput<typeof TokenSetSchema>;

export const FLOW_STEPS = ['opening', 'opened', 'captured', 'exchanging', 'failed'] as const;

export const FlowSchema = v.object({
  /** The one-time `state` (also the flow's id). */
  id: v.string(),
  /** Only a platform whose adapter connects in a browser tab (src/providers/registry.ts). */
  platform: v.picklist(PLATFORMS),
  mode: v.picklist(['tab', 'web_auth_flow'] as const),
  step: v.picklist(FLOW_STEPS),
  startedAt: v.number(),
  expiresAt: v.number(),
  redirectUri: v.string(),
  tabId: v.optional(v.number()),
  /** The captured return URL (holds the one-time code): session storage only, trusted contexts. */
  capturedUrl: v.optional(v.string()),
  /**
   * PKCE's code_verifier, where the environment takes PKCE: kept here (storage.session, like the
   * flow) so a worker restarted between the return and the exchange can still finish.
   */
  codeVerifier: v.optional(v.string()),
  error: v.optional(SerializedErrorSchema),
});
export type Flow = v.InferOutput<typeof FlowSchema>;

/** Flows older than this are abandoned: their tab may be closed, their code expired. */
export const FLOW_TTL_MS = 10 * 60 * 1000;

/** A flow as pages see it: never the captured URL, which holds the one-time code. */
export function flowView(f: Flow): {
  id: string;
  platform: Flow['platform'];
  step: Flow['step'];
  startedAt: number;
  error?: { en: string; zh: string; code: string };
} {
  return {
    id: f.id,
    platform: f.platform,
    step: f.step,
    startedAt: f.startedAt,
    ...(f.error
      ? { error: { en: f.error.message.en, zh: f.error.message.zh, code: f.error.code } }
      : {}),
  };
}
