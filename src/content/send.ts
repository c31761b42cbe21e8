/**
 * The content script's side of the message map, bound straight to `chrome.runtime.sendMessage`
 * (which returns a promise in MV3 Chromium and Firefox) instead of src/ext/messaging.ts: that
 * module pulls in webextension-polyfill (~10 kB minified) for a script injected into every return
 * page, which needs one call and no listener.
 */
import { createSend } from '../core/message-protocol';
import type { MessageMap } from '../core/messages';

export const send = createSend<MessageMap>((envelope) => chrome.runtime.sendMessage(envelope));
