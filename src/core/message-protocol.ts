/**
 * The message protocol, independent of the browser: the envelope, `send` over an injected
 * transport, sender classification, and error serialisation across the boundary. The worker's
 * side (checking and dispatching) is `message-dispatch.ts`, kept apart so pages, which load this
 * module to send, never load it. The message map itself (one entry per name: request schema,
 * response type, who may send it) is `MESSAGES` in `message-map.ts`; its types are `MessageMap`
 * in `messages.ts`; the browser binding is `src/ext/messaging.ts` (send) and `src/ext/listen.ts`.
 */
import type { BaseIssue, GenericSchema, InferInput, InferOutput } from 'valibot';
import type { CoinDockError } from './errors';
import { errorFromJSON, errors, isSerializedError, type SerializedError } from './errors';

/** Who may send a message. */
export type Access =
  /** Only extension pages (popup, options): they act for the user. */
  | 'privileged'
  /** Content scripts (untrusted reporters) as well as extension pages. */
  | 'content';

/**
 * One message as the worker defines it: what it takes (checked before any handler runs), what it
 * answers (a type only), who may send it, and whether it must answer before start-up finishes.
 */
export interface MessageDef<S extends GenericSchema = GenericSchema, Res = unknown> {
  /** The request: anything else is refused as `invalid_input` and the handler never runs. */
  req: S;
  /** What the handler answers; a type only (`typeOnly<T>()`): the worker's own answer is trusted. */
  res: Res;
  access: Access;
  /**
   * Answered without waiting for start-up (migrations, resumed flows): only for a message whose
   * handler touches nothing start-up prepares, so it answers even while start-up is slow.
   */
  beforeReady?: true;
  /** Some refusals are not `invalid_input` (an insecure address): this names them, else undefined. */
  refuse?: (issues: readonly BaseIssue<unknown>[]) => CoinDockError | undefined;
}

export type MessageDefs = Record<string, MessageDef>;

/** A value that only carries a type (a `MessageDef`'s `res`); undefined at run time. */
export const typeOnly = <T>(): T => undefined as T;

/** A message's types: `req` for senders, `in` for its handler (after the schema's trims). */
export interface MessageSpec<Req, Res, In = Req> {
  req: Req;
  res: Res;
  in: In;
  access: Access;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the map's value types vary by key
export type AnyMap = Record<string, MessageSpec<any, any, any>>;

/** The types of a map of definitions, for `send` (request, response) and handlers (input). */
export type MapOf<D extends MessageDefs> = {
  [K in keyof D]: MessageSpec<InferInput<D[K]['req']>, D[K]['res'], InferOutput<D[K]['req']>> & {
    access: D[K]['access'];
  };
};

export interface Envelope {
  __coindock: 1;
  name: string;
  payload: unknown;
}

export type Reply = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** The minimal view of `runtime.MessageSender` the checks need. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
  frameId?: number | undefined;
}

export type SenderKind = 'privileged' | 'content';

export interface Self {
  /** This extension's id. */
  id: string;
  /** This extension's origin, e.g. `chrome-extension://<id>`. */
  origin: string;
}

/**
 * Classify a sender, or return undefined to drop it. Trust is by sender, not by claim:
 * - privileged: our own id and a URL on our own origin (popup, options, other extension pages);
 * - content: our own id, inside a web tab, top frame, on an http(s) URL. Such a sender is only a
 *   reporter; handlers check its URL against what the user configured.
 * Messages from other extensions or web pages (externally_connectable is not declared) never
 * get here, but are refused anyway.
 */
export function classifySender(sender: SenderInfo, self: Self): SenderKind | undefined {
  if (sender.id !== self.id) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(`${self.origin}/`)) return 'privileged';
  if (sender.tab && sender.frameId === 0 && /^https?:\/\//.test(url)) return 'content';
  return undefined;
}

export interface HandlerContext {
  sender: SenderInfo;
  kind: SenderKind;
}

export type Handlers<M extends AnyMap> = {
  [K in keyof M]: (req: M[K]['in'], ctx: HandlerContext) => Promise<M[K]['res']>;
};

export function isEnvelope(msg: unknown): msg is Envelope {
  return (
    typeof msg === 'object' &&
    msg !== null &&
    (msg as { __coindock?: unknown }).__coindock === 1 &&
    typeof (msg as { name?: unknown }).name === 'string'
  );
}

export type Transport = (envelope: Envelope) => Promise<unknown>;

/** Build a typed `send` over a transport; failures are rethrown as CoinDockError by `code`. */
export function createSend<M extends AnyMap>(transport: Transport) {
  return async function send<K extends keyof M & string>(
    name: K,
    payload: M[K]['req'],
  ): Promise<M[K]['res']> {
    let reply: unknown;
    try {
      reply = await transport({ __coindock: 1, name, payload });
    } catch (e) {
      // The worker could not be reached (extension reloading, context invalidated).
      throw errors.internal(
        { en: 'CoinDock’s background is not reachable', zh: '无法连接 CoinDock 后台' },
        { endpoint: name, cause: e },
      );
    }
    if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
      throw errors.internal(
        { en: 'No answer from the background', zh: '后台没有响应' },
        { endpoint: name },
      );
    }
    const r = reply as Reply;
    if (r.ok) return r.value;
    throw isSerializedError(r.error) ? errorFromJSON(r.error) : errors.internal();
  };
}
