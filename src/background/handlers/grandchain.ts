/** Grand Chain sign-up and sign-in messages; inputs checked at the boundary. */
import * as v from 'valibot';
import type { Handlers } from '../../core/message-protocol';
import type { AccountsView, MessageMap } from '../../core/messages';
import { errors } from '../../core/errors';
import type { GrandchainService } from '../accounts/grandchain';

type GrandchainHandlers = Pick<
  Handlers<MessageMap>,
  | 'grandchain/register'
  | 'grandchain/resend'
  | 'grandchain/verify'
  | 'grandchain/login'
  | 'grandchain/face-token'
>;

const Email = v.pipe(
  v.string(),
  v.trim(),
  v.email('Enter a valid email address'),
  v.maxLength(254),
);
const Password = v.pipe(v.string(), v.minLength(1), v.maxLength(256));

function input<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (!r.success) {
    const field = r.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw errors.invalid_input({
      en: `Check the ${field || 'form'}`,
      zh: `请检查${field || '表单'}`,
    });
  }
  return r.output;
}

export function grandchainHandlers(deps: {
  ready: Promise<void>;
  grandchain: GrandchainService;
  view(): Promise<AccountsView>;
}): GrandchainHandlers {
  const gc = deps.grandchain;
  return {
    async 'grandchain/register'(req) {
      await deps.ready;
      const r = input(
        v.object({
          email: Email,
          password: Password,
          nickName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
        }),
        req,
      );
      await gc.registerTry(r.email, r.password, r.nickName);
    },
    async 'grandchain/resend'(req) {
      await deps.ready;
      await gc.registerResend(input(v.object({ email: Email }), req).email);
    },
    async 'grandchain/verify'(req) {
      await deps.ready;
      const r = input(
        v.object({
          email: Email,
          code: v.pipe(v.string(), v.trim(), v.regex(/^\d{1,12}$/, 'digits')),
          nickName: v.optional(v.string()),
        }),
        req,
      );
      await gc.registerVerify(r.email, r.code, r.nickName);
      return deps.view();
    },
    async 'grandchain/login'(req) {
      await deps.ready;
      const r = input(v.object({ email: Email, password: Password }), req);
      await gc.login(r.email, r.password);
      return deps.view();
    },
    async 'grandchain/face-token'(req) {
      await deps.ready;
      await gc.setFaceToken(input(v.object({ faceToken: v.string() }), req).faceToken);
      return deps.view();
    },
  };
}
