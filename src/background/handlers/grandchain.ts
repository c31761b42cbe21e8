/** Grand Chain sign-up and sign-in messages; inputs arrive checked (core/message-map.ts). */
import type { Handlers } from '../../core/message-protocol';
import type { AccountsView, MessageMap } from '../../core/messages';
import type { GrandchainService } from '../accounts/grandchain';

type GrandchainHandlers = Pick<
  Handlers<MessageMap>,
  | 'grandchain/register'
  | 'grandchain/resend'
  | 'grandchain/verify'
  | 'grandchain/login'
  | 'grandchain/face-token'
>;

export function grandchainHandlers(deps: {
  grandchain: GrandchainService;
  view(): Promise<AccountsView>;
}): GrandchainHandlers {
  const gc = deps.grandchain;
  return {
    async 'grandchain/register'(req) {
      await gc.registerTry(req.email, req.password, req.nickName);
    },
    async 'grandchain/resend'(req) {
      await gc.registerResend(req.email);
    },
    async 'grandchain/verify'(req) {
      await gc.registerVerify(req.email, req.code, req.nickName);
      return deps.view();
    },
    async 'grandchain/login'(req) {
      await gc.login(req.email, req.password);
      return deps.view();
    },
    async 'grandchain/face-token'(req) {
      await gc.setFaceToken(req.faceToken);
      return deps.view();
    },
  };
}
