/**
 * The control API under /__control (contract.ts CONTROL): how tests and demos reset, seed, break
 * and inspect the sandbox. JSON in, JSON out; bad input gets a 400 that says what was wrong.
 */
import { CONTROL } from './contract';
import { FaultSpecError, type FaultStore } from './faults';
import type { Merchant } from './merchant';
import type { TimerWheel } from './timers';
import type { PlatformId, PlatformSim, SimContext, SimResponse } from './types';

/** Request counters per platform and endpoint, plus the simulators' own named counters. */
export class Stats {
  private requests: Record<string, Record<string, number>> = {};
  private counters: Record<string, Record<string, number>> = {};

  request(area: string, path: string): void {
    bump(this.requests, area, path);
  }

  count(area: string, name: string): void {
    bump(this.counters, area, name);
  }

  clear(): void {
    this.requests = {};
    this.counters = {};
  }

  snapshot(): {
    requests: Record<string, Record<string, number>>;
    counters: Record<string, Record<string, number>>;
  } {
    return { requests: structuredClone(this.requests), counters: structuredClone(this.counters) };
  }
}

function bump(table: Record<string, Record<string, number>>, area: string, key: string): void {
  const row = (table[area] ??= {});
  row[key] = (row[key] ?? 0) + 1;
}

export interface ControlDeps {
  sims: Record<PlatformId, PlatformSim>;
  faults: FaultStore;
  stats: Stats;
  timers: TimerWheel;
  merchant: Merchant;
  ctxFor(platform: PlatformId): SimContext;
  /** Everything back to the demo data: sims, faults, stats, timers, merchant records. */
  reset(): void;
}

export interface ControlRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

const json = (status: number, body: unknown): SimResponse => ({ status, body });
const bad = (message: string): SimResponse => json(400, { error: message });

function methodNotAllowed(allowed: string[]): SimResponse {
  return {
    status: 405,
    headers: { allow: allowed.join(', ') },
    body: { error: `use ${allowed.join(' or ')}` },
  };
}

class BadBody extends Error {}

function parseBody(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadBody('body is not valid JSON');
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export async function handleControl(req: ControlRequest, deps: ControlDeps): Promise<SimResponse> {
  try {
    return await route(req, deps);
  } catch (e) {
    if (e instanceof BadBody) return bad(e.message);
    throw e;
  }
}

async function route(req: ControlRequest, deps: ControlDeps): Promise<SimResponse> {
  const { method } = req;
  const ids = Object.keys(deps.sims) as PlatformId[];
  switch (req.path) {
    case CONTROL.health:
      if (method !== 'GET') return methodNotAllowed(['GET']);
      return json(200, { ok: true, platforms: ids });

    case CONTROL.reset:
      if (method !== 'POST') return methodNotAllowed(['POST']);
      deps.reset();
      return json(200, { ok: true });

    case CONTROL.seed: {
      if (method !== 'POST') return methodNotAllowed(['POST']);
      const opts = parseBody(req.body);
      if (!isRecord(opts)) return bad('seed options must be a JSON object');
      const merchantError = deps.merchant.seed(opts);
      if (merchantError) return bad(merchantError);
      for (const id of ids) {
        try {
          await deps.sims[id].seed?.(opts, deps.ctxFor(id));
        } catch (e) {
          // A simulator rejects options it cannot apply; that is the caller's mistake.
          return bad(`${id}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      return json(200, { ok: true });
    }

    case CONTROL.faults:
      if (method === 'GET') return json(200, { faults: deps.faults.list() });
      if (method === 'DELETE') {
        const id = req.query.get('id');
        if (id === null) {
          deps.faults.clear();
          return json(200, { ok: true });
        }
        if (!/^\d+$/.test(id)) return bad('id must be a fault id');
        return deps.faults.remove(Number(id))
          ? json(200, { ok: true })
          : json(404, { error: 'no such fault' });
      }
      if (method === 'POST') {
        const spec = parseBody(req.body);
        const specs = Array.isArray(spec) ? spec : [spec];
        try {
          const added = specs.map((s) => deps.faults.add(s));
          return json(201, Array.isArray(spec) ? { faults: added } : { fault: added[0] });
        } catch (e) {
          if (e instanceof FaultSpecError) return bad(e.message);
          throw e;
        }
      }
      return methodNotAllowed(['GET', 'POST', 'DELETE']);

    case CONTROL.stats:
      if (method !== 'GET') return methodNotAllowed(['GET']);
      return json(200, deps.stats.snapshot());

    case CONTROL.state: {
      if (method !== 'GET') return methodNotAllowed(['GET']);
      const out: Record<string, unknown> = {};
      for (const id of ids) out[id] = deps.sims[id].state?.() ?? null;
      out.merchant = deps.merchant.state();
      out.faults = deps.faults.list();
      out.timers = { pending: deps.timers.size, now: deps.timers.now() };
      return json(200, out);
    }

    case CONTROL.advance: {
      if (method !== 'POST') return methodNotAllowed(['POST']);
      const body = parseBody(req.body);
      const ms = isRecord(body) ? body.ms : undefined;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 10 * 366 * 86_400_000) {
        return bad('ms must be a non-negative number of milliseconds (at most ten years)');
      }
      const ran = await deps.timers.advance(ms);
      return json(200, { ok: true, ran, pending: deps.timers.size });
    }

    default:
      return json(404, { error: `no control endpoint ${req.path}` });
  }
}
