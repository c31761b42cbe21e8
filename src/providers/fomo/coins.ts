/**
 * FOMO's coins by `coin_id`. FOMO's API documents `coin_id` only as "币种ID" and lists no coins;
 * the names below are the ones FOMO's pay page shows for these ids (the sandbox plays the same
 * page: docs/providers/fomo.md "Coins"). An id outside the table is shown as "coin N", never
 * given a guessed name.
 */
import type { Lang } from '../../core/i18n';

export const FOMO_COINS: Readonly<Record<string, string>> = Object.freeze({
  '1': 'BTC',
  '2': 'ETH',
  '3': 'USDT',
});

/** The coin pre-selected in the pay form: the stablecoin most payments are made in. */
export const FOMO_DEFAULT_COIN = '3';

/** The coin's name, or undefined for an id the table does not name. */
export function fomoCoinName(coinId: string): string | undefined {
  return Object.hasOwn(FOMO_COINS, coinId) ? FOMO_COINS[coinId] : undefined;
}

/**
 * What a FOMO transfer's `token` is stored as: the coin's name, else `coin N` (the form stored
 * before the table existed, so old and new records read alike).
 */
export function fomoCoinToken(coinId: string): string {
  return fomoCoinName(coinId) ?? `coin ${coinId}`;
}

const UNNAMED = /^coin (\d{1,10})$/;

/**
 * A token as people read it: a coin name as it is; an unnamed FOMO coin ("coin 7", also as stored
 * by older versions for named ids: "coin 3" → "USDT") in the user's language.
 */
export function tokenLabel(token: string, lang: Lang): string {
  const id = UNNAMED.exec(token)?.[1];
  if (id === undefined) return token;
  return fomoCoinName(id) ?? (lang === 'zh-CN' ? `币种 ${id}` : `coin ${id}`);
}
