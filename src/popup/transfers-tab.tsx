/**
 * The Transfers tab: new transfers, the ones CoinDock started, and the return pages it saw.
 * Loaded after the popup's first paint (popup.tsx imports it dynamically), so its forms cost the
 * first paint nothing.
 */
import { errorLang, t, timeAgo, type Lang } from '../core/i18n';
import { PLATFORM_NAMES } from '../providers/capabilities';
import type { Accounts } from '../core/accounts';
import type { ReturnRecord } from '../core/returns';
import type { Transfer } from '../core/transfers';
import type { Bilingual } from '../core/errors';
import { TransferForms } from './transfers/transfer-forms';
import { TransferList } from './transfers/transfer-list';

export function TransfersTab(props: {
  lang: Lang;
  now: number;
  accounts: Accounts;
  transfers: Transfer[];
  /** Stored transfers that could not be read, each said in words (they stay stored as they were). */
  unreadable: readonly Bilingual[];
  returns: ReturnRecord[];
  onDone: (x: Transfer) => void;
}) {
  const { lang, now } = props;
  return (
    <>
      <section aria-labelledby="tx-h" class="stack">
        <h2 id="tx-h">{t(lang, 'tx.title')}</h2>
        <TransferForms lang={lang} accounts={props.accounts} onDone={props.onDone} />
        <TransferList lang={lang} now={now} items={props.transfers} />
        {props.unreadable.map((m) => (
          <p key={m.en} class="error" role="note" data-testid="transfer-unreadable">
            {m[errorLang(lang)]}
          </p>
        ))}
      </section>
      <section aria-labelledby="returns-h" class="stack">
        <h2 id="returns-h">{t(lang, 'returns.title')}</h2>
        {props.returns.length === 0 ? (
          <p class="muted">{t(lang, 'returns.empty')}</p>
        ) : (
          <ul class="stack" data-testid="returns">
            {props.returns.slice(0, 5).map((r) => (
              <li class="card" key={r.id}>
                {t(lang, 'returns.seen', {
                  platform: PLATFORM_NAMES[r.platform][lang],
                  when: timeAgo(lang, r.seenAt, now),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
