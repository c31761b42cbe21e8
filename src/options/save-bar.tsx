import type { ComponentChildren } from 'preact';
import { t, type Lang } from '../core/i18n';
import { NoticeText, type Notice } from '../ui/use-action';

/**
 * The one save model of the options page: each section ends in this bar, which says whether
 * anything is unsaved, shows the section's last notice, and holds its one Save (disabled until
 * something changed). `children` go before Save (Discard, Test connection).
 */
export function SaveBar(props: {
  lang: Lang;
  dirty: boolean;
  busy: boolean;
  notice?: Notice;
  children?: ComponentChildren;
}) {
  const { lang, dirty, busy } = props;
  return (
    <div class="savebar" data-dirty={dirty ? 'true' : undefined}>
      <span class={dirty ? 'unsaved' : 'muted'} data-testid="save-state">
        {dirty ? t(lang, 'options.unsaved') : t(lang, 'options.allSaved')}
      </span>
      <span class="grow">
        <NoticeText notice={props.notice} />
      </span>
      {props.children}
      <button class="primary" type="submit" disabled={busy || !dirty}>
        {t(lang, 'options.save')}
      </button>
    </div>
  );
}
