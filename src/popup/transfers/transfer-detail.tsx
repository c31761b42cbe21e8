/**
 * One transfer in full: what it is, where it stands and what the platform answered, when it
 * started and last changed, and per platform what the user still needs — GOW's payment
 * instructions (copyable, until the order is final) and price, what FOMO's return meant.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../core/i18n';
import type { GowOrderInfo, GowOrderTransfer, Transfer } from '../../core/transfers';
import { TRANSFER_KIND_NAMES, isFomoPay, isGowOrder } from '../../core/transfer-kinds';
import { tokenLabel } from '../../providers/fomo/coins';
import { tx, type TxKey } from './words';

const STATE_WORD = { pending: 'pending', succeeded: 'succeeded', failed: 'failed' } as const;

function dateTime(lang: Lang, ms: number): string {
  return new Date(ms).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "0.0050" → "0.50": a fraction as a percentage, exactly (no float on the way). */
export function percent(fraction: string): string {
  const [whole = '0', frac = ''] = fraction.split('.');
  const digits = frac.padEnd(2, '0');
  const int = `${whole}${digits.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = digits.slice(2);
  return rest ? `${int}.${rest}` : int;
}

/** The order facts, also for a deposit stored before they had their own field (in `details`). */
function gowInfo(x: GowOrderTransfer): GowOrderInfo | undefined {
  if (x.gow) return x.gow;
  const d = x.details;
  if (!d.payToBank || !d.payToAccount) return undefined;
  return {
    payTo: { bank: d.payToBank, account: d.payToAccount, name: d.payToName ?? '' },
    ...(d.noteCode ? { noteCode: d.noteCode } : {}),
    ...(d.fee ? { fee: d.fee } : {}),
    ...(d.exchRate ? { exchRate: d.exchRate } : {}),
    ...(d.currencyAmount ? { currencyAmount: d.currencyAmount } : {}),
  };
}

/** A labelled value; `copy` is what its Copy button copies (no button without it). */
type Row = { label: TxKey; value: string | undefined; copy?: string; testId?: string };

function Rows(props: { lang: Lang; rows: Row[]; onCopy: (label: string, value: string) => void }) {
  return (
    <dl class="tx-rows">
      {props.rows
        .filter((r) => r.value)
        .map((r) => {
          const label = tx(props.lang, r.label);
          return (
            <div key={r.label} class="tx-row">
              <dt>{label}</dt>
              <dd data-testid={r.testId}>
                <span class="tx-value">{r.value}</span>
                {r.copy !== undefined && (
                  <button
                    type="button"
                    class="tx-copy"
                    aria-label={tx(props.lang, 'copyWhat', { what: label })}
                    onClick={() => props.onCopy(label, r.copy ?? '')}
                  >
                    {tx(props.lang, 'copy')}
                  </button>
                )}
              </dd>
            </div>
          );
        })}
    </dl>
  );
}

function Part(props: { title: string; children: ComponentChildren; testId: string }) {
  return (
    <section class="tx-part" aria-label={props.title} data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.children}
    </section>
  );
}

export function TransferDetail({ lang, transfer: x }: { lang: Lang; transfer: Transfer }) {
  const zh = lang === 'zh-CN' ? 'zh' : 'en';
  const [said, setSaid] = useState('');
  const copy = (label: string, value: string) => {
    setSaid('');
    navigator.clipboard.writeText(value).then(
      () => setSaid(tx(lang, 'copied', { what: label })),
      () => setSaid(tx(lang, 'copyFailed')),
    );
  };
  const pending = x.state === 'pending';
  const fomo = isFomoPay(x) ? x.details : undefined;
  const order = isGowOrder(x);
  const deposit = x.kind === 'gow_deposit';
  const g = order ? gowInfo(x) : undefined;
  const answer =
    x.statusCode && x.message
      ? tx(lang, 'answerCode', { code: x.statusCode, words: x.message[zh] })
      : (x.message?.[zh] ?? x.statusCode);
  const note =
    pending && fomo
      ? tx(lang, 'waitingFomo')
      : pending && order
        ? tx(lang, 'waitingGow')
        : fomo && x.state === 'succeeded' && x.statusCode === '1'
          ? tx(lang, 'fomoPaid')
          : undefined;
  const currency = g?.legalCurrency ?? 'PHP';
  // Payment instructions are copyable while they are still to be followed.
  const when = (value: string | undefined) => (pending ? value : undefined);
  const price: Row[] = g
    ? [
        {
          label: 'rate',
          value: g.exchRate && tx(lang, 'rateValue', { rate: g.exchRate, currency }),
        },
        { label: 'fee', value: g.fee && `${g.fee} USDT`, testId: 'gow-fee' },
        {
          label: 'channelFee',
          value:
            g.channelFee &&
            (g.channelFeeRate
              ? tx(lang, 'channelFeeValue', { fee: g.channelFee, rate: percent(g.channelFeeRate) })
              : `${g.channelFee} USDT`),
        },
        {
          label: deposit ? 'youGet' : 'youSell',
          value: g.currencyAmount && `${g.currencyAmount} USDT`,
        },
      ]
    : [];
  const priced = price.some((r) => r.value);

  return (
    <div class="tx-detail stack" data-testid="transfer-detail">
      <Rows
        lang={lang}
        onCopy={copy}
        rows={[
          { label: 'kind', value: TRANSFER_KIND_NAMES[x.kind][zh] },
          { label: 'amount', value: `${x.amount} ${tokenLabel(x.token, lang)}` },
          { label: 'state', value: tx(lang, STATE_WORD[x.state]) },
          { label: 'answer', value: answer },
          { label: 'reference', value: x.reference, copy: x.reference },
          { label: 'counterparty', value: x.counterparty },
          { label: 'created', value: dateTime(lang, x.createdAt) },
          { label: 'updated', value: dateTime(lang, x.updatedAt) },
          { label: 'fomoCoinId', value: fomo?.coinId },
          { label: 'fomoTransferId', value: fomo?.transferId },
          {
            label: 'fomoCallback',
            value: fomo?.callbackHttp && `HTTP ${fomo.callbackHttp}`,
          },
        ]}
      />
      {note && <p class="muted">{note}</p>}
      {deposit && g?.payTo && (
        <Part title={tx(lang, pending ? 'howToPay' : 'paidTo')} testId="gow-pay">
          {pending && (
            <p>{tx(lang, 'howToPayIntro', { amount: g.legalAmount ?? x.amount, currency })}</p>
          )}
          <Rows
            lang={lang}
            onCopy={copy}
            rows={[
              {
                label: 'payAmount',
                value: `${g.legalAmount ?? x.amount} ${currency}`,
                copy: when(g.legalAmount ?? x.amount),
              },
              { label: 'payBank', value: g.payTo.bank, copy: when(g.payTo.bank) },
              {
                label: 'payAccount',
                value: g.payTo.account,
                copy: when(g.payTo.account),
                testId: 'gow-account',
              },
              { label: 'payName', value: g.payTo.name, copy: when(g.payTo.name) },
              { label: 'paySwift', value: g.payTo.swift, copy: when(g.payTo.swift) },
              { label: 'payBankAddress', value: g.payTo.bankAddress },
              { label: 'payNote', value: g.noteCode, copy: when(g.noteCode), testId: 'gow-note' },
              {
                label: 'payBefore',
                value: pending && g.deadlinePay ? dateTime(lang, g.deadlinePay) : undefined,
              },
            ]}
          />
        </Part>
      )}
      {order && (priced || pending) && (
        <Part title={tx(lang, 'price')} testId="gow-price">
          {priced ? (
            <Rows lang={lang} onCopy={copy} rows={price} />
          ) : (
            <p class="muted">{tx(lang, 'priceLater')}</p>
          )}
        </Part>
      )}
      <p class="tx-said" role="status">
        {said}
      </p>
    </div>
  );
}
