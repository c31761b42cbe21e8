/**
 * BiYong per-token net flow from the stored ledger, for the portfolio: the sum of the ledger's
 * changes, labelled as such — BiYong gives no balance, and a ledger synced from some date is not
 * one (issue 5, Portfolio).
 */
import { t, type Lang } from '../../core/i18n';
import { signedForDisplay, type NetFlowView } from '../../core/activity';

export function NetFlow({ lang, view }: { lang: Lang; view: NetFlowView | undefined }) {
  if (!view?.rows.length) return null;
  return (
    <details class="card" data-testid="biyong-net-flow">
      <summary>{t(lang, 'activity.netFlow')}</summary>
      <ul>
        {view.rows.map((r) => (
          <li key={r.token}>
            {t(lang, 'activity.netFlowRow', {
              token: r.token,
              net: signedForDisplay(r.net),
              n: r.count,
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
