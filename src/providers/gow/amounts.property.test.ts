/**
 * GOW decimal amounts over arbitrary reply text: every answer is either the decimal string
 * exactly as written, or a typed error. A JSON number is never read through a double, so
 * `1.0000000000000001` stays those digits instead of becoming "1".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCoinDockError } from '../../core/errors';
import { isDecimal } from '../../core/money';
import { amountToken, replyOf } from '../../core/amount-test-kit';
import { processGowResponse } from './requests';
import { orderDetailSchema } from './schemas';

describe('GOW decimals from reply text', () => {
  it('10,000 replies: the digits as written or a typed error, never a rounded or untyped one', () => {
    let untyped = 0;
    let accepted = 0;
    const runs = 10_000;
    fc.assert(
      fc.property(amountToken, (token) => {
        const text = `{"code":"000000","data":{"applyStatus":1,"applyType":1,"fee":${token}}}`;
        let fee: string | null | undefined;
        try {
          fee = processGowResponse(
            replyOf(text),
            '/transaction/getOrderDetail',
            orderDetailSchema,
          ).fee;
        } catch (e) {
          if (!isCoinDockError(e)) untyped++;
          expect(isCoinDockError(e)).toBe(true);
          return;
        }
        if (token === 'null') {
          expect(fee).toBeNull();
          return;
        }
        accepted++;
        const written = token.startsWith('"') ? (JSON.parse(token) as string) : token;
        expect(isDecimal(written)).toBe(true);
        expect(fee).toBe(written);
      }),
      { numRuns: runs },
    );
    console.info(
      `GOW decimal property: ${runs} replies, ${accepted} accepted, ${untyped} untyped errors`,
    );
    expect(untyped).toBe(0);
  });
});
