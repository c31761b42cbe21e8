/**
 * PKCE (RFC 7636) as the simulated FOMO and HiCoin check it: optional (a client that sends no
 * code_challenge is served as before, as the platforms' documents describe), and verified when
 * the authorize request carried one. S256 only: `plain` protects nothing RFC 9700 cares about.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** 43 base64url characters: a SHA-256 digest without padding. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * The authorize request's challenge: `{}` when none was sent, `{ challenge }` when it is a
 * well-formed S256 one, or `{ invalid: true }` (a missing or other method, a malformed value).
 */
export function readChallenge(q: URLSearchParams): { challenge?: string; invalid?: true } {
  const challenge = q.get('code_challenge');
  if (challenge === null || challenge === '') return {};
  if (q.get('code_challenge_method') !== 'S256' || !CHALLENGE.test(challenge)) {
    return { invalid: true };
  }
  return { challenge };
}

/** True when the token request may have the code: no challenge was set, or the verifier fits. */
export function verifierFits(challenge: string | undefined, verifier: string | undefined): boolean {
  if (challenge === undefined) return true;
  if (!verifier || !VERIFIER.test(verifier)) return false;
  const got = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const want = Buffer.from(challenge);
  return got.length === want.length && timingSafeEqual(got, want);
}
