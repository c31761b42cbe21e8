/**
 * The shape every platform description follows (after CCXT's `describe()`): data the options
 * page, the background and the tests read, plus the platform's pure functions beside it.
 */
import type { Bilingual, ErrorCode } from '../core/errors';
import type { Platform } from '../core/platform';
import type { HttpContext, SkewClock } from '../core/http';

export type PresetEnvironment = 'production' | 'test' | 'sandbox';
export type Environment = PresetEnvironment | 'custom';

export interface CredentialField {
  key: string;
  label: Bilingual;
  /** Secrets go to the vault; others may be stored in clear. */
  secret: boolean;
  required: boolean;
  /** A pattern the value must match, checked as the user types. */
  pattern?: RegExp;
  /**
   * An address a code, a token or money is sent to: https:, or http: to this computer only
   * (docs/security.md, "Transport").
   */
  secureUrl?: true;
  hint?: Bilingual;
  /** The parts of the pattern a person is told about, each with its own reason when broken
   * (field-rules.ts builds these together with `pattern`). */
  rules?: FieldRules;
  /** A fixed set of values: the options page shows a select, and nothing else is accepted. */
  choices?: readonly FieldChoice[];
  /** A check of its own (keys that must be parsed), saying what is wrong in words. */
  check?: (value: string) => Bilingual | undefined;
  /** The stored form of a value the user may paste in several forms (PEM or base64 keys). */
  normalize?: (value: string) => string;
}

export interface FieldChoice {
  value: string;
  label: Bilingual;
}

export interface FieldRules {
  minLength?: number;
  maxLength?: number;
  /** One allowed character (a one-character class), and how to name the allowed set. */
  chars?: { re: RegExp; name: Bilingual };
  format?: 'url' | 'email';
}

export interface EndpointSpec {
  method: 'GET' | 'POST';
  /** Path relative to the base URL. */
  path: string;
  /** Opened in a browser tab rather than called. */
  page?: boolean;
}

export interface PlatformErrorEntry {
  kind: ErrorCode;
  en: string;
  zh: string;
}

/**
 * How an account on the platform is connected: `oauth` (the platform's sign-in page, a code back),
 * `key_pair` (the user consents on the platform's page for a merchant that signs with its own key
 * pair), `api_keys` (merchant keys sign every call: no user step), `email_login` (the user's email
 * and password in a sign-in form of CoinDock's, on the options page).
 */
export type SignIn = 'oauth' | 'key_pair' | 'api_keys' | 'email_login';

/**
 * What the pages offer for a platform, as data: the popup and the options page decide from these,
 * never from a platform's name. Kept apart from the rest of the description (its error tables and
 * endpoints) in `src/providers/<p>/capabilities.ts`, so a page's first paint pays for these only
 * (src/providers/capabilities.ts collects them).
 */
export interface PlatformCapabilities {
  /** The platform's name in both languages, as every page and the banner show it. */
  name: Bilingual;
  /** The colour of its avatar on the popup's account card (white text on it: 4.5:1 or more). */
  color: `#${string}`;
  signIn: SignIn;
  /**
   * The account carries an identity-verification status (`cardStatus`, with its words in
   * `cardStatusEn`/`cardStatusZh`): shown on its card, and, until it is the `approved` value, as
   * something needing attention.
   */
  kyc?: { approved: string };
  /** The account keeps its balance in fen (`balanceFen`, `balanceAt`): shown on its card. */
  fenBalance?: true;
  /** The options page can make the merchant's key pair for the user. */
  keyPairHelper?: true;
  /** What the popup's card shows of the account's activity while connected. */
  accountPanel?: 'net_flow' | 'balance_history';
}

export interface ProviderDescription {
  id: Platform;
  /** One line on what the platform is for, shown where the user picks platforms (options). */
  about: Bilingual;
  /** What the pages offer for it (see PlatformCapabilities). */
  capabilities: PlatformCapabilities;
  /** Base URLs per preset environment. `sandbox` is the local simulator's default address;
   * the user (or `npm start`) can point it elsewhere as a custom base URL. */
  environments: Partial<Record<PresetEnvironment, string>>;
  /**
   * Environments known to accept PKCE (RFC 7636, S256) on their authorization code flow: CoinDock
   * sends a code_challenge there, and nowhere else (a custom base URL is not known). What is known
   * of each platform is in its docs/providers/*.md page.
   */
  pkce?: Partial<Record<PresetEnvironment, true>>;
  endpoints: Record<string, EndpointSpec>;
  credentials: readonly CredentialField[];
  /** The platform's own error codes, as strings, with the kind and messages for people. */
  errorCodes: Record<string, PlatformErrorEntry>;
}

/** What a client needs to talk to one platform. */
export interface ProviderContext extends HttpContext {
  /** The base URL in use (from the environment preset or custom). */
  baseUrl: string;
  /** Kept per platform so a resynchronised offset survives between calls. */
  clock: SkewClock;
}
