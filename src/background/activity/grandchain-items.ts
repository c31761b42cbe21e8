/**
 * Grand Chain history and unread incoming transfers as activity rows (trade/inquire;
 * deployed revision trade/unread/; docs/providers/grandchain.md, Revisions). Amounts arrive in fen
 * and are shown in yuan (CNY), exactly (fenToYuan, never a float).
 */
import { fenToYuan } from '../../core/money';
import { negate, parseGrandchainTime, type ActivityItem } from '../../core/activity';
import type {
  GrandchainTrade,
  GrandchainUnread,
  GrandchainParty,
} from '../../providers/grandchain/records';

export const GRANDCHAIN_TOKEN = 'CNY';

function who(p: { email?: string; nickName?: string } | undefined): string | undefined {
  if (!p) return undefined;
  if (p.nickName && p.email) return `${p.nickName} <${p.email}>`;
  return p.nickName ?? p.email;
}

function partyText(p: GrandchainParty | undefined): string | undefined {
  return who(p) ?? (p?.userId !== undefined ? `#${String(p.userId)}` : undefined);
}

/**
 * History records carry no id: a row's id is its content (time, direction, value) plus how many
 * identical records came before it, which stays stable because history is append-only.
 * Records that name neither side as the user (possible in the seed revision only) are not the
 * user's activity and are left out. `fallbackTime` stands in for a time the server wrote in a
 * form we cannot read (the row still shows, at the sync's time).
 */
export function tradeItems(
  trades: readonly GrandchainTrade[],
  fallbackTime: number,
): ActivityItem[] {
  const seen = new Map<string, number>();
  const out: ActivityItem[] = [];
  for (const t of trades) {
    if (t.direction === undefined) continue;
    const key = `${t.time}|${t.direction}|${t.valueFen}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const yuan = fenToYuan(t.valueFen);
    const incoming = t.direction === 'in';
    const item: ActivityItem = {
      id: `grandchain:${key}|${n}`,
      platform: 'grandchain',
      kind: incoming ? 'received' : 'sent',
      token: GRANDCHAIN_TOKEN,
      amount: incoming ? yuan : negate(yuan),
      time: parseGrandchainTime(t.time) ?? fallbackTime,
      status: 'done',
      text: incoming
        ? { en: 'Grand Chain transfer received', zh: '大链转入' }
        : { en: 'Grand Chain transfer sent', zh: '大链转出' },
    };
    const other = partyText(incoming ? t.sender : t.receiver);
    if (other) item.counterparty = other;
    out.push(item);
  }
  return out;
}

/** Incoming transfers waiting for the user's `trade/receive`. */
export function unreadItems(
  unread: readonly GrandchainUnread[],
  fallbackTime: number,
): ActivityItem[] {
  return unread.map((u) => {
    const orderId = String(u.orderId);
    const item: ActivityItem = {
      id: `grandchain:unread:${orderId}`,
      platform: 'grandchain',
      kind: 'incoming',
      token: GRANDCHAIN_TOKEN,
      amount: fenToYuan(u.valueFen),
      time: parseGrandchainTime(u.createTime) ?? fallbackTime,
      status: 'unread',
      orderId,
      text: {
        en: 'Grand Chain transfer waiting to be received',
        zh: '大链转账待收款',
      },
    };
    const from = who({
      ...(u.senderEmail !== undefined ? { email: u.senderEmail } : {}),
      ...(u.senderNickName !== undefined ? { nickName: u.senderNickName } : {}),
    });
    if (from) item.counterparty = from;
    return item;
  });
}
