/**
 * The worker's side of the message map. webextension-polyfill lets an `onMessage` listener
 * answer with a promise in every browser. Called once, synchronously, at top level.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { Handlers, Self } from '../core/message-protocol';
import { createDispatcher } from '../core/message-dispatch';
import { MESSAGES } from '../core/message-map';
import type { MessageMap } from '../core/messages';
import type { CoinDockError } from '../core/errors';

function self(): Self {
  return { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
}

export function listen(
  handlers: Handlers<MessageMap>,
  opts: {
    /** The worker's start-up: messages wait for it (see `MessageDef.beforeReady`). */
    ready: Promise<unknown>;
    onError?: (name: string, e: CoinDockError) => void;
  },
): void {
  const dispatch = createDispatcher(MESSAGES, handlers, { self, ...opts });
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) =>
    dispatch(msg, sender),
  );
}
