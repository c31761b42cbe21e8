/**
 * Grand Chain's route tables per revision (docs/providers/grandchain.md, Revisions): which paths
 * exist and which handler answers each.
 */
import { ACCOUNT_ROUTES } from './account-routes';
import type { Route } from './route-kit';
import { DEPLOYED_ONLY, SEED_ONLY, TRADE_COMMON } from './trade-routes';

export type { Route } from './route-kit';

/** Seed routes exactly as the document writes them (some with, some without a trailing slash). */
export const SEED_PATHS: Record<string, string> = {
  'register/try/': 'register/try',
  'register/verify/': 'register/verify',
  'register/send/': 'register/send',
  'register/face/insert': 'register/face/insert',
  'login/': 'login',
  'logout/': 'logout',
  'user/inquire/': 'user/inquire',
  'user/add/friend': 'user/add/friend',
  'user/confirm/friend': 'user/confirm/friend',
  'trade/transfer': 'trade/transfer',
  'trade/receive': 'trade/receive',
  'trade/inquire': 'trade/inquire',
};

export function routeFor(name: string, revision: 'seed' | 'deployed'): Route | undefined {
  const special = revision === 'seed' ? SEED_ONLY : DEPLOYED_ONLY;
  return special[name] ?? ACCOUNT_ROUTES[name] ?? TRADE_COMMON[name];
}

/** Deployed: every route of the seed plus the extras, each ending in `/`. */
export const DEPLOYED_NAMES: readonly string[] = [
  ...Object.values(SEED_PATHS),
  ...Object.keys(DEPLOYED_ONLY).filter((n) => !(n in SEED_ONLY)),
];
