/**
 * What one platform *does*, beside what it *is* (its description): the seam the background calls
 * instead of switching on platform names. Every capability is optional; a loop over the adapters
 * skips a platform that lacks one. Capabilities get the worker's services through small typed
 * context objects, so nothing here touches `chrome.*` and everything runs unchanged in Node.
 *
 * Credentials arrive as the stored record (public settings + vault secrets, all strings) and are
 * read through the adapter's valibot schema before any capability sees them: inside an adapter
 * they are typed (`v.InferOutput`), and a missing or malformed field is an error in words.
 */
import * as v from 'valibot';
import { errors, toCoinDockError, type Bilingual } from '../core/errors';
import type { Platform } from '../core/platform';
import type { Account, Flow, TokenSet } from '../core/accounts';
import type { ProviderContext, ProviderDescription } from './types';
import type { ReturnDecoder } from '../core/return-decode';
import type { DecodedReturn } from './returns';

/** Credentials as stored: field key → value (public ones from settings, secret ones from the vault). */
export type StoredCredentials = Readonly<Record<string, string>>;

/** A schema that reads stored credentials into the adapter's typed credentials. */
export type CredentialsSchema = v.GenericSchema<Record<string, unknown>, object>;

/** A required credential: present and not empty (an empty settings field means "not set"). */
export const requiredText = v.pipe(v.string(), v.nonEmpty());
/** An optional credential: empty when not set. */
export const optionalText = v.optional(v.string(), '');

/** The profile an account shows: its label and details, merged over what is stored. */
export type Profile = Pick<Account, 'label' | 'details'>;

/** A browser-tab connection's flow, as a connector needs it: its id (the state), URI, verifier. */
export type FlowInput = Pick<Flow, 'id' | 'redirectUri' | 'codeVerifier'>;

/** What a finished browser-tab connection yields. */
export interface Connected {
  tokens?: TokenSet;
  label: string;
  details: Record<string, string>;
}

/** The platform sends the user to its own page and back to a registered URL (OAuth-like). */
export interface RedirectConnect<C> {
  by: 'redirect';
  /** The registered redirect / return URL the platform sends the user back to. */
  redirectUri: (creds: C, returnUrls: readonly string[]) => string;
  /** `codeChallenge`: PKCE's S256 challenge of `flow.codeVerifier`, when the flow has one. */
  authorizeUrl: (
    ctx: ProviderContext,
    creds: C,
    flow: FlowInput,
    sandbox: boolean,
    codeChallenge: string | undefined,
  ) => string;
  /** Check the return against the flow (the state must match); the secret it carries. */
  readReturn(url: string, flow: FlowInput): { secret: string };
  finish: (ctx: ProviderContext, creds: C, secret: string, flow: FlowInput) => Promise<Connected>;
}

/** The keys alone prove the account: one signed call, no browser tab. */
export interface KeysConnect<C> {
  by: 'keys';
  account: (ctx: ProviderContext, creds: C) => Promise<Profile>;
}

/** The user signs in on the options page (its own messages); "Connect" explains that. */
export interface SignInConnect {
  by: 'sign-in';
  hint: Bilingual;
}

export type Connect<C> = RedirectConnect<C> | KeysConnect<C> | SignInConnect;

/** What fetching a profile may use besides the platform: the account's token, refreshed once. */
export interface ProfileContext {
  provider: ProviderContext;
  withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
}

/** What ending a connection may use: the platform (when reachable) and the vault's secrets. */
export interface DisconnectContext {
  provider: () => Promise<ProviderContext>;
  /** The platform's public settings, readable while the vault is locked. */
  config: StoredCredentials;
  vault: SecretsAccess;
}

/** The vault as a capability may use it: read a secret by name; write (undefined deletes). */
export interface SecretsAccess {
  get(name: string): Promise<string | undefined>;
  write(values: Record<string, string | undefined>): Promise<void>;
}

/** What a platform can do, each capability optional; `C` is the credentials its code sees. */
export interface Capabilities<C> {
  connect?: Connect<C>;
  /** Exchange a refresh token for new tokens (OAuth platforms). */
  refresh?: (ctx: ProviderContext, creds: C, refreshToken: string) => Promise<TokenSet>;
  /** The account's profile again; without it the stored profile stands. */
  profile?: (ctx: ProfileContext, creds: C, account: Account) => Promise<Profile>;
  /** "Test connection": one real call that proves the keys work; the success in words. Throws
   * the platform's error otherwise. */
  probe?: (ctx: ProviderContext, creds: C) => Promise<Bilingual>;
  /** What a return URL of this platform says (pure; the content script uses the same decoder). */
  decodeReturn?: ReturnDecoder<DecodedReturn>;
  /** The platform's activity follows its account: whose activity a stored account is. */
  activity?: { identity(account: Account): string | undefined; ledger?: true };
  /** Platform clean-up when the user disconnects (best effort). */
  disconnect?: (ctx: DisconnectContext) => Promise<void>;
}

