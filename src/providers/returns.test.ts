import { describe, expect, it } from 'vitest';
import {
  decodeReturn,
  MAX_ECHO,
  OAUTH_RETURN_ERRORS,
  type DecodedReturn,
  type FomoPayDecoded,
} from './returns';
import { FOMO_ERROR_CODES, FOMO_SUCCESS_STATUS, FOMO_SUCCESS_TEXT } from './fomo/error-table';
import { PLATFORMS, type Platform } from '../core/platform';

const SHOP = 'https://shop.example/merchant/fomo/return';
const AT = 'AT-secret-4f1c9e2b';
const CODE = 'code-secret-77aa01';
const BIY = 'biy-secret-0c0ffee1';

function url(base: string, params: [string, string][], hash = ''): string {
  const u = new URL(base);
  for (const [k, v] of params) u.searchParams.append(k, v);
  return u.toString() + hash;
}

function payReturn(status: string, extra: [string, string][] = []): string {
  return url(SHOP, [
    ['status', status],
    ['trade_id', 'T-1001'],
    ['amount', '12.50'],
    ['coin_id', '3'],
    ['user_id', '10001'],
    ['access_token', AT],
    ['client_id', 'fomo_demo_app'],
    ['redirect_uri', SHOP],
    ['state', 'st8'],
    ...extra,
  ]);
}

function asPay(d: DecodedReturn): FomoPayDecoded {
  expect(d.kind).toBe('fomo_pay');
  return d as FomoPayDecoded;
}

