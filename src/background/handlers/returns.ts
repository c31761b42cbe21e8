/**
 * Reports from the content script about return / redirect pages. Never trust the page: a
 * report is accepted only from our own content script (checked by the dispatcher), in the top
 * frame of a tab, whose sender URL is the URL it reports and is one the user configured. What is
 * kept has its secrets (tokens, codes) removed.
 */
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap, ReturnVerdict } from '../../core/messages';
import { resolveLanguage } from '../../core/i18n';
import { KEYS, RETURNS_KEPT } from '../../core/storage-keys';
import { platformForReturnUrl } from '../../core/settings';
import { pageOf, publicParams, secretParamNames } from '../../core/returns';
import { errors } from '../../core/errors';
import type { Store } from '../../core/store';

type ReturnHandlers = Pick<Handlers<MessageMap>, 'returns/report' | 'returns/list'>;

/** Finds what a return belongs to (a flow by its tab and state, a transfer by trade_id). */
export type ReturnMatcher = (
  url: string,
  tabId: number | undefined,
) => Promise<ReturnVerdict['match'] | undefined>;

export function returnHandlers(deps: {
  store: Store;
  match?: ReturnMatcher;
  /** The browser's UI language, for `auto`. */
  uiLanguage?: () => string;
}): ReturnHandlers {
  const { store } = deps;
  return {
    async 'returns/report'(report, { sender, kind }) {
      if (kind !== 'content') {
        throw errors.forbidden_sender(undefined, { endpoint: 'returns/report' });
      }
      // The page cannot choose what we record: the URL must be the sender's own.
      if (sender.url !== report.url) {
        throw errors.forbidden_sender(undefined, { endpoint: 'returns/report' });
      }
      const settings = await store.get(KEYS.settings);
      const lang = resolveLanguage(settings.language, deps.uiLanguage?.() ?? 'en');
      const platform = platformForReturnUrl(settings, report.url);
      if (!platform) return { recognised: false, lang };
      const record = {
        id: crypto.randomUUID(),
        platform,
        page: pageOf(report.url),
        params: publicParams(report.url),
        had: secretParamNames(report.url),
        seenAt: Date.now(),
        tabId: sender.tab?.id,
      };
      await store.update(KEYS.returns, (list) => [record, ...list].slice(0, RETURNS_KEPT));
      const match = await deps.match?.(report.url, sender.tab?.id);
      return { recognised: true, platform, recordId: record.id, lang, ...(match ? { match } : {}) };
    },
    async 'returns/list'() {
      return store.get(KEYS.returns);
    },
  };
}
