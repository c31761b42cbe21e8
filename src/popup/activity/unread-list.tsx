/** Grand Chain transfers sent to the user and not yet received, each with a Receive button. */
import { t, type Lang } from '../../core/i18n';
import type { ActivityItem } from '../../core/activity';

export function UnreadList(p: {
  lang: Lang;
  items: ActivityItem[];
  busy: boolean;
  onReceive(orderId: string): void;
}) {
  if (!p.items.length) return null;
  return (
    <section aria-labelledby="act-unread-h" class="card stack" data-testid="activity-unread">
      <h3 id="act-unread-h">{t(p.lang, 'activity.unread')}</h3>
      <ul class="stack">
        {p.items.map((u) => (
          <li key={u.id} class="act-line" data-order={u.orderId}>
            <span>
              +{u.amount} {u.token}
              {u.counterparty && ` · ${t(p.lang, 'activity.from', { who: u.counterparty })}`}
            </span>
            <button
              type="button"
              class="primary"
              disabled={p.busy}
              onClick={() => u.orderId && p.onReceive(u.orderId)}
            >
              {t(p.lang, 'activity.receive')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
