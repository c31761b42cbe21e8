/**
 * The message protocol, independent of the browser: the envelope, `send` and `handle` over an
 * injected transport, sender classification, and error serialisation across the boundary.
 * The message map itself (names → request/response types and who may send them) is in
 * `messages.ts`; the browser binding is in `src/ext/messaging.ts`.
 */
import type { CoinDockError } from './errors';
import {
  errorFromJSON,
  errors,
  isSerializedError,
  toCoinDockError,
  type SerializedError,
} from './errors';

/** Who may send a message. */
export type Access =
  /** Only extension pages (popup, options): they act for the user. */
  | 'privileged'
  /** Content scripts (untrusted reporters) as well as extension pages. */
  | 'content';

export interface MessageSpec<Req, Res> {
  req: Req;
  res: Res;
  access: Access;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the map's value types vary by key
export type AnyMap = Record<string, MessageSpec<any, any>>;

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
  [K in keyof M]: (req: M[K]['req'], ctx: HandlerContext) => Promise<M[K]['res']>;
};

export function isEnvelope(msg: unknown): msg is Envelope {
  return (
    typeof msg === 'object' &&
    msg !== null &&
    (msg as { __coindock?: unknown }).__coindock === 1 &&
    typeof (msg as { name?: unknown }).name === 'string'
  );
}

/**
 * Build the listener body: returns a promise of a Reply for our envelopes, or undefined for
 * anything else (so other listeners may answer). Handler errors become serialised CoinDockErrors
 * with a stable code; unknown errors become `internal` without their text (it may hold a secret).
 */
export function createDispatcher<M extends AnyMap>(
  specs: { [K in keyof M]: { access: Access } },
  handlers: Handlers<M>,
  self: () => Self,
  onError?: (name: string, e: CoinDockError) => void,
): (msg: unknown, sender: SenderInfo) => Promise<Reply> | undefined {
  return (msg, sender) => {
    if (!isEnvelope(msg)) return undefined;
    const name = msg.name;
    return (async (): Promise<Reply> => {
      try {
        if (!Object.prototype.hasOwnProperty.call(specs, name)) {
          throw errors.invalid_input({ en: `Unknown message ${name}`, zh: `未知消息 ${name}` });
        }
        const kind = classifySender(sender, self());
        const access = specs[name as keyof M].access;
        if (!kind || (access === 'privileged' && kind !== 'privileged')) {
          throw errors.forbidden_sender(undefined, { endpoint: name });
        }
        const handler = handlers[name as keyof M];
        const value: unknown = await handler(msg.payload, { sender, kind });
        return { ok: true, value };
      } catch (e) {
        const err = toCoinDockError(e);
        onError?.(name, err);
        return { ok: false, error: err.toJSON() };
      }
    })();
  };
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
