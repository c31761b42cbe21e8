/**
 * Reports from the content script about return / redirect pages. Never trust the page: a
 * report is accepted only from our own content script (checked by the dispatcher), in the top
 * frame of a tab, whose sender URL is the URL it reports and is one the user configured. What is
 * kept has its secrets (tokens, codes) removed.
 */
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import { KEYS, RETURNS_KEPT } from '../../core/storage-keys';
import { platformForReturnUrl } from '../../core/settings';
import { pageOf, publicParams, secretParamNames } from '../../core/returns';
import { errors } from '../../core/errors';
import type { Store } from '../../core/store';

type ReturnHandlers = Pick<Handlers<MessageMap>, 'returns/report' | 'returns/list'>;

export function returnHandlers(deps: { store: Store; ready: Promise<void> }): ReturnHandlers {
  const { store } = deps;
  return {
    async 'returns/report'(report, { sender, kind }) {
      await deps.ready;
      if (kind !== 'content' || typeof report?.url !== 'string') {
        throw errors.forbidden_sender(undefined, { endpoint: 'returns/report' });
      }
      // The page cannot choose what we record: the URL must be the sender's own.
      if (sender.url !== report.url) {
        throw errors.forbidden_sender(undefined, { endpoint: 'returns/report' });
      }
      const settings = await store.get(KEYS.settings);
      const platform = platformForReturnUrl(settings, report.url);
      if (!platform) return { recognised: false };
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
      return { recognised: true, platform, recordId: record.id };
    },
    async 'returns/list'() {
      await deps.ready;
      return store.get(KEYS.returns);
    },
  };
}
