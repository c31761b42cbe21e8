/**
 * Grand Chain amounts (fen) over arbitrary reply text: every answer is either a BigInt equal to
 * the number written, or a typed error. Nothing is rounded: a reply a double would read as whole
 * fen (`1.0000000000000001`) is refused, and every digit of a large balance is kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCoinDockError } from '../../core/errors';
import { normalizeDecimal } from '../../core/money';
import { amountToken, replyOf } from '../../core/amount-test-kit';
import { processGrandchainResponse } from './requests';
import { balanceSchema } from './schemas';

describe('Grand Chain fen from reply text', () => {
  it('10,000 replies: exact BigInt or a typed error, never a rounded or untyped one', () => {
    let untyped = 0;
    let accepted = 0;
    const runs = 10_000;
    fc.assert(
      fc.property(amountToken, (token) => {
        const text = `{"code":0,"msg":"success","balance":${token}}`;
        let fen: bigint;
        try {
          fen = processGrandchainResponse(
            replyOf(text),
            { endpoint: 'user/charge', path: 'user/charge/' },
            balanceSchema,
          ).data.balance;
        } catch (e) {
          if (!isCoinDockError(e)) untyped++;
          expect(isCoinDockError(e)).toBe(true);
          return;
        }
        accepted++;
        const written = token.startsWith('"') ? (JSON.parse(token) as string) : token;
        // Only whole numbers of fen, written without fraction or exponent, and equal to them.
        expect(written).toMatch(/^-?\d+$/);
        expect(fen.toString()).toBe(normalizeDecimal(written));
      }),
      { numRuns: runs },
    );
    console.info(`fen property: ${runs} replies, ${accepted} accepted, ${untyped} untyped errors`);
    expect(untyped).toBe(0);
  });
});
