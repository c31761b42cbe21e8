/**
 * What the sandbox server (sandbox/server.ts) and each platform simulator
 * (sandbox/platforms/<platform>.ts) agree on. The server owns the HTTP listener, routing by
 * prefix (contract.ts PREFIX), the control API, fault injection, counters and the Date header;
 * a simulator owns one platform's endpoints, pages, state and error codes.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PREFIX } from './contract';

export type PlatformId = keyof typeof PREFIX;

export interface SimRequest {
  method: string;
  /** Path relative to the platform's prefix, without query, e.g. `oauth2/authorize/token` for
   * FOMO (prefix `/fomo/`) or `/user/findUserAuthStatus` for GOW (prefix `/gow`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw body bytes (the server reads at most 4 MiB, otherwise answers 413). */
  body: Buffer;
  /** The full URL as the client asked for it. */
  url: URL;
}

export interface SimResponse {
  status?: number; // default 200
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; any other value is sent as JSON. */
  body?: unknown;
}

export interface SimContext {
  /** The sandbox origin, e.g. `http://127.0.0.1:8787`. */
  origin: string;
  /** The platform's clock in ms (includes any injected clock skew); also used for the Date header. */
  now(): number;
  /** Counters visible at /__control/stats (e.g. `count('oauth2/RefreshToken')`). */
  count(name: string): void;
  /** Schedule work on the sandbox's compressible timer wheel (see /__control/advance). */
  schedule(delayMs: number, fn: () => void | Promise<void>): void;
  log(message: string): void;
  /**
   * True when a fault of this platform-specific kind is injected for this request (it is then
   * consumed): `wrong_signature` (BiYong signs the response with a wrong key), `wrong_message_id`
   * (BiYong answers with another messageId), `replay_message_id` (BiYong answers with the
   * messageId of the previous request).
   */
  fault(kind: 'wrong_signature' | 'wrong_message_id' | 'replay_message_id'): boolean;
}

export interface SeedOptions {
  biyongLedgerSize?: number;
  fomoRedirectUris?: string[];
  hicoinRedirectUris?: string[];
  /** FOMO access-token lifetime in seconds (default 7200). */
  fomoTokenTtlSeconds?: number;
  /** HiCoin reply style: bare fields (default) or `{code, msg, data}`. */
  hicoinReplyStyle?: 'bare' | 'wrapped';
  /** HiCoin access-token lifetime in seconds (default 7200). */
  hicoinTokenTtlSeconds?: number;
  /** The merchant callback sink answers 500 to the next n FOMO callbacks. */
  merchantCallbackFailures?: number;
  [key: string]: unknown;
}

export interface PlatformSim {
  id: PlatformId;
  /** Answer a request, or return undefined for 404. Throwing yields a 500. */
  handle(
    req: SimRequest,
    ctx: SimContext,
  ): Promise<SimResponse | undefined> | SimResponse | undefined;
  /** Drop all state and reseed the demo data (contract.ts DEMO). */
  reset(ctx: SimContext): void;
  /** Apply seed options that concern this platform. */
  seed?(opts: SeedOptions, ctx: SimContext): void | Promise<void>;
  /** Inspectable state for /__control/state (no need to hide secrets: it is a simulator). */
  state?(): unknown;
}
