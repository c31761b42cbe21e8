/**
 * PKCE (RFC 7636) with the S256 method, as RFC 9700 §2.1.1 asks of every authorization code
 * flow: a fresh `code_verifier` per flow, kept only in the flow's session state, and its SHA-256
 * `code_challenge` sent on the authorize page. A code intercepted on its way back is then worth
 * nothing without the verifier.
 */
import { randomAlphanumeric, toBase64 } from './bytes';

/** 64 letters and digits (RFC 7636 §4.1: 43–128 unreserved characters): ~380 bits. */
export function newCodeVerifier(): string {
  return randomAlphanumeric(64);
}

/** BASE64URL(SHA256(ASCII(code_verifier))), without padding (RFC 7636 §4.2). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return toBase64(new Uint8Array(digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
