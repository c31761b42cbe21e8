/**
 * What the banner says, from the decoded return and the background's verdict: pure, so it is
 * tested without a browser. Every string that came from the URL is passed through `shown` first.
 */
import type { RecordedTransfer, ReturnVerdict } from '../core/messages';
import type { DecodedReturn, ReturnKind } from '../providers/returns';
import { type Lang } from '../core/i18n';
import { PLATFORM_NAMES } from '../providers/capabilities';
import type { Bilingual } from '../core/errors';
import { fomoCoinName, tokenLabel } from '../providers/fomo/coins';

export type Tone = 'ok' | 'error' | 'neutral';

/**
 * Where the banner's button leads, by what the return was: an authorisation (OAuth's, or BiYong's
 * consent) finishes in the accounts; a payment, or anything else, is activity.
 */
const SECTION_OF: Readonly<Record<ReturnKind, 'accounts' | 'activity'>> = {
  oauth: 'accounts',
  biyong: 'accounts',
  fomo_pay: 'activity',
  unknown: 'activity',
};

export interface BannerView {
  lang: Lang;
  title: string;
  /** One paragraph each, in order. */
  lines: string[];
  tone: Tone;
  closeLabel: string;
  action: { label: string; section: 'accounts' | 'activity' };
}

/** Why there is no verdict: the background refused the report, or could not be reached. */
export type ReportFailure = 'refused' | 'unreachable';

const TEXT = {
  en: {
    app: 'CoinDock',
    amount: 'Amount',
    coin: 'coin',
    invalidAmount: 'invalid amount',
    trade: 'Trade',
    unrecognised: 'Unrecognised return: nothing pending in CoinDock matches it',
    recordedPending: 'CoinDock is still waiting for this transfer',
    recordedFinal: 'CoinDock has recorded this transfer',
    refused: 'CoinDock refused this return',
    unreachable: 'CoinDock is not reachable',
    open: 'Open CoinDock',
    close: 'Close',
    sep: ': ',
  },
  'zh-CN': {
    app: 'CoinDock',
    amount: '金额',
    coin: '币种',
    invalidAmount: '金额无效',
    trade: '交易',
    unrecognised: '无法识别的返回：CoinDock 中没有与之匹配的待处理事项',
    recordedPending: 'CoinDock 仍在等待此笔转账的结果',
    recordedFinal: 'CoinDock 已记录此笔转账',
    refused: 'CoinDock 拒绝了此返回',
    unreachable: '无法连接 CoinDock',
    open: '打开 CoinDock',
    close: '关闭',
    sep: '：',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * A value from the URL as it may be shown: no control characters and no bidirectional
 * formatting (a U+202E in a trade id could make the rest of the line read backwards).
 */
export function shown(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

function words(b: Bilingual, lang: Lang): string {
  return lang === 'zh-CN' ? b.zh : b.en;
}

/** "7 — Signature error", or the words alone for CoinDock's own outcomes. */
export function outcomeLine(d: DecodedReturn, lang: Lang): string {
  const text = words(d.outcome, lang);
  return d.outcome.fromUrl ? `${shown(d.outcome.code)} — ${text}` : text;
}

function amountLine(d: DecodedReturn, lang: Lang): string | undefined {
  if (d.kind !== 'fomo_pay' || !d.amount) return undefined;
  const t = TEXT[lang];
  // The coin by name where FOMO's coin table has one ("12.5 USDT"), else by its id as sent.
  const name = d.coin_id === undefined ? undefined : fomoCoinName(d.coin_id);
  const coin = name ?? (d.coin_id === undefined ? undefined : `${t.coin} ${shown(d.coin_id)}`);
  if (d.amount.valid && name) return `${t.amount}${t.sep}${d.amount.value} ${name}`;
  const value = d.amount.valid ? d.amount.value : t.invalidAmount;
  return `${t.amount}${t.sep}${value}${coin === undefined ? '' : ` (${coin})`}`;
}

const RECORDED_TONE: Record<RecordedTransfer['state'], Tone> = {
  pending: 'neutral',
  succeeded: 'ok',
  failed: 'error',
};

function recordedLine(r: RecordedTransfer, lang: Lang): string {
  if (r.message) return words(r.message, lang);
  return TEXT[lang][r.state === 'pending' ? 'recordedPending' : 'recordedFinal'];
}

export function bannerView(
  d: DecodedReturn,
  verdict: ReturnVerdict | undefined,
  failure: ReportFailure | undefined,
  lang: Lang,
): BannerView {
  const t = TEXT[lang];
  const platform = verdict?.platform ?? d.platform;
  // A matched transfer: what CoinDock recorded after checking the return, not the URL's claim.
  const recorded = verdict?.match?.kind === 'transfer' ? verdict.match.recorded : undefined;
  // With the recorded coin, by name ("12.5 USDT"): the amount alone would not say what was paid.
  const lines = recorded
    ? [
        recordedLine(recorded, lang),
        `${t.amount}${t.sep}${shown(recorded.amount)} ${shown(tokenLabel(recorded.token, lang))}`,
      ]
    : [outcomeLine(d, lang)];
  const amount = recorded ? undefined : amountLine(d, lang);
  if (amount) lines.push(amount);
  if (d.kind === 'fomo_pay' && d.trade_id !== undefined) {
    lines.push(`${t.trade}${t.sep}${shown(d.trade_id)}`);
  }
  if (d.kind === 'fomo_pay') for (const note of d.notes) lines.push(words(note, lang));
  if (failure) lines.push(failure === 'refused' ? t.refused : t.unreachable);
  else if (!verdict?.recognised || !verdict.match) lines.push(t.unrecognised);
  const tone: 'ok' | 'error' | 'neutral' = failure
    ? 'error'
    : recorded
      ? RECORDED_TONE[recorded.state]
      : d.kind === 'unknown'
        ? 'neutral'
        : d.outcome.ok
          ? 'ok'
          : 'error';
  return {
    lang,
    title: platform ? `${t.app} · ${PLATFORM_NAMES[platform][lang]}` : t.app,
    lines,
    tone,
    closeLabel: t.close,
    action: {
      label: t.open,
      section: SECTION_OF[d.kind],
    },
  };
}
