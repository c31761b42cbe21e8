/**
 * Grand Chain's two API revisions (docs/providers/grandchain.md, Revisions): the seed document of
 * 2018-10-15 and the revision actually deployed later. They differ in three ways the client must
 * respect:
 * - paths: the deployed server routes every endpoint with a trailing `/`; the seed writes six of
 *   them without one (`register/face/insert`, `user/add/friend`, `user/confirm/friend`,
 *   `trade/transfer`, `trade/receive`, `trade/inquire`), and the deployed server answers those
 *   with a 301 to the slash route;
 * - bodies: exactly the documented keys (the deployed server answers 402 to an extra key);
 *   `trade/transfer` takes `receiver_user_email` + `face_token` instead of `receiver_user_id`;
 * - endpoints: `user/charge/`, `user/get/facetoken/` and `trade/unread/` exist only when deployed.
 */

export type GrandchainRevision = 'seed' | 'deployed';
export type RevisionOption = GrandchainRevision | 'auto';

/** Endpoint names: the path without its trailing slash. */
export const ENDPOINTS = [
  'register/try',
  'register/verify',
  'register/send',
  'register/face/insert',
  'login',
  'logout',
  'user/inquire',
  'user/add/friend',
  'user/confirm/friend',
  'trade/transfer',
  'trade/receive',
  'trade/inquire',
  'user/charge',
  'user/get/facetoken',
  'trade/unread',
] as const;
export type GrandchainEndpoint = (typeof ENDPOINTS)[number];

/** Paths exactly as the seed document writes them (relative to `…/grand/chain/`). */
const SEED_PATHS: Partial<Record<GrandchainEndpoint, string>> = {
  'register/try': 'register/try/',
  'register/verify': 'register/verify/',
  'register/send': 'register/send/',
  'register/face/insert': 'register/face/insert',
  login: 'login/',
  logout: 'logout/',
  'user/inquire': 'user/inquire/',
  'user/add/friend': 'user/add/friend',
  'user/confirm/friend': 'user/confirm/friend',
  'trade/transfer': 'trade/transfer',
  'trade/receive': 'trade/receive',
  'trade/inquire': 'trade/inquire',
};

/** The path of an endpoint in a revision, or undefined when that revision does not have it. */
export function pathFor(
  endpoint: GrandchainEndpoint,
  revision: GrandchainRevision,
): string | undefined {
  return revision === 'seed' ? SEED_PATHS[endpoint] : `${endpoint}/`;
}

const SESSION = ['email', 'user_id', 'session_token'] as const;

/** The documented body keys of each endpoint per revision: nothing more is ever sent. */
export const BODY_KEYS: Record<
  GrandchainEndpoint,
  Partial<Record<GrandchainRevision, readonly string[]>>
> = {
  'register/try': {
    seed: ['email', 'password', 'nick_name'],
    deployed: ['email', 'password', 'nick_name'],
  },
  'register/verify': { seed: ['email', 'verify_code'], deployed: ['email', 'verify_code'] },
  'register/send': { seed: ['email'], deployed: ['email'] },
  'register/face/insert': {
    seed: [...SESSION, 'face_token'],
    deployed: [...SESSION, 'face_token'],
  },
  login: { seed: ['email', 'password'], deployed: ['email', 'password'] },
  logout: { seed: SESSION, deployed: SESSION },
  'user/inquire': { seed: [...SESSION, 'inquire_email'], deployed: [...SESSION, 'inquire_email'] },
  'user/add/friend': { seed: [...SESSION, 'add_user_id'], deployed: [...SESSION, 'add_user_id'] },
  'user/confirm/friend': {
    seed: [...SESSION, 'friend_order_id'],
    deployed: [...SESSION, 'friend_order_id'],
  },
  'trade/transfer': {
    seed: [...SESSION, 'receiver_user_id', 'trade_value'],
    deployed: [...SESSION, 'receiver_user_email', 'trade_value', 'face_token'],
  },
  'trade/receive': {
    seed: [...SESSION, 'order_id', 'face_token'],
    deployed: [...SESSION, 'order_id', 'face_token'],
  },
  'trade/inquire': { seed: SESSION, deployed: SESSION },
  'user/charge': { deployed: [...SESSION, 'trade_value'] },
  'user/get/facetoken': { deployed: SESSION },
  'trade/unread': { deployed: SESSION },
};

/** True when both revisions call the endpoint at the same path with the same keys, so the
 * revision need not be known to call it. */
export function revisionIndependent(endpoint: GrandchainEndpoint): boolean {
  const keys = BODY_KEYS[endpoint];
  return (
    pathFor(endpoint, 'seed') === pathFor(endpoint, 'deployed') &&
    keys.seed !== undefined &&
    keys.deployed !== undefined &&
    keys.seed.join() === keys.deployed.join()
  );
}
