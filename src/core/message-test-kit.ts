/**
 * Test-only: the real dispatcher over the real message map (`MESSAGES`), answering with the
 * handlers a test gives, so a test sends what a page sends and gets what a page gets: the
 * request checked, start-up awaited, the sender checked. Imported by *.test.ts only.
 */
import { MESSAGES } from './message-map';
import { createDispatcher } from './message-dispatch';
import {
  createSend,
  type HandlerContext,
  type Handlers,
  type SenderInfo,
} from './message-protocol';
import type { MessageMap, MessageName } from './messages';

export const SELF = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
/** The popup, as the browser names it to the worker. */
export const PAGE: SenderInfo = { id: SELF.id, url: `${SELF.origin}/src/popup/index.html` };
/** A content script in the top frame of a web tab at `url`. */
export const contentAt = (url: string): SenderInfo => ({
  id: SELF.id,
  url,
  tab: { id: 7 },
  frameId: 0,
});

export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

/**
 * `send` as `sender` (the popup unless said) to a worker whose handlers are `handlers`; `called`
 * lists the names whose handler ran, in order. A name without a handler fails as `internal`.
 */
export function dispatchTo(
  handlers: Partial<Handlers<MessageMap>>,
  opts: { ready?: Promise<unknown>; sender?: SenderInfo } = {},
) {
  const called: MessageName[] = [];
  const all = Object.fromEntries(
    MESSAGE_NAMES.map((name) => [
      name,
      async (req: unknown, ctx: HandlerContext) => {
        called.push(name);
        const h = handlers[name] as ((r: unknown, c: HandlerContext) => unknown) | undefined;
        if (!h) throw new Error(`No handler for ${name} in this test`);
        return h(req, ctx);
      },
    ]),
  ) as unknown as Handlers<MessageMap>;
  const dispatch = createDispatcher(MESSAGES, all, {
    self: () => SELF,
    ready: opts.ready ?? Promise.resolve(),
  });
  const send = createSend<MessageMap>(async (env) => dispatch(env, opts.sender ?? PAGE));
  /** Send anything under any name, as a page with a bug (or a hostile one) could. */
  const sendRaw = send as unknown as (name: string, payload: unknown) => Promise<unknown>;
  return { send, sendRaw, called };
}
