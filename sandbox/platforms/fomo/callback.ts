/**
 * FOMO → merchant callback (docs/providers/fomo.md, Merchant callback): a form POST of the transfer
 * to `server_uri`. A 200 ends it; anything else is retried every 10 minutes, at most 100 times (on
 * the sandbox's compressible timer wheel, so tests can run the whole schedule at once).
 */
import type { SimContext } from '../../types';
import type { Transfer } from './state';

export const CALLBACK_RETRY_MS = 10 * 60_000;
/** "超过100次则不再发起": up to 100 retries after the first attempt. */
export const CALLBACK_MAX_RETRIES = 100;
/** How long FOMO waits for the merchant before counting the attempt as failed (status 0). */
export const CALLBACK_TIMEOUT_MS = 5_000;

/** One delivery attempt; returns the merchant's HTTP status (0 = unreachable or timed out). */
export async function deliverCallback(t: Transfer, ctx: SimContext): Promise<number> {
  const body = new URLSearchParams({
    transfer_id: t.transferId,
    user_id: t.userId,
    trade_id: t.tradeId,
    coin_id: t.coinId,
    amount: t.amount,
    cut_amount: t.cutAmount,
    direction: String(t.direction),
    // Added by later revisions of the document (docs/providers/fomo.md, Merchant callback): 1 = the
    // transfer succeeded.
    status: '1',
  });
  let status: number;
  try {
    const res = await fetch(t.serverUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
    status = res.status;
    await res.arrayBuffer().catch(() => undefined);
  } catch {
    status = 0;
  }
  ctx.count('merchant_callback');
  t.callbacks.push({ at: ctx.now(), status });
  if (status === 200) t.callbackDone = true;
  ctx.log(`callback for transfer ${t.transferId} (attempt ${t.callbacks.length}) → ${status}`);
  return status;
}

/** The first attempt now (its status goes back to the browser as `httpcode`), retries later. */
export async function startCallbacks(t: Transfer, ctx: SimContext): Promise<number> {
  const first = await deliverCallback(t, ctx);
  if (first !== 200) scheduleRetry(t, ctx, 1);
  return first;
}

function scheduleRetry(t: Transfer, ctx: SimContext, retry: number): void {
  ctx.schedule(CALLBACK_RETRY_MS, async () => {
    if (t.callbackDone) return;
    const status = await deliverCallback(t, ctx);
    if (status === 200) return;
    if (retry < CALLBACK_MAX_RETRIES) scheduleRetry(t, ctx, retry + 1);
    else t.callbackDone = true;
  });
}
