/**
 * Fault injection: what can go wrong between the extension and a platform, switchable per platform
 * and endpoint through POST /__control/faults (see sandbox/README.md).
 *
 * The server acts on the transport kinds itself; the platform-specific kinds (BiYong's
 * wrong_signature, wrong_message_id, replay_message_id) are only reported to the simulator through
 * SimContext.fault(kind), which consumes them.
 */
import { PREFIX } from './contract';
import type { PlatformId } from './types';

export const PLATFORM_IDS = Object.keys(PREFIX) as PlatformId[];

export const SIM_FAULT_KINDS = [
  'wrong_signature',
  'wrong_message_id',
  'replay_message_id',
] as const;
export type SimFaultKind = (typeof SIM_FAULT_KINDS)[number];

export type FaultAction =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'malformed' }
  | { kind: 'html'; status: number }
  | { kind: 'hang' }
  | { kind: 'skew'; ms: number }
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'truncate' }
  | { kind: 'huge'; bytes: number }
  | { kind: SimFaultKind };

export type Fault = FaultAction & {
  id: number;
  platform: PlatformId;
  /** Path relative to the platform prefix (as SimRequest.path), or '*' for all of it. */
  endpoint: string;
  /** Remaining uses; undefined = until cleared. */
  times?: number;
};

export type FaultKind = FaultAction['kind'];

const KINDS: readonly FaultKind[] = [
  'latency',
  'status',
  'malformed',
  'html',
  'hang',
  'skew',
  'rate_limit',
  'truncate',
  'huge',
  ...SIM_FAULT_KINDS,
];

/** Largest `huge` body: big enough to trip any client size cap, small enough not to hurt. */
export const MAX_HUGE_BYTES = 256 * 1024 * 1024;
/** Longest latency: one hour (a `hang` is the tool for "never"). */
export const MAX_LATENCY_MS = 3_600_000;
/** Largest clock skew: one year either way. */
export const MAX_SKEW_MS = 366 * 24 * 3_600_000;

export class FaultSpecError extends Error {}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function int(spec: Record<string, unknown>, name: string, min: number, max: number): number {
  const v = spec[name];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new FaultSpecError(`${name} must be an integer from ${min} to ${max}`);
  }
  return v;
}

function optionalInt(
  spec: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  return spec[name] === undefined ? fallback : int(spec, name, min, max);
}

/** Strip leading slashes so `/user/x` and `user/x` name the same endpoint on every platform. */
export function normaliseEndpoint(path: string): string {
  return path.replace(/^\/+/, '');
}

/** Validate a fault spec from the control API; throws FaultSpecError with a readable reason. */
export function parseFault(spec: unknown, id: number): Fault {
  if (!isRecord(spec)) throw new FaultSpecError('a fault must be a JSON object');
  const platform = spec.platform;
  if (typeof platform !== 'string' || !(PLATFORM_IDS as string[]).includes(platform)) {
    throw new FaultSpecError(`platform must be one of ${PLATFORM_IDS.join(', ')}`);
  }
  const endpoint = spec.endpoint ?? '*';
  if (typeof endpoint !== 'string' || endpoint.length === 0 || endpoint.length > 500) {
    throw new FaultSpecError("endpoint must be a path relative to the platform prefix, or '*'");
  }
  const kind = spec.kind;
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
    throw new FaultSpecError(`kind must be one of ${KINDS.join(', ')}`);
  }
  let times: number | undefined;
  if (spec.times !== undefined) times = int(spec, 'times', 1, 1_000_000);

  let action: FaultAction;
  switch (kind as FaultKind) {
    case 'latency':
      action = { kind: 'latency', ms: int(spec, 'ms', 0, MAX_LATENCY_MS) };
      break;
    case 'status':
      action = { kind: 'status', status: int(spec, 'status', 200, 599) };
      if (spec.body !== undefined) action.body = spec.body;
      break;
    case 'html':
      action = { kind: 'html', status: optionalInt(spec, 'status', 200, 599, 502) };
      break;
    case 'skew':
      action = { kind: 'skew', ms: int(spec, 'ms', -MAX_SKEW_MS, MAX_SKEW_MS) };
      // A skew is a state of the platform's clock, not a per-request event (brief: "stays until
      // cleared"), so a count would be meaningless.
      times = undefined;
      break;
    case 'rate_limit':
      action = {
        kind: 'rate_limit',
        retryAfterSeconds: optionalInt(spec, 'retryAfterSeconds', 0, 86_400, 1),
      };
      break;
    case 'huge':
      action = { kind: 'huge', bytes: int(spec, 'bytes', 1, MAX_HUGE_BYTES) };
      break;
    default:
      action = { kind } as FaultAction;
  }
  const fault: Fault = { ...action, id, platform: platform as PlatformId, endpoint };
  if (times !== undefined) fault.times = times;
  return fault;
}

/** The faults in force, matched per request. */
export class FaultStore {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: unknown): Fault {
    const fault = parseFault(spec, this.nextId);
    this.nextId++;
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  /** The platform's clock shift in ms (sum of its skew faults; endpoint is ignored). */
  skew(platform: PlatformId): number {
    let ms = 0;
    for (const f of this.faults) if (f.platform === platform && f.kind === 'skew') ms += f.ms;
    return ms;
  }

  /**
   * The transport faults for one request, consumed: every matching latency first (their delays
   * add up), then at most one terminal fault (status, html, hang, …) in the order they were added.
   */
  take(platform: PlatformId, path: string): { latencyMs: number; terminal?: Fault } {
    let latencyMs = 0;
    let terminal: Fault | undefined;
    for (const f of this.matching(platform, path)) {
      if (f.kind === 'skew' || (SIM_FAULT_KINDS as readonly string[]).includes(f.kind)) continue;
      if (f.kind === 'latency') {
        latencyMs += f.ms;
        this.consume(f);
      } else if (!terminal) {
        terminal = { ...f };
        this.consume(f);
      }
    }
    return terminal ? { latencyMs, terminal } : { latencyMs };
  }

  /** Whether a simulator-level fault of `kind` applies to this request (consumed if so). */
  takeSimFault(platform: PlatformId, path: string | undefined, kind: SimFaultKind): boolean {
    for (const f of this.faults) {
      if (f.platform !== platform || f.kind !== kind) continue;
      if (f.endpoint !== '*' && (path === undefined || !matches(f.endpoint, path))) continue;
      this.consume(f);
      return true;
    }
    return false;
  }

  private matching(platform: PlatformId, path: string): Fault[] {
    return this.faults.filter(
      (f) => f.platform === platform && (f.endpoint === '*' || matches(f.endpoint, path)),
    );
  }

  private consume(f: Fault): void {
    if (f.times === undefined) return;
    f.times--;
    if (f.times <= 0) this.faults = this.faults.filter((x) => x !== f);
  }
}

function matches(endpoint: string, path: string): boolean {
  return normaliseEndpoint(endpoint) === normaliseEndpoint(path);
}
