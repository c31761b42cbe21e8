/** Opening CoinDock's options page for the in-page banner (a content script cannot) and the popup. */
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';

const OPTIONS_PAGE = 'src/options/index.html';

export function uiHandlers(): Pick<Handlers<MessageMap>, 'ui/open'> {
  return {
    async 'ui/open'({ section }) {
      const page = chrome.runtime.getURL(OPTIONS_PAGE);
      const url = section ? `${page}#${section}` : page;
      // One options tab: the one already open (found without the `tabs` permission, as the
      // extension's own context) is focused and moved to the section; its page follows
      // `hashchange`, so a section change is not a reload and keeps what is typed elsewhere.
      // With several open, one already at the section is the one: moving another there would
      // leave two tabs showing it (a page opened without a section writes the one it shows,
      // `#fomo` or `#setup`, into its address).
      const tabs = (await chrome.runtime.getContexts({ contextTypes: ['TAB'] })).filter(
        (c) => c.documentUrl?.split('#')[0] === page && c.tabId !== -1,
      );
      const open = tabs.find((c) => section && c.documentUrl === url) ?? tabs[0];
      if (!open) {
        await chrome.tabs.create({ url, active: true });
        return;
      }
      await chrome.tabs.update(open.tabId, section ? { url, active: true } : { active: true });
      await chrome.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    },
  };
}
