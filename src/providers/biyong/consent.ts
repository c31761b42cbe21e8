/**
 * BiYong's user consent (docs/providers/biyong.md, Flow). The merchant page sends the user to
 * `biyong://authorApp?url=<urlencoded return URL>&appid=…`; after consent BiYong opens
 * `<return URL>?biytoken=<token>`. A desktop browser has no BiYong app, so the sandbox serves a web
 * page that plays its part at `{base}/authorize?url=…&appid=…`.
 */
import { errors } from '../../core/errors';

export const BIYONG_APP_CONSENT = 'biyong://authorApp';

export interface ConsentRequest {
  /** Where BiYong sends the user back; `biytoken` is appended to it. */
  returnUrl: string;
  appId: string;
  /**
   * An http(s) base URL serving the web consent page (the sandbox's BiYong base URL). Absent: the
   * BiYong app's own `biyong://authorApp` link.
   */
  webConsentBase?: string;
  /**
   * A random value added to the return URL as `state` and checked when BiYong sends the user
   * back: BiYong's own return carries no state, so without it any biytoken opened on the return
   * page would be taken as the answer to this consent (docs/security.md, "OAuth").
   */
  state?: string;
}

export function buildBiyongConsentUrl(req: ConsentRequest): string {
  let ret: URL;
  try {
    ret = new URL(req.returnUrl);
  } catch {
    throw errors.invalid_input(
      { en: 'The return URL is not a URL', zh: '回调地址不是有效的 URL' },
      { platform: 'biyong', endpoint: 'authorize' },
    );
  }
  if (ret.protocol !== 'https:' && ret.protocol !== 'http:') {
    throw errors.invalid_input(
      { en: 'The return URL must be http(s)', zh: '回调地址必须是 http(s)' },
      { platform: 'biyong', endpoint: 'authorize' },
    );
  }
  if (!req.appId) {
    throw errors.not_configured(
      { en: 'BiYong AppId is missing', zh: '缺少 BiYong AppId' },
      { platform: 'biyong', endpoint: 'authorize' },
    );
  }
  if (req.state) ret.searchParams.set('state', req.state);
  // URLSearchParams percent-encodes the return URL (the spec's "urlencoded").
  const query = new URLSearchParams({ url: ret.toString(), appid: req.appId }).toString();
  const base = req.webConsentBase
    ? `${req.webConsentBase.replace(/\/+$/, '')}/authorize`
    : BIYONG_APP_CONSENT;
  return `${base}?${query}`;
}

export interface ConsentReturn {
  /** The temporary authorisation token for `/biyong-user/auth` (a secret: never log it). */
  biytoken: string;
  /** The return URL's other query parameters (e.g. a `state` the merchant added). */
  params: Record<string, string>;
}

/** A biytoken as it may appear: printable ASCII without spaces, at most 1024 characters. */
const TOKEN = /^[\x21-\x7e]{1,1024}$/;

/** Read `biytoken` from the URL BiYong sent the user back to. */
export function parseBiyongReturn(url: string): ConsentReturn {
  const where = { platform: 'biyong' as const, endpoint: 'authorize' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw errors.invalid_input({ en: 'Not a URL', zh: '不是有效的 URL' }, where);
  }
  const tokens = u.searchParams.getAll('biytoken');
  if (tokens.length === 0 || tokens[0] === '') {
    throw errors.permission(
      {
        en: 'BiYong did not grant access (no biytoken)',
        zh: '未获得 BiYong 授权（缺少 biytoken）',
      },
      where,
    );
  }
  const [biytoken] = tokens;
  if (tokens.length > 1 || biytoken === undefined || !TOKEN.test(biytoken)) {
    throw errors.invalid_input(
      { en: 'The biytoken in the return URL is malformed', zh: '回调地址中的 biytoken 格式不正确' },
      where,
    );
  }
  const params: Record<string, string> = {};
  for (const [k, v] of u.searchParams) if (k !== 'biytoken') params[k] = v;
  return { biytoken, params };
}
