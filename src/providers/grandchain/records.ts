/**
 * One typed trade record for both revisions (docs/providers/grandchain.md, Revisions): the seed's
 * `{time_stamp, send_user, receve_user, trade_value}` and the deployed `{time_stamp, type,
 * trade_value}` become a `GrandchainTrade`.
 */
import type * as v from 'valibot';
import type { deployedTradeSchema, seedTradeSchema, unreadItemSchema } from './schemas';

export interface GrandchainParty {
  userId?: string | number;
  email?: string;
  nickName?: string;
}

export interface GrandchainTrade {
  /** As the server wrote it ("2018-10-15 23:07:40", server local time). */
  time: string;
  /** Seen from the signed-in user; undefined when a seed record names neither side as them. */
  direction: 'in' | 'out' | undefined;
  valueFen: bigint;
  /** Seed revision only. */
  sender?: GrandchainParty;
  receiver?: GrandchainParty;
}

export interface GrandchainUnread {
  orderId: string | number;
  senderEmail?: string;
  senderNickName?: string;
  valueFen: bigint;
  createTime?: string | number;
}

type SeedTrade = v.InferOutput<typeof seedTradeSchema>;
type DeployedTrade = v.InferOutput<typeof deployedTradeSchema>;

function party(p: { user_id?: string | number; email?: string; nick_name?: string } | undefined) {
  if (!p) return undefined;
  const out: GrandchainParty = {};
  if (p.user_id !== undefined) out.userId = p.user_id;
  if (p.email !== undefined) out.email = p.email;
  if (p.nick_name !== undefined) out.nickName = p.nick_name;
  return out;
}

export function normalizeTrade(
  r: SeedTrade | DeployedTrade,
  me: { email: string; userId: string | number },
): GrandchainTrade {
  if ('type' in r) {
    return { time: r.time_stamp, direction: r.type === 1 ? 'in' : 'out', valueFen: r.trade_value };
  }
  const sender = party(r.send_user);
  const receiver = party(r.receve_user ?? r.receive_user);
  const isMe = (p: GrandchainParty | undefined) =>
    p !== undefined &&
    ((p.userId !== undefined && String(p.userId) === String(me.userId)) ||
      (p.email !== undefined && p.email.toLowerCase() === me.email.toLowerCase()));
  const direction = isMe(sender) ? 'out' : isMe(receiver) ? 'in' : undefined;
  const out: GrandchainTrade = { time: r.time_stamp, direction, valueFen: r.trade_value };
  if (sender) out.sender = sender;
  if (receiver) out.receiver = receiver;
  return out;
}

export function normalizeUnread(u: v.InferOutput<typeof unreadItemSchema>): GrandchainUnread {
  const out: GrandchainUnread = { orderId: u.order_id, valueFen: u.trade_value };
  // "empty" is how the server says a lookup found nothing (docs/providers/grandchain.md, Where
  // the documents are silent (decisions)).
  if (u.sender_email !== undefined && u.sender_email !== 'empty') out.senderEmail = u.sender_email;
  if (u.sender_nick_name !== undefined && u.sender_nick_name !== 'empty') {
    out.senderNickName = u.sender_nick_name;
  }
  if (u.create_time !== undefined) out.createTime = u.create_time;
  return out;
}
