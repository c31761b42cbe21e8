/**
 * The Grand Chain client: every endpoint of docs/providers/grandchain.md (Flows) in both revisions,
 * with the revision chosen by option — 'seed', 'deployed', or 'auto' (the default), which detects
 * it:
 * - endpoints that both revisions call at the same path with the same keys are simply called;
 * - before the first call that differs, one probe: POST `{}` to `trade/inquire` (no slash). A
 *   deployed server answers 301 to `trade/inquire/` (nothing runs); a seed server answers a JSON
 *   reply (402, since the body has no keys; nothing runs either);
 * - a slash redirect met later on a seed-revision call (the server was upgraded) switches to
 *   deployed and sends the call once, rebuilt for that revision, to the slash route.
 * No other redirect is ever followed. Sessions are passed in by the caller (the background keeps
 * them in the vault); the password is a parameter of login/registration only, never kept here.
 */
import type * as v from 'valibot';
import { errors } from '../../core/errors';
import { httpRequest } from '../../core/http';
import type { ProviderContext } from '../types';
import { checkEmail, checkId, checkPassword, checkText, checkVerifyCode, fenText } from './inputs';
import {
  normalizeTrade,
  normalizeUnread,
  type GrandchainTrade,
  type GrandchainUnread,
} from './records';
import {
  buildGrandchainRequest,
  isSlashRedirect,
  processGrandchainResponse,
  type GrandchainBody,
  type GrandchainResult,
} from './requests';
import {
  revisionIndependent,
  type GrandchainEndpoint,
  type GrandchainRevision,
  type RevisionOption,
} from './revisions';
import {
  balanceSchema,
  faceTokenSchema,
  friendSchema,
  inquireUserSchema,
  replySchema,
  sessionReplySchema,
  tradeListSchema,
  transferSchema,
  unreadSchema,
} from './schemas';

export interface GrandchainSession {
  email: string;
  /** As the server sent it (the seed shows strings, a server may use numbers); sent back as is. */
  userId: string | number;
  /** A secret: keep it in the vault. */
  sessionToken: string;
}

export interface GrandchainClientOptions {
  revision?: RevisionOption;
}

export interface TransferInput {
  valueFen: bigint;
  /** Seed revision: the receiver's user_id (looked up from `receiverEmail` when absent). */
  receiverUserId?: string | number;
  /** Deployed revision: the receiver's email (required there). */
  receiverEmail?: string;
  /** Deployed revision: the sender's face_token (fetched with user/get/facetoken/ when absent). */
  faceToken?: string;
}

export interface ReceiveInput {
  orderId: string | number;
  /** The receiver's face_token; on the deployed revision fetched when absent. */
  faceToken?: string;
}

export interface TransferResult {
  /** The sender's balance after the transfer. */
  balanceFen: bigint;
  /** The order the receiver confirms with `receive`, when the server names it (the seed's reply
   * does not; the sandbox adds it, since the seed revision has no other way to learn it). */
  orderId?: string | number;
}

export interface GrandchainFriend {
  userId?: string | number;
  /** Absent when the server answered "empty". */
  nickName?: string;
}

