/**
 * Runs only on the return / redirect URLs the user configured (registered by the worker). It
 * reports the page's full URL to the background — unstripped: the background may need the OAuth
 * code to finish a flow when it sees the redirect before the tab listener does — then decodes the
 * URL itself and shows what it says in a banner. It never logs, stores or shows a secret: the
 * decoder keeps only whether a code or token was present.
 */
// Both languages first: the banner speaks the user's, whichever it is.
import '../core/i18n-both';
import { send } from '../ext/messaging';
import { showBanner, type BannerHandle } from './banner';
import { bannerView, type ReportFailure } from './banner-text';
import { hasCode } from '../core/errors';
import { decodeReturn } from '../providers/returns';
import type { ReturnVerdict } from '../core/messages';
import type { Lang } from '../core/i18n';

/** Kept in the content script's own world (the page cannot see it): one banner per page. */
interface CaptureGlobal {
  __coindockBanner?: BannerHandle;
}

function browserLang(): Lang {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

async function main(): Promise<void> {
  const url = location.href;
  let verdict: ReturnVerdict | undefined;
  let failure: ReportFailure | undefined;
  try {
    verdict = await send('returns/report', { url });
  } catch (e) {
    // Nothing about the page is trusted; a refusal is shown, not thrown (and never logged:
    // the error could echo the URL).
    failure = hasCode(e, 'forbidden_sender') ? 'refused' : 'unreachable';
  }
  // Match patterns ignore the port and allow a longer path, so the script may run on a page that
  // is not one of the user's return URLs: the background says so, and such a page gets no banner
  // (nor a sign that CoinDock is installed).
  if (verdict && !verdict.recognised) return;
  const decoded = decodeReturn(url, verdict?.platform);
  const view = bannerView(decoded, verdict, failure, verdict?.lang ?? browserLang());
  const g = globalThis as CaptureGlobal;
  // Injected again into the same page (re-registration): replace the old banner, do not stack.
  g.__coindockBanner?.remove();
  g.__coindockBanner = showBanner(view, (section) => {
    // The background opens the page; if it cannot, there is nothing more the banner can do.
    send('ui/open', { section }).catch(() => undefined);
  });
}

void main();
