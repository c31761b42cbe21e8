/**
 * Runs only on the return / redirect URLs the user configured (registered by the worker). It
 * reports the page's full URL to the background — unstripped: the background may need the OAuth
 * code to finish a flow when it sees the redirect before the tab listener does — then decodes the
 * URL itself and shows what it says in a banner. It never logs, stores or shows a secret: the
 * decoder keeps only whether a code or token was present.
 */
import { send } from './send';
import { showBanner, type BannerHandle } from './banner';
import { bannerView, pendingView, type ReportFailure } from './banner-text';
import { hasCode } from '../core/errors';
import { decodeReturn } from '../core/return-decode';
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
  const g = globalThis as CaptureGlobal;
  // Injected again into the same page (re-registration): replace the old banner, do not stack.
  g.__coindockBanner?.remove();
  const banner = showBanner(pendingView(browserLang()), (section) => {
    // The background opens the page; if it cannot, there is nothing more the banner can do.
    send('ui/open', { section }).catch(() => undefined);
  });
  g.__coindockBanner = banner;

  let verdict: ReturnVerdict | undefined;
  let failure: ReportFailure | undefined;
  try {
    verdict = await send('returns/report', { url });
  } catch (e) {
    // Nothing about the page is trusted; a refusal is shown, not thrown (and never logged:
    // the error could echo the URL).
    failure = hasCode(e, 'forbidden_sender') ? 'refused' : 'unreachable';
  }
  const decoded = decodeReturn(url, verdict?.recognised ? verdict.platform : undefined);
  banner.update(bannerView(decoded, verdict, failure, verdict?.lang ?? browserLang()));
}

void main();
