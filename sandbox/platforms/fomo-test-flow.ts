/** The FOMO OAuth steps a client takes, as helpers for the FOMO simulator's tests. */
import { expect } from 'vitest';
import { DEMO, MERCHANT_PATHS } from '../contract';
import { location, readForm, resolveAction, type TestSandbox } from '../test-support';

const { clientId, clientSecret } = DEMO.fomo;
export const creds = { client_id: clientId, client_secret: clientSecret };

export type Json = Record<string, unknown>;

export function authorizeUrl(sb: TestSandbox, over: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: sb.origin + MERCHANT_PATHS.fomoReturn,
    state: 'st4te',
    scope: 'userinfo paytoken',
    ...over,
  });
  return `${sb.origin}/fomo/oauth2/authorize?${q}`;
}

/** Open the consent page and press a button; returns the 302. */
export async function consent(
  sb: TestSandbox,
  decision: 'allow' | 'deny',
  over: Record<string, string> = {},
): Promise<Response> {
  const url = authorizeUrl(sb, over);
  const pageRes = await sb.get(url);
  expect(pageRes.status).toBe(200);
  const form = readForm(await pageRes.text());
  return sb.post(resolveAction(url, form.action), { ...form.fields, decision });
}

export async function getCode(sb: TestSandbox, over: Record<string, string> = {}): Promise<string> {
  const loc = location(await consent(sb, 'allow', over));
  expect(loc.origin + loc.pathname).toBe(
    over.redirect_uri ?? sb.origin + MERCHANT_PATHS.fomoReturn,
  );
  expect(loc.searchParams.get('state')).toBe('st4te');
  return loc.searchParams.get('code') ?? '';
}

export async function tokenCall(
  sb: TestSandbox,
  fields: Record<string, string>,
  json = false,
): Promise<{ http: number; body: Json }> {
  const res = json
    ? await fetch(`${sb.origin}/fomo/oauth2/authorize/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fields),
      })
    : await sb.post('/fomo/oauth2/authorize/token', fields);
  return { http: res.status, body: (await res.json()) as Json };
}

export async function login(
  sb: TestSandbox,
  scope = 'userinfo paytoken',
): Promise<{ access: string; refresh: string }> {
  const code = await getCode(sb, { scope });
  const r = await tokenCall(sb, {
    ...creds,
    code,
    grant_type: 'authorization_code',
    scope,
    state: 'st4te',
  });
  expect(r.body.status).toBe(1);
  const data = r.body.data as Json;
  return { access: String(data.access_token), refresh: String(data.refresh_token) };
}

export async function userInfo(
  sb: TestSandbox,
  token?: string,
): Promise<{ http: number; body: Json }> {
  const res = await fetch(`${sb.origin}/fomo/oauth2/resource/get_user_info`, {
    headers: token === undefined ? {} : { AUTHORIZATION: `Bearer ${token}` },
  });
  return { http: res.status, body: (await res.json()) as Json };
}
