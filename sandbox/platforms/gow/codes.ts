/**
 * GOW's reply envelope and error codes (docs/providers/gow.md, Replies and errors).
 *
 * The seed documents only `"000000"` = success and "any other code is an error". The business
 * codes below are the six-digit table the project settled on (src/providers/gow/description.ts
 * reads the same table; the sandbox keeps its own copy because it never imports src/). Every
 * envelope is answered with HTTP 200: GOW signals failures in `code`, not in the HTTP status.
 */
import type { SimResponse } from '../../types';

export const GOW_CODE = {
  success: '000000',
  badParam: '000001',
  badSign: '000002',
  badTimestamp: '000003',
  badApiKey: '000004',
  unknownAccount: '000005',
  unknownOrder: '000006',
  duplicateOrder: '000007',
  kycNotPassed: '000008',
  badFiatCurrency: '000009',
  badSource: '000010',
  systemError: '999999',
} as const;

export type GowCode = (typeof GOW_CODE)[keyof typeof GOW_CODE];

/** A business failure raised anywhere in a handler and turned into an envelope by the router. */
export class GowFailure extends Error {
  constructor(
    readonly code: GowCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'GowFailure';
  }
}

export function fail(code: GowCode, description: string): never {
  throw new GowFailure(code, description);
}

export function envelope(code: string, data: unknown, description: string): SimResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: { code, data, description },
  };
}

export function ok(data: unknown): SimResponse {
  // The seed's own success description (§3 响应示例: "成功").
  return envelope(GOW_CODE.success, data, '成功');
}
