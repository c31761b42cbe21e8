import { t, timeAgo, type Lang } from '../../core/i18n';
import type { Transfer } from '../../core/transfers';

const STATE_KEY = {
  pending: 'tx.pending',
  succeeded: 'tx.succeeded',
  failed: 'tx.failed',
} as const;
const TONE = { pending: 'muted', succeeded: 'ok', failed: 'error' } as const;

/** Recent transfers with their state and the platform's answer in words. */
export function TransferList({ lang, now, items }: { lang: Lang; now: number; items: Transfer[] }) {
  const zh = lang === 'zh-CN' ? 'zh' : 'en';
  if (items.length === 0) return <p class="muted">{t(lang, 'tx.none')}</p>;
  return (
    <ul class="stack" data-testid="transfers">
      {items.slice(0, 8).map((x) => (
        <li class="card" key={x.id} data-transfer={x.id} data-state={x.state}>
          <div class="row">
            <strong>
              {x.amount} {x.token}
            </strong>
            <span class={TONE[x.state]}>
              {t(
                lang,
                // FOMO cannot confirm a payment: its "paid" is said as what it is.
                x.details.returnCheck === 'returned_paid' ? 'tx.returnedPaid' : STATE_KEY[x.state],
              )}
            </span>
          </div>
          <div class="muted">
            {x.kind.replace('_', ' ')} · {timeAgo(lang, x.updatedAt, now)}
            {x.state === 'failed' && (x.statusCode || x.message)
              ? ` · ${x.statusCode ? `${x.statusCode} — ` : ''}${x.message?.[zh] ?? ''}`
              : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