describe('FOMO pay returns', () => {
  it('describes every appendix code as the provider table does, in both languages', () => {
    const codes = Object.keys(FOMO_ERROR_CODES);
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) {
      const entry = FOMO_ERROR_CODES[code]!;
      for (const platform of ['fomo', undefined] as const) {
        const d = asPay(decodeReturn(payReturn(code), platform));
        expect(d.outcome).toEqual({ code, fromUrl: true, ok: false, en: entry.en, zh: entry.zh });
        expect(d.status).toBe(code);
        expect(d.platform).toBe('fomo');
      }
    }
  });

  it('reads 201 as a duplicate trade_id (its meaning in a pay return)', () => {
    const d = decodeReturn(payReturn('201'), 'fomo');
    expect(FOMO_ERROR_CODES['201']!.kind).toBe('duplicate');
    expect(d.outcome.en).toMatch(/trade_id/);
    expect(d.outcome.zh).toContain('trade_id');
  });

  it('reads status 1 as success with the public fields', () => {
    const d = asPay(
      decodeReturn(
        payReturn(String(FOMO_SUCCESS_STATUS), [
          ['httpcode', '200'],
          ['transfer_id', 'TX-9'],
        ]),
        'fomo',
      ),
    );
    expect(d.outcome).toEqual({ code: '1', fromUrl: true, ok: true, ...FOMO_SUCCESS_TEXT });
    expect(d).toMatchObject({
      status: '1',
      trade_id: 'T-1001',
      amount: { valid: true, value: '12.50' },
      coin_id: '3',
      httpcode: '200',
      transfer_id: 'TX-9',
      state: 'st8',
      notes: [],
    });
    // Only the documented public fields: no user_id, client_id, redirect_uri, access_token.
    expect(Object.keys(d).sort()).toEqual(
      [
        'kind',
        'platform',
        'outcome',
        'notes',
        'status',
        'trade_id',
        'amount',
        'coin_id',
        'httpcode',
        'transfer_id',
        'state',
      ].sort(),
    );
  });

  it('names an unknown status without inventing a meaning, and echoes it as given', () => {
    for (const status of ['999', '07', '-1', 'abc', 'constructor', '__proto__', 'toString']) {
      const d = asPay(decodeReturn(payReturn(status), 'fomo'));
      expect(d.status).toBe(status);
      expect(d.outcome).toEqual({
        code: status,
        fromUrl: true,
        ok: false,
        en: 'Unknown FOMO status',
        zh: '未知的 FOMO 状态码',
      });
    }
  });

  it('says so when a pay return has no status', () => {
    const d = asPay(decodeReturn(url(SHOP, [['trade_id', 'T-2']]), 'fomo'));
    expect(d.status).toBeUndefined();
    expect(d.outcome).toMatchObject({ code: 'no_status', fromUrl: false, ok: false });
    const empty = asPay(decodeReturn(url(SHOP, [['status', '']]), 'fomo'));
    expect(empty.outcome.code).toBe('no_status');
  });

  it('keeps amounts exactly as written when they are decimals, and only "invalid" otherwise', () => {
    for (const amount of [
      '0.00000001',
      '1250.00',
      '12',
      '007.10',
      '-3.5',
      '123456789012345678901',
    ]) {
      const d = asPay(
        decodeReturn(
          url(SHOP, [
            ['status', '1'],
            ['amount', amount],
          ]),
        ),
      );
      expect(d.amount).toEqual({ valid: true, value: amount });
    }
    for (const amount of [
      '1e3',
      '1,5',
      'NaN',
      ' 1',
      '0x10',
      '1.2.3',
      '.5',
      '5.',
      'Infinity',
      '<b>1</b>',
      '9'.repeat(65),
    ]) {
      const d = asPay(
        decodeReturn(
          url(SHOP, [
            ['status', '24'],
            ['amount', amount],
          ]),
        ),
      );
      expect(d.amount).toEqual({ valid: false });
      expect(JSON.stringify(d)).not.toContain(JSON.stringify(amount).slice(1, -1));
    }
    expect(asPay(decodeReturn(url(SHOP, [['status', '1']]))).amount).toBeUndefined();
  });

  it('tells when the shop’s server did not take FOMO’s callback on a success', () => {
    const failed = asPay(decodeReturn(payReturn('1', [['httpcode', '500']])));
    expect(failed.notes).toHaveLength(1);
    expect(failed.notes[0]!.en).toContain('HTTP 500');
    expect(failed.notes[0]!.zh).toContain('HTTP 500');
    const unreachable = asPay(decodeReturn(payReturn('1', [['httpcode', '0']])));
    expect(unreachable.notes[0]!.en).toMatch(/could not reach/);
    expect(asPay(decodeReturn(payReturn('1', [['httpcode', '200']]))).notes).toEqual([]);
    expect(asPay(decodeReturn(payReturn('7', [['httpcode', '500']]))).notes).toEqual([]);
    expect(asPay(decodeReturn(payReturn('1', [['httpcode', 'x<y']]))).notes).toEqual([]);
  });

  it('uses the first of repeated parameters, as the background does', () => {
    const d = asPay(decodeReturn(`${SHOP}?status=7&status=1&trade_id=a&trade_id=b`));
    expect(d.status).toBe('7');
    expect(d.trade_id).toBe('a');
  });
});

