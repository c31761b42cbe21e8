/** How fresh each source is, in words: "BiYong: updated 2 min ago", locked, or the failure. */
import { t, timeAgo, type Lang } from '../../core/i18n';
import { PLATFORM_NAMES } from '../../providers/capabilities';
import type { SourceStatus } from '../../core/activity';

export function SourceStatusList(p: { lang: Lang; now: number; sources: SourceStatus[] }) {
  const { lang } = p;
  const shown = p.sources.filter((s) => s.source !== 'transfers' && s.state !== 'not_connected');
  if (!shown.length) return null;
  return (
    <ul class="act-status" data-testid="activity-freshness" aria-live="polite">
      {shown.map((s) => {
        const source = PLATFORM_NAMES[s.source as 'biyong' | 'grandchain'][lang];
        const reason = s.error ? (lang === 'zh-CN' ? s.error.zh : s.error.en) : '';
        const text =
          s.state === 'locked'
            ? t(lang, 'activity.locked', { source })
            : s.state === 'error'
              ? t(lang, 'activity.failed', { source, reason })
              : s.syncedAt === null
                ? t(lang, 'activity.never', { source })
                : t(lang, 'activity.updated', { source, when: timeAgo(lang, s.syncedAt, p.now) });
        return (
          <li key={s.source} data-source={s.source} data-state={s.state}>
            {text}
          </li>
        );
      })}
    </ul>
  );
}
