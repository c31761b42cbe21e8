/** Opening CoinDock's pages on behalf of the in-page banner (a content script cannot). */
import * as v from 'valibot';
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';

export function uiHandlers(): Pick<Handlers<MessageMap>, 'ui/open'> {
  return {
    async 'ui/open'(req) {
      const { section } = v.parse(
        v.object({ section: v.optional(v.picklist(['accounts', 'activity'] as const)) }),
        req ?? {},
      );
      const url = chrome.runtime.getURL(`src/options/index.html${section ? `#${section}` : ''}`);
      await chrome.tabs.create({ url, active: true });
    },
  };
}