describe('OAuth returns (FOMO and HiCoin)', () => {
  for (const platform of ['fomo', 'hicoin'] as const) {
    it(`${platform}: a code means authorised, finishing in CoinDock`, () => {
      const d = decodeReturn(
        url(SHOP, [
          ['code', CODE],
          ['state', 'abc123'],
        ]),
        platform,
      );
      expect(d).toEqual({
        kind: 'oauth',
        platform,
        codePresent: true,
        state: 'abc123',
        outcome: {
          code: 'authorised',
          fromUrl: false,
          ok: true,
          en: 'Authorised, finishing in CoinDock',
          zh: '已授权，正在 CoinDock 中完成连接',
        },
      });
    });

    it(`${platform}: every RFC 6749 error is named; access_denied is a decline`, () => {
      for (const [error, text] of Object.entries(OAUTH_RETURN_ERRORS)) {
        const d = decodeReturn(
          url(SHOP, [
            ['error', error],
            ['state', 's1'],
          ]),
          platform,
        );
        expect(d).toMatchObject({ kind: 'oauth', codePresent: false, error, state: 's1' });
        expect(d.outcome).toEqual({ code: error, fromUrl: true, ok: false, ...text });
      }
      expect(decodeReturn(`${SHOP}?error=access_denied`, platform).outcome.en).toMatch(/declined/);
    });
  }

  it('an unknown error value is a refusal that names the value', () => {
    const d = decodeReturn(`${SHOP}?error=weird_thing&code=${CODE}`, 'hicoin');
    expect(d.outcome).toEqual({
      code: 'weird_thing',
      fromUrl: true,
      ok: false,
      en: 'Authorisation refused',
      zh: '授权被拒绝',
    });
  });

  it('HiCoin sending back only the state (a WeChat-style decline) is "no code"', () => {
    const d = decodeReturn(`${SHOP}?state=abc`, 'hicoin');
    expect(d).toMatchObject({ kind: 'oauth', codePresent: false, state: 'abc' });
    expect(d.outcome).toMatchObject({ code: 'no_code', ok: false });
  });

  it('an empty code is no code', () => {
    expect(decodeReturn(`${SHOP}?code=&state=a`, 'hicoin')).toMatchObject({ codePresent: false });
  });
});

describe('BiYong returns', () => {
  it('a biytoken means authorised', () => {
    const d = decodeReturn(url(SHOP, [['biytoken', BIY]]), 'biyong');
    expect(d).toEqual({
      kind: 'biyong',
      platform: 'biyong',
      biytokenPresent: true,
      outcome: expect.objectContaining({ code: 'authorised', ok: true }) as unknown,
    });
  });

  it('biyerror=access_denied (the sandbox’s Deny) is a decline; other values are named', () => {
    const d = decodeReturn(`${SHOP}?biyerror=access_denied`, 'biyong');
    expect(d).toMatchObject({ kind: 'biyong', biytokenPresent: false, biyerror: 'access_denied' });
    expect(d.outcome).toEqual({
      code: 'access_denied',
      fromUrl: true,
      ok: false,
      ...OAUTH_RETURN_ERRORS.access_denied,
    });
    expect(decodeReturn(`${SHOP}?biyerror=E42`, 'biyong').outcome).toEqual({
      code: 'E42',
      fromUrl: true,
      ok: false,
      en: 'BiYong refused the authorisation',
      zh: '币用拒绝了授权',
    });
  });

  it('no token, or a malformed one, is not an authorisation', () => {
    expect(decodeReturn(SHOP, 'biyong').outcome.code).toBe('no_token');
    expect(decodeReturn(`${SHOP}?biytoken=`, 'biyong').outcome.code).toBe('no_token');
    for (const bad of [`biytoken=a&biytoken=b`, `biytoken=a%20b`, `biytoken=${'x'.repeat(1025)}`]) {
      const d = decodeReturn(`${SHOP}?${bad}`, 'biyong');
      expect(d).toMatchObject({ biytokenPresent: true, outcome: { code: 'malformed_token' } });
    }
  });
});