/** An adapter as written in a provider folder: its capabilities see typed credentials. */
export interface AdapterDefinition<S extends CredentialsSchema> extends Capabilities<
  v.InferOutput<S>
> {
  description: ProviderDescription;
  credentials: S;
}

/** A registered adapter, as the background calls it: capabilities take stored credentials. */
export interface Adapter extends Capabilities<StoredCredentials> {
  id: Platform;
  description: ProviderDescription;
  credentials: CredentialsSchema;
}

/**
 * Stored credentials read through a platform's schema. A missing required field is
 * `not_configured` naming it (as the options page labels it); a malformed one `invalid_input`.
 */
export function readCredentials<S extends CredentialsSchema>(
  description: ProviderDescription,
  schema: S,
  stored: StoredCredentials,
): v.InferOutput<S> {
  const r = v.safeParse(schema, stored);
  if (r.success) return r.output;
  const keys = new Set(
    r.issues.map((i) => String((i.path?.[0]?.key as string | number | undefined) ?? '')),
  );
  const fields = description.credentials.filter((f) => keys.has(f.key));
  const label = (lang: 'en' | 'zh') =>
    (fields.length ? fields.map((f) => f.label[lang]) : [...keys]).join(
      lang === 'en' ? ', ' : '、',
    );
  const missing = fields.length > 0 && fields.every((f) => !stored[f.key]);
  const details = { platform: description.id };
  if (missing) {
    throw errors.not_configured(
      { en: `Missing: ${label('en')}`, zh: `缺少：${label('zh')}` },
      details,
    );
  }
  throw errors.invalid_input(
    { en: `Not valid: ${label('en')}`, zh: `无效：${label('zh')}` },
    details,
  );
}

/**
 * An adapter from its definition: every capability reads the stored credentials through the
 * schema first, so the definition's code sees typed credentials and no `c.field ?? ''`.
 */
export function defineAdapter<S extends CredentialsSchema>(def: AdapterDefinition<S>): Adapter {
  const read = (stored: StoredCredentials) =>
    readCredentials(def.description, def.credentials, stored);
  const { connect, refresh, profile, probe } = def;
  const adapter: Adapter = {
    id: def.description.id,
    description: def.description,
    credentials: def.credentials,
  };
  if (connect) adapter.connect = typedConnect(connect, read);
  if (refresh) adapter.refresh = async (ctx, c, token) => refresh(ctx, read(c), token);
  if (profile) adapter.profile = async (ctx, c, account) => profile(ctx, read(c), account);
  if (probe) adapter.probe = async (ctx, c) => probe(ctx, read(c));
  if (def.decodeReturn) adapter.decodeReturn = def.decodeReturn;
  if (def.activity) adapter.activity = def.activity;
  if (def.disconnect) adapter.disconnect = def.disconnect;
  return adapter;
}

function typedConnect<C>(
  connect: Connect<C>,
  read: (stored: StoredCredentials) => C,
): Connect<StoredCredentials> {
  switch (connect.by) {
    case 'sign-in':
      return connect;
    case 'keys':
      return { by: 'keys', account: async (ctx, c) => connect.account(ctx, read(c)) };
    case 'redirect':
      return {
        by: 'redirect',
        redirectUri: (c, urls) => connect.redirectUri(read(c), urls),
        authorizeUrl: (ctx, c, flow, sandbox, challenge) =>
          connect.authorizeUrl(ctx, read(c), flow, sandbox, challenge),
        readReturn: (url, flow) => connect.readReturn(url, flow),
        finish: async (ctx, c, secret, flow) => connect.finish(ctx, read(c), secret, flow),
      };
  }
}

/** The refusal every redirect connector gives a return that is not its flow's. */
export function stateMismatch(platform: Platform) {
  return errors.forbidden_sender(
    {
      en: 'The answer does not belong to this connection (state mismatch); nothing was changed',
      zh: '返回结果与本次连接不符（state 不匹配），未做任何更改',
    },
    { platform, endpoint: 'authorize' },
  );
}

const IMPOSSIBLE_CODE = 'coindock-connection-test-code';

/**
 * The connection test of an OAuth app, which has no keyed call without a user: exchange a code
 * that cannot exist. The platform checks the app (client id + secret) before the code, and
 * refuses the code (an auth-expired kind of answer) only if it accepted the app.
 */
export async function probeOAuthApp(
  exchange: (code: string) => Promise<unknown>,
): Promise<Bilingual> {
  try {
    await exchange(IMPOSSIBLE_CODE);
  } catch (e) {
    const err = toCoinDockError(e);
    if (err.code !== 'auth_expired') throw err;
    return {
      en: 'Connected: the platform accepted the app’s credentials',
      zh: '连接成功：平台接受了应用凭据',
    };
  }
  // A code that cannot exist was accepted: nothing this answer proves.
  throw toCoinDockError(undefined);
}
