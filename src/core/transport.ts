/**
 * Which addresses CoinDock may send a secret or money over (docs/security.md, "Transport"):
 * `https:` anywhere, plain `http:` only to this computer (127.0.0.0/8, ::1, localhost — the
 * sandbox). Everything else on plain HTTP can be read and changed by anyone on the path: a
 * password, a session token or a transfer sent there is no longer the user's alone.
 */
import { errors, type Bilingual, type CoinDockError } from './errors';
import type { Platform } from './platform';

/** A host name as `URL.hostname` gives it (IPv4 normalised, IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  // WHATWG URL normalises every IPv4 spelling (127.1, 0x7f.1, 2130706433) to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** `https:`, or `http:` to a loopback host. Anything else (or no URL) is not. */
export function isSecureEndpoint(url: string | URL): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && isLoopbackHost(u.hostname);
}

/**
 * The refusal, in words: what would have been exposed, and what to do instead. `name` is the
 * platform's own (its capabilities' name).
 */
export function insecureTransport(platform: Platform, name: Bilingual): CoinDockError {
  return errors.insecure_transport(
    {
      en: `${name.en}’s address is plain http: (not encrypted), so CoinDock will not send your password, sign-in or money over it. Choose the custom environment with an https: address.`,
      zh: `${name.zh} 的地址是未加密的 http:，CoinDock 不会通过它发送密码、登录凭据或资金。请选择“自定义”环境并填写 https: 地址。`,
    },
    { platform },
  );
}