export interface GrandchainClient {
  /** The revision in use: the option, or what 'auto' detected so far (undefined: not yet). */
  revision(): GrandchainRevision | undefined;
  detectRevision(): Promise<GrandchainRevision>;
  registerTry(input: { email: string; password: string; nickName: string }): Promise<void>;
  registerVerify(input: { email: string; verifyCode: string }): Promise<GrandchainSession>;
  registerResend(email: string): Promise<void>;
  insertFace(session: GrandchainSession, faceToken: string): Promise<void>;
  login(
    email: string,
    password: string,
  ): Promise<{ session: GrandchainSession; alreadyLoggedIn: boolean }>;
  logout(session: GrandchainSession): Promise<void>;
  /** The user id registered with `email`, or undefined (the server's "empty"). */
  inquireUser(session: GrandchainSession, email: string): Promise<string | number | undefined>;
  addFriend(session: GrandchainSession, userId: string | number): Promise<GrandchainFriend>;
  confirmFriend(session: GrandchainSession, friendOrderId: string): Promise<GrandchainFriend>;
  transfer(session: GrandchainSession, input: TransferInput): Promise<TransferResult>;
  /** Returns the balance in fen after receiving. */
  receive(session: GrandchainSession, input: ReceiveInput): Promise<bigint>;
  trades(session: GrandchainSession): Promise<GrandchainTrade[]>;
  /** Deployed only: top up; returns the balance in fen. */
  charge(session: GrandchainSession, valueFen: bigint): Promise<bigint>;
  /** Deployed only. */
  faceToken(session: GrandchainSession): Promise<string>;
  /** Deployed only: incoming transfers waiting for `receive`. */
  unread(session: GrandchainSession): Promise<GrandchainUnread[]>;
}

type BodyFor = (revision: GrandchainRevision) => GrandchainBody | Promise<GrandchainBody>;

function sessionBody(endpoint: string, s: GrandchainSession): GrandchainBody {
  return {
    email: checkEmail(endpoint, s.email),
    user_id: checkId(endpoint, 'user_id', s.userId),
    session_token: checkText(endpoint, 'session_token', s.sessionToken, 1024),
  };
}

const where = (endpoint: string) => ({ platform: 'grandchain' as const, endpoint });

