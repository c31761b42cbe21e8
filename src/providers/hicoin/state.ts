/**
 * HiCoin's `state`: "a-zA-Z0-9 的参数值，最多128字节" (docs/providers/hicoin.md, Flows: Authorize). Checked
 * before a URL is built, and generated without modulo bias.
 */
import { randomAlphanumeric } from '../../core/bytes';
import { errors } from '../../core/errors';

export const HICOIN_STATE_MAX = 128;

export function isValidHicoinState(state: string): boolean {
  return state.length <= HICOIN_STATE_MAX && /^[A-Za-z0-9]*$/.test(state);
}

export function checkHicoinState(state: string): string {
  if (!isValidHicoinState(state)) {
    throw errors.invalid_input(
      {
        en: `state must be at most ${HICOIN_STATE_MAX} letters and digits`,
        zh: `state 只能包含字母和数字，最多 ${HICOIN_STATE_MAX} 字节`,
      },
      { platform: 'hicoin' },
    );
  }
  return state;
}

/** A fresh state; 32 characters give 190 bits, well under the 128-byte limit. */
export function newHicoinState(length = 32): string {
  if (!Number.isInteger(length) || length < 1 || length > HICOIN_STATE_MAX) {
    throw new RangeError(`state length must be 1..${HICOIN_STATE_MAX}`);
  }
  return randomAlphanumeric(length);
}
