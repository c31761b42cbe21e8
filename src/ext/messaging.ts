/**
 * Sending on the one message map, for pages and content scripts. Bound straight to
 * `chrome.runtime.sendMessage`, which returns a promise in MV3, so pages and the content script
 * do not load webextension-polyfill; only the worker's listener needs it (src/ext/listen.ts).
 */
import { createSend } from '../core/message-protocol';
import type { MessageMap } from '../core/messages';

export const send = createSend<MessageMap>((envelope) => chrome.runtime.sendMessage(envelope));
