/**
 * The one list of URL / form parameter names whose values are secret: they are never stored,
 * shown or logged. `redactUrl` (errors.ts) masks them in anything logged; the return log
 * (returns.ts) drops them, keeping only that they were present. Compared case-insensitively.
 *
 * Besides the credentials themselves (tokens, codes, secrets, passwords, signatures), `state`
 * and `code_verifier` are here: the first binds a return to the flow or transfer that is waiting
 * for it, the second proves the code's owner (PKCE), and a copy of either in a log or a page
 * could let someone else finish what CoinDock started.
 */
export const SECRET_PARAM_NAMES = [
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'authtoken',
  'session_token',
  'face_token',
  'biytoken',
  'code',
  'code_verifier',
  'client_secret',
  'secret',
  'secretkey',
  'sign',
  'password',
  'state',
] as const;

const SECRET_SET: ReadonlySet<string> = new Set(SECRET_PARAM_NAMES);

export function isSecretParam(name: string): boolean {
  return SECRET_SET.has(name.toLowerCase());
}