export function createGrandchainClient(
  ctx: ProviderContext,
  opts: GrandchainClientOptions = {},
): GrandchainClient {
  const option = opts.revision ?? 'auto';
  let detected: GrandchainRevision | undefined = option === 'auto' ? undefined : option;
  let probing: Promise<GrandchainRevision> | undefined;

  async function detect(): Promise<GrandchainRevision> {
    if (detected) return detected;
    probing ??= (async () => {
      const prepared = buildGrandchainRequest(ctx.baseUrl, 'seed', 'trade/inquire', {
        email: '',
        user_id: '',
        session_token: '',
      });
      // The probe carries no keys at all: nothing can run on either server.
      prepared.request.body = '{}';
      const res = await httpRequest(ctx, prepared.request);
      if (isSlashRedirect(res, prepared)) return (detected = 'deployed');
      if (!res.redirected && res.status === 200) {
        try {
          processGrandchainResponse(res, prepared, replySchema);
          return (detected = 'seed');
        } catch (e) {
          // Any documented reply (402 above all) proves the seed route exists.
          if (e instanceof Error && 'platformCode' in e && e.platformCode !== undefined) {
            return (detected = 'seed');
          }
        }
      }
      throw errors.bad_response(
        {
          en: 'Cannot tell which Grand Chain API revision this server speaks',
          zh: '无法识别该 Grand Chain 服务器的接口版本',
        },
        { ...where('trade/inquire'), status: res.status },
      );
    })().finally(() => (probing = undefined));
    return probing;
  }

  async function call<S extends v.GenericSchema>(
    endpoint: GrandchainEndpoint,
    bodyFor: BodyFor,
    schema: S,
  ): Promise<GrandchainResult<v.InferOutput<S>>> {
    const revision: GrandchainRevision =
      detected ?? (revisionIndependent(endpoint) ? 'deployed' : await detect());
    const prepared = buildGrandchainRequest(
      ctx.baseUrl,
      revision,
      endpoint,
      await bodyFor(revision),
    );
    const res = await httpRequest(ctx, prepared.request);
    if (revision === 'seed' && isSlashRedirect(res, prepared)) {
      if (option === 'seed') {
        throw errors.platform(
          {
            en: 'This Grand Chain server speaks the deployed API revision: choose “deployed” or “auto”',
            zh: '该 Grand Chain 服务器使用线上版本接口：请选择“deployed”或“auto”',
          },
          { ...where(prepared.path), status: res.status },
        );
      }
      // The redirect proves the call did not run; send it once, rebuilt, to the slash route.
      detected = 'deployed';
      const again = buildGrandchainRequest(
        ctx.baseUrl,
        'deployed',
        endpoint,
        await bodyFor('deployed'),
      );
      return processGrandchainResponse(await httpRequest(ctx, again.request), again, schema);
    }
    return processGrandchainResponse(res, prepared, schema);
  }

  async function ownFaceToken(session: GrandchainSession, given: string | undefined, ep: string) {
    if (given !== undefined) return checkText(ep, 'face_token', given, 1024);
    return client.faceToken(session);
  }

  const client: GrandchainClient = {
    revision: () => detected,
    detectRevision: detect,

    async registerTry({ email, password, nickName }) {
      const ep = 'register/try';
      const body = {
        email: checkEmail(ep, email),
        password: checkPassword(ep, password),
        nick_name: checkText(ep, 'nick_name', nickName, 64),
      };
      await call(ep, () => body, replySchema);
    },

    async registerVerify({ email, verifyCode }) {
      const ep = 'register/verify';
      const body = { email: checkEmail(ep, email), verify_code: checkVerifyCode(ep, verifyCode) };
      const { data } = await call(ep, () => body, sessionReplySchema);
      return { email: body.email, userId: data.user_id, sessionToken: data.session_token };
    },

    async registerResend(email) {
      const ep = 'register/send';
      const body = { email: checkEmail(ep, email) };
      await call(ep, () => body, replySchema);
    },

    async insertFace(session, faceToken) {
      const ep = 'register/face/insert';
      const body = {
        ...sessionBody(ep, session),
        face_token: checkText(ep, 'face_token', faceToken, 1024),
      };
      await call(ep, () => body, replySchema);
    },

    async login(email, password) {
      const ep = 'login';
      const body = { email: checkEmail(ep, email), password: checkPassword(ep, password) };
      const { code, data } = await call(ep, () => body, sessionReplySchema);
      return {
        session: { email: body.email, userId: data.user_id, sessionToken: data.session_token },
        alreadyLoggedIn: code === 201,
      };
    },

    async logout(session) {
      const ep = 'logout';
      const body = sessionBody(ep, session);
      await call(ep, () => body, replySchema);
    },

    async inquireUser(session, email) {
      const ep = 'user/inquire';
      const body = {
        ...sessionBody(ep, session),
        inquire_email: checkEmail(ep, email, 'inquire_email'),
      };
      const { data } = await call(ep, () => body, inquireUserSchema);
      return data.result === undefined || data.result === 'empty' ? undefined : data.result;
    },

    async addFriend(session, userId) {
      const ep = 'user/add/friend';
      const body = { ...sessionBody(ep, session), add_user_id: checkId(ep, 'add_user_id', userId) };
      const { data } = await call(ep, () => body, friendSchema);
      return friend(data);
    },

    async confirmFriend(session, friendOrderId) {
      const ep = 'user/confirm/friend';
      const body = {
        ...sessionBody(ep, session),
        friend_order_id: checkText(ep, 'friend_order_id', friendOrderId),
      };
      const { data } = await call(ep, () => body, friendSchema);
      return friend(data);
    },

    async transfer(session, input) {
      const ep = 'trade/transfer';
      const base = { ...sessionBody(ep, session), trade_value: fenText(ep, input.valueFen) };
      const { data } = await call(
        ep,
        async (revision) => {
          if (revision === 'seed') {
            let receiver = input.receiverUserId;
            if (receiver === undefined) {
              if (input.receiverEmail === undefined) {
                throw errors.invalid_input(
                  {
                    en: 'Name the receiver (user id or email)',
                    zh: '请填写收款方（user_id 或邮箱）',
                  },
                  where(ep),
                );
              }
              // The seed's user/inquire exists for exactly this: email → user_id.
              receiver = await client.inquireUser(session, input.receiverEmail);
              if (receiver === undefined) {
                throw errors.not_found(
                  {
                    en: 'No Grand Chain user has this email',
                    zh: '没有使用该邮箱的 Grand Chain 用户',
                  },
                  where(ep),
                );
              }
            }
            return { ...base, receiver_user_id: checkId(ep, 'receiver_user_id', receiver) };
          }
          if (input.receiverEmail === undefined) {
            throw errors.invalid_input(
              {
                en: 'This Grand Chain server needs the receiver’s email',
                zh: '该 Grand Chain 服务器需要收款方邮箱',
              },
              where(ep),
            );
          }
          const receiverEmail = checkEmail(ep, input.receiverEmail, 'receiver_user_email');
          // The deployed server takes the money before it checks the receiver and the face token
          // (docs/providers/grandchain.md, "Server faults"): a transfer failing either leaves the
          // sender debited with no order. So both are checked here, before anything is sent.
          if (receiverEmail.toLowerCase() === session.email.toLowerCase()) {
            throw errors.invalid_input(
              { en: 'You cannot send to yourself', zh: '不能转给自己' },
              where(ep),
            );
          }
          if ((await client.inquireUser(session, receiverEmail)) === undefined) {
            throw errors.not_found(
              {
                en: 'No Grand Chain user has this email; nothing was sent',
                zh: '没有使用该邮箱的 Grand Chain 用户，未转出',
              },
              where(ep),
            );
          }
          const own = await client.faceToken(session);
          if (
            input.faceToken !== undefined &&
            checkText(ep, 'face_token', input.faceToken, 1024) !== own
          ) {
            throw errors.permission(
              {
                en: 'Face verification failed: this face token is not the one Grand Chain holds; nothing was sent',
                zh: '生物信息验证失败：该 face_token 与 Grand Chain 记录的不一致，未转出',
              },
              where(ep),
            );
          }
          return { ...base, receiver_user_email: receiverEmail, face_token: own };
        },
        transferSchema,
      );
      const out: TransferResult = { balanceFen: data.balance };
      if (data.order_id !== undefined) out.orderId = data.order_id;
      return out;
    },

    async receive(session, input) {
      const ep = 'trade/receive';
      const base = {
        ...sessionBody(ep, session),
        order_id: checkId(ep, 'order_id', input.orderId),
      };
      const { data } = await call(
        ep,
        async (revision) => {
          if (revision === 'seed' && input.faceToken === undefined) {
            throw errors.invalid_input(
              { en: 'A face_token is required', zh: '需要 face_token' },
              where(ep),
            );
          }
          return { ...base, face_token: await ownFaceToken(session, input.faceToken, ep) };
        },
        balanceSchema,
      );
      return data.balance;
    },

    async trades(session) {
      const ep = 'trade/inquire';
      const body = sessionBody(ep, session);
      const { data } = await call(ep, () => body, tradeListSchema);
      return data.record.map((r) => normalizeTrade(r, session));
    },

    async charge(session, valueFen) {
      const ep = 'user/charge';
      const body = { ...sessionBody(ep, session), trade_value: fenText(ep, valueFen) };
      const { data } = await call(ep, () => body, balanceSchema);
      return data.balance;
    },

    async faceToken(session) {
      const ep = 'user/get/facetoken';
      const body = sessionBody(ep, session);
      const { data } = await call(ep, () => body, faceTokenSchema);
      return data.face_token;
    },

    async unread(session) {
      const ep = 'trade/unread';
      const body = sessionBody(ep, session);
      const { data } = await call(ep, () => body, unreadSchema);
      return ('unread' in data ? data.unread : data.record).map(normalizeUnread);
    },
  };
  return client;
}

function friend(data: {
  add_user_id?: string | number;
  add_user_nick_name?: string;
}): GrandchainFriend {
  const out: GrandchainFriend = {};
  if (data.add_user_id !== undefined && data.add_user_id !== 'empty') out.userId = data.add_user_id;
  if (data.add_user_nick_name !== undefined && data.add_user_nick_name !== 'empty') {
    out.nickName = data.add_user_nick_name;
  }
  return out;
}
