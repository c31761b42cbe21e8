/** One activity row: what, with whom, when, the signed amount and, when not done, its state. */
import { t, type Lang } from '../../core/i18n';
import { PLATFORM_NAMES } from '../../providers/capabilities';
import { signedForDisplay, type ActivityItem } from '../../core/activity';
import { tokenLabel } from '../../providers/fomo/coins';

let format: { lang: Lang; f: Intl.DateTimeFormat } | undefined;
function when(lang: Lang, time: number): string {
  // One formatter for the whole list (the popup speaks one language at a time).
  if (format?.lang !== lang) {
    format = {
      lang,
      f: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
    };
  }
  return format.f.format(time);
}

export function ActivityRow({ item, lang }: { item: ActivityItem | undefined; lang: Lang }) {
  if (!item) return <div class="act-sub">{t(lang, 'activity.loading')}</div>;
  const zh = lang === 'zh-CN';
  const out = item.amount.startsWith('-');
  const text = zh ? item.text.zh : item.text.en;
  const platform = PLATFORM_NAMES[item.platform][lang];
  return (
    <div data-testid="activity-row" data-id={item.id} data-platform={item.platform}>
      <div class="act-line">
        <span>
          {/* The platform's name once: most texts already begin with it. */}
          {text.startsWith(platform) ? text : `${platform} · ${text}`}
          {item.counterparty && ` · ${item.counterparty}`}
        </span>
        <span class={out ? 'act-amount out' : 'act-amount in'} data-testid="amount">
          {signedForDisplay(item.amount)} {tokenLabel(item.token, lang)}
        </span>
      </div>
      <div class="act-line act-sub">
        <span>
          <time dateTime={new Date(item.time).toISOString()}>{when(lang, item.time)}</time>
        </span>
        {item.status !== 'done' && <span>{t(lang, `activity.status.${item.status}`)}</span>}
      </div>
    </div>
  );
}
