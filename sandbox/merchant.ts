/**
 * The merchant's own website, as far as the platforms see it: the return pages the browser lands
 * on after an authorization or a payment (contract.ts MERCHANT_PATHS), and FOMO's merchant
 * callback sink (docs/providers/fomo.md, Merchant callback), which records every callback and can
 * be told to fail the first n.
 */
import { MERCHANT_PATHS } from './contract';
import { details, html, page } from './pages';
import type { SeedOptions, SimResponse } from './types';

/** Parameters a merchant page must never display: they are credentials (house rule). */
const SECRET_PARAMS = new Set(['access_token', 'code', 'biytoken', 'refresh_token', 'sign']);

const PAGE_NAMES: Record<string, string> = {
  [MERCHANT_PATHS.fomoReturn]: 'FOMO return',
  [MERCHANT_PATHS.fomoFront]: 'FOMO front return',
  [MERCHANT_PATHS.hicoinReturn]: 'HiCoin return',
  [MERCHANT_PATHS.biyongReturn]: 'BiYong return',
};

export interface CallbackRecord {
  /** 1-based arrival order. */
  seq: number;
  /** Real wall-clock ms when it arrived. */
  at: number;
  contentType: string;
  /** The fields as posted (form or JSON). */
  params: Record<string, string>;
  /** The HTTP status the merchant answered. */
  answered: number;
}

export interface MerchantRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: Buffer;
}

export class Merchant {
  private callbacks: CallbackRecord[] = [];
  private failuresLeft = 0;

  reset(): void {
    this.callbacks = [];
    this.failuresLeft = 0;
  }

  seed(opts: SeedOptions): string | undefined {
    const n = opts.merchantCallbackFailures;
    if (n === undefined) return undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1_000_000) {
      return 'merchantCallbackFailures must be a non-negative integer';
    }
    this.failuresLeft = n;
    return undefined;
  }

  state(): { callbacks: CallbackRecord[]; callbackFailuresLeft: number } {
    return {
      callbacks: this.callbacks.map((c) => ({ ...c })),
      callbackFailuresLeft: this.failuresLeft,
    };
  }

  /** Undefined when the path is not a merchant page. */
  handle(req: MerchantRequest): SimResponse | undefined {
    if (req.path === MERCHANT_PATHS.fomoCallback) return this.callback(req);
    const name = PAGE_NAMES[req.path];
    if (!name) return undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return {
        status: 405,
        headers: { allow: 'GET, HEAD' },
        body: { error: 'method not allowed' },
      };
    }
    const shown: [string, string][] = [];
    const hidden: string[] = [];
    for (const [k, v] of req.query) {
      if (SECRET_PARAMS.has(k.toLowerCase())) hidden.push(k);
      else shown.push([k, v]);
    }
    return page({
      brand: 'Demo shop',
      title: name,
      pageId: `merchant-${req.path.split('/').slice(2).join('-')}`,
      body: html`<p>This is the merchant's page the platform sent you back to.</p>
        ${shown.length ? details(shown) : html`<p>No parameters.</p>`}
        ${hidden.length ? html`<p>Also received (not shown): ${hidden.join(', ')}</p>` : ''}`,
    });
  }

  private callback(req: MerchantRequest): SimResponse {
    if (req.method !== 'POST') {
      return { status: 405, headers: { allow: 'POST' }, body: { error: 'method not allowed' } };
    }
    const params = parseFields(req.contentType, req.body);
    let answered = params ? 200 : 400;
    if (params && this.failuresLeft > 0) {
      this.failuresLeft--;
      answered = 500;
    }
    this.callbacks.push({
      seq: this.callbacks.length + 1,
      at: Date.now(),
      contentType: req.contentType,
      params: params ?? {},
      answered,
    });
    if (!params)
      return { status: 400, body: { error: 'body is neither a form nor a JSON object' } };
    return answered === 200
      ? { status: 200, headers: { 'content-type': 'text/plain' }, body: 'success' }
      : { status: answered, headers: { 'content-type': 'text/plain' }, body: 'merchant error' };
  }
}

/** Form or JSON object body → string fields; undefined when it is neither. */
export function parseFields(contentType: string, body: Buffer): Record<string, string> | undefined {
  const text = body.toString('utf8');
  if (contentType.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(text || '{}');
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === null || v === undefined) continue;
        out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean);
      }
      return out;
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
