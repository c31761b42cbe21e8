import { describe, expect, it } from 'vitest';
import { FOMO_ERROR_CODES } from './error-table';
import { fomoPayReturnError, parseFomoPayReturn } from './pay-return';

const RET = 'https://shop.example/return';

function ret(params: Record<string, string>): string {
  return `${RET}?${new URLSearchParams(params).toString()}`;
}

const success = {
  status: '1',
  trade_id: 'T-1',
  amount: '12.50',
  coin_id: '3',
  user_id: '10001',
  access_token: 'AT-SECRET-VALUE',
  client_id: 'app_1',
  redirect_uri: RET,
  state: 'st8',
  httpcode: '200',
  transfer_id: 'FT-77',
};

describe('parseFomoPayReturn', () => {
  it('success: fields, httpcode as a number, transfer_id, and no access_token anywhere', () => {
    const r = parseFomoPayReturn(ret(success));
    expect(r).toEqual({
      status: 1,
      ok: true,
      trade_id: 'T-1',
      amount: '12.50',
      coin_id: '3',
      user_id: '10001',
      state: 'st8',
      httpcode: 200,
      transfer_id: 'FT-77',
      message: { en: 'Success', zh: '成功' },
    });
    expect(JSON.stringify(r)).not.toContain('AT-SECRET-VALUE');
    expect(fomoPayReturnError(r)).toBeUndefined();
  });

  it('201 in a pay return means duplicate trade_id', () => {
    const r = parseFomoPayReturn(ret({ ...success, status: '201', transfer_id: '' }));
    expect(r.ok).toBe(false);
    expect(r.message.zh).toBe('接入方交易ID trade_id重复');
    expect(r.transfer_id).toBeUndefined();
    const e = fomoPayReturnError(r)!;
    expect(e.code).toBe('duplicate');
    expect(e.platformCode).toBe('201');
  });

  it.each([
    ['24', 'insufficient_funds'],
    ['8', 'timestamp_skew'],
    ['7', 'signature'],
    ['3', 'auth_expired'],
    ['23', 'not_found'],
  ])('status %s decodes with the appendix', (status, kind) => {
    const r = parseFomoPayReturn(ret({ status, state: 's' }));
    expect(r.ok).toBe(false);
    expect(r.message.zh).toBe(FOMO_ERROR_CODES[status]!.zh);
    expect(fomoPayReturnError(r)!.code).toBe(kind);
    expect(r.trade_id).toBe('');
  });

  it('an unknown status is reported as such, not as success', () => {
    const r = parseFomoPayReturn(ret({ status: '999', state: 's' }));
    expect(r.ok).toBe(false);
    expect(r.message.en).toContain('999');
    expect(fomoPayReturnError(r)!.code).toBe('platform');
  });

  it.each([
    ['no status', { ...success, status: '' }],
    ['status not a number', { ...success, status: 'ok' }],
    ['success without trade_id', { ...success, trade_id: '' }],
    ['success without amount', { ...success, amount: '' }],
    ['amount not a decimal', { ...success, amount: '1,5' }],
    ['httpcode not a status', { ...success, httpcode: 'abc' }],
  ])('%s → bad_response', (_l, params) => {
    expect(() => parseFomoPayReturn(ret(params))).toThrow(
      expect.objectContaining({ code: 'bad_response', platform: 'fomo' }),
    );
  });

  it('not a URL → bad_response', () => {
    expect(() => parseFomoPayReturn('::nope')).toThrow(
      expect.objectContaining({ code: 'bad_response' }),
    );
  });
});
