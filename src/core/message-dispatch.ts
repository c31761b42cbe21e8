/**
 * The worker's side of the message protocol: one dispatcher for every message. It checks the
 * sender, then the request against its entry's schema (`invalid_input` naming the field, the
 * handler not called), waits for start-up, and runs the handler on the checked request. Pages
 * never load this module (nor, through it, valibot's parser).
 */
import { safeParse, type BaseIssue, type GenericSchema, type InferOutput } from 'valibot';
import { errors, toCoinDockError, type CoinDockError } from './errors';
import {
  classifySender,
  isEnvelope,
  type Handlers,
  type MapOf,
  type MessageDef,
  type MessageDefs,
  type Reply,
  type Self,
  type SenderInfo,
} from './message-protocol';

/**
 * Refuse a request in words: the field (by its path in the request) and never its value, which
 * may be a passphrase or a key.
 */
export function invalidInput(
  issues: readonly BaseIssue<unknown>[],
  endpoint: string,
): CoinDockError {
  const field = issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '';
  return errors.invalid_input(
    field
      ? {
          en: `Check “${field}”: it is missing or not in the expected form`,
          zh: `请检查“${field}”：缺少或格式不对`,
        }
      : { en: 'The request is not in the expected form', zh: '请求的格式不对' },
    { endpoint },
  );
}

/** `value` checked against `schema`, or an `invalid_input` naming the field (see `invalidInput`). */
export function checked<S extends GenericSchema>(
  schema: S,
  value: unknown,
  endpoint: string,
): InferOutput<S> {
  const r = safeParse(schema, value);
  if (!r.success) throw invalidInput(r.issues, endpoint);
  return r.output;
}

export interface DispatchOptions {
  self: () => Self;
  /**
   * The worker's start-up: each message waits for it here, once, before its handler runs
   * (except those defined `beforeReady`). A failed start-up fails the message as `internal`.
   */
  ready?: Promise<unknown>;
  onError?: (name: string, e: CoinDockError) => void;
}

/**
 * Build the listener body: returns a promise of a Reply for our envelopes, or undefined for
 * anything else (so other listeners may answer). In order: the name must be known, the sender
 * allowed (before anything about the request is said to it), the request valid (else
 * `invalid_input`, the handler not called), start-up done; then the handler runs on the checked
 * request. Handler errors become serialised CoinDockErrors with a stable code; unknown errors
 * become `internal` without their text (it may hold a secret).
 */
export function createDispatcher<D extends MessageDefs>(
  defs: D,
  handlers: Handlers<MapOf<D>>,
  opts: DispatchOptions,
): (msg: unknown, sender: SenderInfo) => Promise<Reply> | undefined {
  return (msg, sender) => {
    if (!isEnvelope(msg)) return undefined;
    const name = msg.name;
    return (async (): Promise<Reply> => {
      try {
        if (!Object.prototype.hasOwnProperty.call(defs, name)) {
          throw errors.invalid_input({ en: `Unknown message ${name}`, zh: `未知消息 ${name}` });
        }
        const def = defs[name as keyof D] as MessageDef;
        const kind = classifySender(sender, opts.self());
        if (!kind || (def.access === 'privileged' && kind !== 'privileged')) {
          throw errors.forbidden_sender(undefined, { endpoint: name });
        }
        // A request is a record of named fields (or nothing); valibot's object schemas would
        // take an array for one.
        if (Array.isArray(msg.payload)) throw invalidInput([], name);
        const parsed = safeParse(def.req, msg.payload);
        if (!parsed.success) {
          throw def.refuse?.(parsed.issues) ?? invalidInput(parsed.issues, name);
        }
        if (!def.beforeReady) await opts.ready;
        const handler = handlers[name as keyof D];
        const value = await handler(parsed.output, { sender, kind });
        return { ok: true, value };
      } catch (e) {
        const err = toCoinDockError(e);
        opts.onError?.(name, err);
        return { ok: false, error: err.toJSON() };
      }
    })();
  };
}
