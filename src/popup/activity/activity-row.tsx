/** One activity row: what, with whom, when, the signed amount and, when not done, its state. */
import { PLATFORM_NAMES, t, type Lang } from '../../core/i18n';
import { signedForDisplay, type ActivityItem } from '../../core/activity';
import { tokenLabel } from '../../providers/fomo/coins';

const formats = new Map<Lang, Intl.DateTimeFormat>();
function when(lang: Lang, time: number): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(lang, f);
  }
  return f.format(time);
}

export function ActivityRow({ item, lang }: { item: ActivityItem | undefined; lang: Lang }) {
  if (!item) return <div class="act-sub">{t(lang, 'activity.loading')}</div>;
  const zh = lang === 'zh-CN';
  const out = item.amount.startsWith('-');
  return (
    <div data-testid="activity-row" data-id={item.id} data-platform={item.platform}>
      <div class="act-line">
        <span>
          {PLATFORM_NAMES[item.platform][lang]} · {zh ? item.text.zh : item.text.en}
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