describe('which kind of return', () => {
  it('is inferred from the parameters without a platform', () => {
    expect(decodeReturn(`${SHOP}?status=1`)).toMatchObject({ kind: 'fomo_pay', platform: 'fomo' });
    expect(decodeReturn(`${SHOP}?trade_id=T`).kind).toBe('fomo_pay');
    expect(decodeReturn(`${SHOP}?biytoken=x`)).toMatchObject({
      kind: 'biyong',
      platform: 'biyong',
    });
    expect(decodeReturn(`${SHOP}?biyerror=access_denied`).kind).toBe('biyong');
    const oauth = decodeReturn(`${SHOP}?code=x&state=y`);
    expect(oauth.kind).toBe('oauth');
    expect(oauth.platform).toBeUndefined();
    expect(decodeReturn(`${SHOP}?foo=bar`)).toEqual({
      kind: 'unknown',
      outcome: expect.objectContaining({ code: 'unknown', ok: false }) as unknown,
    });
  });

  it('follows the platform given', () => {
    expect(decodeReturn(`${SHOP}?code=x`, 'fomo').kind).toBe('oauth');
    expect(decodeReturn(`${SHOP}?status=1&code=x`, 'fomo').kind).toBe('fomo_pay');
    // HiCoin has no pay page: a status there is not a FOMO pay return.
    expect(decodeReturn(`${SHOP}?status=1&code=x`, 'hicoin').kind).toBe('oauth');
    expect(decodeReturn(`${SHOP}?status=1`, 'hicoin').kind).toBe('unknown');
    expect(decodeReturn(`${SHOP}?code=x`, 'biyong').kind).toBe('biyong');
    for (const p of ['gow', 'grandchain'] as const) {
      expect(decodeReturn(`${SHOP}?status=1&code=x`, p)).toMatchObject({
        kind: 'unknown',
        platform: p,
      });
    }
    expect(decodeReturn(SHOP, 'fomo').kind).toBe('unknown');
  });

  it('ignores the fragment, where an implicit-grant token would be', () => {
    const d = decodeReturn(`${SHOP}?foo=1#status=7&access_token=${AT}`);
    expect(d.kind).toBe('unknown');
    expect(JSON.stringify(d)).not.toContain(AT);
  });

  it('answers "not a URL" for anything that is not one, and never throws', () => {
    for (const input of ['', 'not a url', '://', 'http://', '\u0000', 'x'.repeat(100_000)]) {
      expect(decodeReturn(input)).toMatchObject({
        kind: 'unknown',
        outcome: { code: 'not_a_url' },
      });
    }
    for (const input of [null, undefined, 42, {}, []] as unknown as string[]) {
      expect(decodeReturn(input).kind).toBe('unknown');
    }
    expect(decodeReturn(SHOP, 'nope' as Platform)).toEqual(decodeReturn(SHOP));
  });
});

describe('secrets', () => {
  it('never puts an access token, code or biytoken in the output, for any platform hint', () => {
    const urls = [
      payReturn('1', [['code', CODE]]),
      payReturn('7', [['biytoken', BIY]]),
      url(SHOP, [
        ['code', CODE],
        ['state', 's'],
        ['access_token', AT],
        ['token', AT],
      ]),
      url(SHOP, [
        ['biytoken', BIY],
        ['code', CODE],
        ['refresh_token', AT],
      ]),
      url(SHOP, [
        ['error', 'access_denied'],
        ['code', CODE],
        ['biyerror', 'access_denied'],
        ['biytoken', BIY],
      ]),
    ];
    for (const u of urls) {
      for (const platform of [...PLATFORMS, undefined]) {
        const json = JSON.stringify(decodeReturn(u, platform));
        for (const secret of [AT, CODE, BIY]) expect(json).not.toContain(secret);
      }
    }
  });
});

describe('echoed values', () => {
  it('are cut at MAX_ECHO characters, never splitting a surrogate pair', () => {
    const long = 'T'.repeat(MAX_ECHO + 50);
    const d = asPay(
      decodeReturn(
        url(SHOP, [
          ['status', '1'],
          ['trade_id', long],
        ]),
      ),
    );
    expect(d.trade_id).toBe(`${'T'.repeat(MAX_ECHO)}…`);
    const emoji = `${'a'.repeat(MAX_ECHO - 1)}😀tail`;
    const e = asPay(decodeReturn(url(SHOP, [['status', emoji]])));
    expect(e.status).toBe(`${'a'.repeat(MAX_ECHO - 1)}…`);
    expect(e.outcome.code).toBe(e.status);
  });

  it('keep markup as text', () => {
    const d = asPay(decodeReturn(url(SHOP, [['status', '<img src=x onerror=alert(1)>']])));
    expect(d.status).toBe('<img src=x onerror=alert(1)>');
  });
});
