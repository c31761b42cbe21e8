/**
 * Runs only on the return / redirect URLs the user configured (registered by the worker). It
 * reports the page to the background, which decides whether it recognises it, and shows the
 * verdict in a banner. It holds no secret and stores nothing itself.
 */
import { send } from '../ext/messaging';
import { showBanner } from './banner';
import { hasCode } from '../core/errors';

async function main(): Promise<void> {
  try {
    const verdict = await send('returns/report', { url: location.href });
    showBanner(
      verdict.recognised
        ? {
            title: 'CoinDock',
            detail: `Return from ${verdict.platform ?? ''} recorded`,
            tone: 'ok',
          }
        : { title: 'CoinDock', detail: 'Unrecognised return page', tone: 'neutral' },
    );
  } catch (e) {
    // Nothing about the page is trusted; a refusal is shown, not thrown.
    const detail = hasCode(e, 'forbidden_sender') ? 'Return refused' : 'CoinDock is not reachable';
    showBanner({ title: 'CoinDock', detail, tone: 'error' });
  }
}

void main();
