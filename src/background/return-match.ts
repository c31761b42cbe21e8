/**
 * What a return page the content script reported belongs to: a FOMO Pay transfer (by its
 * trade_id, reconciled here) or a connection flow (by the tab it opened and its redirect URI,
 * captured here). Both captures are idempotent, so whichever of the content script and
 * tabs.onUpdated sees the page first wins.
 */
import type { ReturnMatcher } from './handlers/returns';
import { isRedirectTo, type FlowService } from './accounts/flows';
import type { FomoPay } from './transfers/fomo-pay';
import type { TransferStore } from './transfers/transfer-store';

export function createReturnMatcher(deps: {
  fomoPay: Pick<FomoPay, 'onReturn'>;
  transfers: Pick<TransferStore, 'get'>;
  flows: Pick<FlowService, 'list' | 'onTabUrl'>;
}): ReturnMatcher {
  return async (url, tabId) => {
    const transferId = await deps.fomoPay.onReturn(url, tabId);
    if (transferId) {
      const t = await deps.transfers.get(transferId);
      const recorded = t && {
        state: t.state,
        amount: t.amount,
        token: t.token,
        ...(t.message ? { message: t.message } : {}),
      };
      return { kind: 'transfer', id: transferId, ...(recorded ? { recorded } : {}) };
    }
    const flow = (await deps.flows.list()).find(
      (f) => f.tabId !== undefined && f.tabId === tabId && isRedirectTo(url, f.redirectUri),
    );
    if (!flow) return undefined;
    // The content script saw the redirect, perhaps before tabs.onUpdated did: capture is
    // idempotent, whichever comes first wins.
    if (tabId !== undefined) await deps.flows.onTabUrl(tabId, url);
    return { kind: 'flow', id: flow.id };
  };
}
