/**
 * The worker's side of the message map. webextension-polyfill lets an `onMessage` listener
 * answer with a promise in every browser. Called once, synchronously, at top level.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createDispatcher, type Handlers, type Self } from '../core/message-protocol';
import { MESSAGE_ACCESS, type MessageMap } from '../core/messages';
import type { CoinDockError } from '../core/errors';

function self(): Self {
  return { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
}

export function listen(
  handlers: Handlers<MessageMap>,
  onError?: (name: string, e: CoinDockError) => void,
): void {
  const dispatch = createDispatcher<MessageMap>(MESSAGE_ACCESS, handlers, self, onError);
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) =>
    dispatch(msg, sender),
  );
}
