import { timeAgo, type Lang } from '../../core/i18n';
import type { Transfer } from '../../core/transfers';
import { TRANSFER_KIND_NAMES, isFomoPay } from '../../core/transfer-kinds';
import { tokenLabel } from '../../providers/fomo/coins';
import { TransferDetail } from './transfer-detail';
import { tx } from './words';
import './transfers.css';

export const STATE_KEY = { pending: 'pending', succeeded: 'succeeded', failed: 'failed' } as const;
const TONE = { pending: 'muted', succeeded: 'ok', failed: 'error' } as const;

/**
 * Recent transfers, each a disclosure: the line says what, how much and where it stands; opened,
 * everything CoinDock knows about it (TransferDetail), GOW's payment instructions included.
 */
export function TransferList({ lang, now, items }: { lang: Lang; now: number; items: Transfer[] }) {
  const zh = lang === 'zh-CN' ? 'zh' : 'en';
  if (items.length === 0) return <p class="muted">{tx(lang, 'none')}</p>;
  return (
    <ul class="stack" data-testid="transfers" aria-label={tx(lang, 'listLabel')}>
      {items.slice(0, 8).map((x) => (
        <li class="card tx-item" key={x.id} data-transfer={x.id} data-state={x.state}>
          <details>
            <summary>
              <span class="tx-line">
                <strong>
                  {x.amount} {tokenLabel(x.token, lang)}
                </strong>
                <span class={TONE[x.state]}>
                  {tx(
                    lang,
                    // FOMO cannot confirm a payment: its "paid" is said as what it is.
                    isFomoPay(x) && x.details.returnCheck === 'returned_paid'
                      ? 'returnedPaid'
                      : STATE_KEY[x.state],
                  )}
                </span>
              </span>
              <span class="tx-sub muted">
                {TRANSFER_KIND_NAMES[x.kind][zh]} · {timeAgo(lang, x.updatedAt, now)}
                {x.state === 'failed' && (x.statusCode || x.message)
                  ? ` · ${x.statusCode ? `${x.statusCode} — ` : ''}${x.message?.[zh] ?? ''}`
                  : ''}
              </span>
            </summary>
            <TransferDetail lang={lang} transfer={x} />
          </details>
        </li>
      ))}
    </ul>
  );
}
