import { describe, expect, it } from 'vitest';
import { SECRET_PARAM_NAMES, isSecretParam } from './secret-params';
import { publicParams, secretParamNames } from './returns';
import { redactUrl } from './errors';

describe('the one list of secret parameters', () => {
  const url = new URL('https://shop.example/r?trade_id=T1&status=1');
  for (const name of SECRET_PARAM_NAMES) url.searchParams.set(name, `v-${name}`);
  url.searchParams.set('ID_Token', 'v-upper');

  it('is what the return log drops (state, id_token and session_token included)', () => {
    const kept = publicParams(url.toString());
    expect(kept).toEqual({ trade_id: 'T1', status: '1' });
    expect(secretParamNames(url.toString())).toEqual([...SECRET_PARAM_NAMES, 'ID_Token']);
  });

  it('is what a logged URL masks', () => {
    const r = new URL(redactUrl(url.toString()));
    for (const name of SECRET_PARAM_NAMES) expect(r.searchParams.get(name)).toBe('***');
    expect(r.searchParams.get('trade_id')).toBe('T1');
    expect(redactUrl(url.toString())).not.toMatch(/v-/);
  });

  it('compares names without case', () => {
    expect(isSecretParam('Session_Token')).toBe(true);
    expect(isSecretParam('trade_id')).toBe(false);
  });
});
