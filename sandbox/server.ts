/**
 * The sandbox: one node:http server on loopback that plays all five platforms (routed by the
 * prefixes in contract.ts), the merchant's pages, and the control API. Per request it reads the
 * body (capped), applies injected faults, asks the platform's simulator, and answers with a Date
 * header from that platform's (possibly skewed) clock.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CONTROL, HOST, PREFIX } from './contract';
import { handleControl, Stats, type ControlDeps } from './control';
import { FaultStore, type Fault } from './faults';
import { Merchant } from './merchant';
import { DEMO_CREDENTIALS_PATH, demoCredentialsFor } from './demo-credentials';
import { createSimulators } from './platforms/index';
import { TimerWheel } from './timers';
import type { PlatformId, SimContext, SimRequest, SimResponse } from './types';

/** Largest request body the sandbox reads (types.ts SimRequest.body); more is a 413. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface SandboxOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1: the sandbox is for this machine only. */
  host?: string;
  /** No request log. */
  quiet?: boolean;
  /** Virtual ms per real ms for the timer wheel (default 1). */
  timeScale?: number;
}

export interface Sandbox {
  origin: string;
  port: number;
  host: string;
  /** Reset every simulator, fault, counter, timer and merchant record (as POST /__control/reset). */
  reset(): void;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

const CONTROL_PREFIX = CONTROL.health.slice(0, CONTROL.health.lastIndexOf('/'));
const MERCHANT_PREFIX = '/merchant/';

/** Which platform a path belongs to, and the path relative to its prefix. */
function routePlatform(pathname: string): { id: PlatformId; path: string } | undefined {
  for (const [id, prefix] of Object.entries(PREFIX) as [PlatformId, string][]) {
    const hit = prefix.endsWith('/')
      ? pathname.startsWith(prefix)
      : pathname === prefix || pathname.startsWith(prefix + '/');
    if (hit) return { id, path: pathname.slice(prefix.length) };
  }
  return undefined;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? HOST;
  const quiet = opts.quiet ?? false;
  const info = (m: string) => {
    if (!quiet) console.info(`[sandbox] ${m}`);
  };
  const sims = createSimulators();
  const faults = new FaultStore();
  const stats = new Stats();
  const merchant = new Merchant();
  const timers = new TimerWheel({
    timeScale: opts.timeScale ?? 1,
    onError: (e) => console.error('[sandbox] a timer failed:', e),
  });
  /** Aborted on close: ends latency waits and hangs. */
  const closing = new AbortController();
  const sockets = new Set<Socket>();
  let origin = '';

  function ctxFor(platform: PlatformId, path?: string): SimContext {
    return {
      origin,
      now: () => Date.now() + faults.skew(platform),
      count: (name) => stats.count(platform, name),
      schedule: (delayMs, fn) => timers.schedule(delayMs, fn),
      log: (m) => info(`[${platform}] ${m}`),
      fault: (kind) => faults.takeSimFault(platform, path, kind),
    };
  }

  function reset(): void {
    timers.clear();
    faults.clear();
    stats.clear();
    merchant.reset();
    for (const id of Object.keys(sims) as PlatformId[]) sims[id].reset(ctxFor(id));
  }

  const deps: ControlDeps = { sims, faults, stats, timers, merchant, ctxFor, reset };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      send(res, { status: 400, body: { error: 'bad request URL' } });
      return;
    }
    const method = req.method ?? 'GET';
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        send(res, {
          status: 413,
          headers: { connection: 'close' },
          body: { error: `request body over ${MAX_BODY_BYTES} bytes` },
        });
        return;
      }
      throw e;
    }
    const pathname = url.pathname;
    // The query can carry tokens and signatures: log the path only (house rule on secrets).
    const logLine = (status: number | string) =>
      info(`${method} ${pathname} → ${status} (${Math.round(performance.now() - started)} ms)`);

    if (pathname === CONTROL_PREFIX || pathname.startsWith(CONTROL_PREFIX + '/')) {
      const r = await handleControl(
        { method, path: pathname, query: url.searchParams, body },
        deps,
      );
      send(res, r);
      return;
    }
    if (pathname === DEMO_CREDENTIALS_PATH && method === 'GET') {
      // Read by the options page (an extension origin): allowed from any origin, it is demo data.
      send(res, {
        status: 200,
        headers: { 'access-control-allow-origin': '*' },
        body: demoCredentialsFor(origin),
      });
      logLine(200);
      return;
    }
    if (pathname.startsWith(MERCHANT_PREFIX)) {
      stats.request('merchant', pathname);
      const r = merchant.handle({
        method,
        path: pathname,
        query: url.searchParams,
        contentType: String(req.headers['content-type'] ?? ''),
        body,
      }) ?? { status: 404, body: { error: `no merchant page ${pathname}` } };
      send(res, r);
      logLine(r.status ?? 200);
      return;
    }
    const route = routePlatform(pathname);
    if (!route) {
      send(res, { status: 404, body: { error: `nothing at ${pathname}` } });
      logLine(404);
      return;
    }
    const { id, path } = route;
    stats.request(id, path);
    const ctx = ctxFor(id, path);
    const date = () => new Date(ctx.now()).toUTCString();

    const { latencyMs, terminal } = faults.take(id, path);
    if (latencyMs > 0) await sleep(latencyMs, closing.signal);
    if (closing.signal.aborted) {
      res.destroy();
      return;
    }
    if (terminal) {
      info(`[${id}] fault ${terminal.kind} on ${path}`);
      await applyFault(res, terminal, date(), closing.signal);
      logLine(`fault ${terminal.kind}`);
      return;
    }

    const simReq: SimRequest = {
      method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      url,
    };
    let r: SimResponse | undefined;
    try {
      r = await sims[id].handle(simReq, ctx);
    } catch (e) {
      console.error(
        `[sandbox] ${id} simulator failed on ${method} ${pathname}:`,
        quiet ? String(e) : e,
      );
      r = { status: 500, body: { error: 'internal sandbox error' } };
    }
    r ??= { status: 404, body: { error: `${id} has no endpoint ${path}` } };
    send(res, r, date());
    logLine(r.status ?? 200);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[sandbox] request failed:', e);
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal sandbox error' } });
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A client that sends garbage gets a 400 instead of a silent reset.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the sandbox has no TCP address');
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostForUrl}:${address.port}`;
  reset();

  let closed: Promise<void> | undefined;
  return {
    origin,
    port: address.port,
    host,
    reset,
    close() {
      closed ??= (async () => {
        closing.abort();
        await timers.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        });
      })();
      return closed;
    },
  };

  function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      const tooLarge = () => {
        // Keep draining (and discarding) so the 413 can still be written on this connection.
        req.removeListener('data', onData);
        req.resume();
        reject(new BodyTooLarge());
      };
      if (declared > MAX_BODY_BYTES) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      function onData(chunk: Buffer) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) return tooLarge();
        chunks.push(chunk);
      }
      req.on('data', onData);
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function send(res: ServerResponse, r: SimResponse, date?: string): void {
  if (res.headersSent || res.destroyed) return;
  const status = r.status ?? 200;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
  let payload: Buffer;
  if (Buffer.isBuffer(r.body)) payload = r.body;
  else if (typeof r.body === 'string') payload = Buffer.from(r.body, 'utf8');
  else if (r.body === undefined) payload = Buffer.alloc(0);
  else {
    payload = Buffer.from(JSON.stringify(r.body), 'utf8');
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (typeof r.body === 'string' && payload.length > 0)
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  if (date) headers.date = date;
  headers['content-length'] = String(payload.length);
  res.writeHead(status, headers);
  res.end(payload);
}

/** What a broken network, proxy or platform does instead of answering. */
async function applyFault(
  res: ServerResponse,
  f: Fault,
  date: string,
  closing: AbortSignal,
): Promise<void> {
  switch (f.kind) {
    case 'status': {
      const body = f.body ?? `${f.status} ${STATUS_CODES[f.status] ?? ''}`.trim();
      send(res, { status: f.status, body }, date);
      return;
    }
    case 'malformed':
      // Starts like a reply, stops mid-object: valid HTTP, broken JSON.
      send(
        res,
        {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: '{"status":1,"data":{"access_tok',
        },
        date,
      );
      return;
    case 'html': {
      const reason = STATUS_CODES[f.status] ?? 'Error';
      send(
        res,
        {
          status: f.status,
          headers: { 'content-type': 'text/html; charset=utf-8', server: 'nginx' },
          body: `<html>\r\n<head><title>${f.status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${f.status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
        },
        date,
      );
      return;
    }
    case 'rate_limit':
      send(
        res,
        {
          status: 429,
          headers: { 'retry-after': String(f.retryAfterSeconds) },
          body: { error: 'rate_limited', retry_after: f.retryAfterSeconds },
        },
        date,
      );
      return;
    case 'hang':
      // Never answer: wait until the client gives up (socket closes) or the sandbox closes.
      await new Promise<void>((resolve) => {
        if (closing.aborted) return resolve();
        const done = () => resolve();
        res.on('close', done);
        closing.addEventListener('abort', done, { once: true });
      });
      res.destroy();
      return;
    case 'truncate': {
      const full = Buffer.from(
        JSON.stringify({ status: 1, data: { padding: 'x'.repeat(2048) } }),
        'utf8',
      );
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(full.length),
        date,
      });
      res.write(full.subarray(0, full.length >> 1), () => res.socket?.destroy());
      return;
    }
    case 'huge':
      await sendHuge(res, f.bytes, date, closing);
      return;
    default:
      // latency, skew and the simulator-level kinds never reach here (FaultStore.take).
      send(res, { status: 500, body: { error: `fault ${f.kind} is not a transport fault` } }, date);
  }
}

/** A 200 of exactly `bytes` bytes — valid JSON when it is long enough — streamed in chunks. */
async function sendHuge(
  res: ServerResponse,
  bytes: number,
  date: string,
  closing: AbortSignal,
): Promise<void> {
  const head = '{"padding":"';
  const tail = '"}';
  const framed = bytes >= head.length + tail.length;
  res.writeHead(200, {
    'content-type': framed ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': String(bytes),
    date,
  });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = bytes;
  const write = async (buf: Buffer): Promise<boolean> => {
    if (res.destroyed || closing.aborted) return false;
    if (!res.write(buf)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return !res.destroyed;
  };
  if (framed) {
    await write(Buffer.from(head));
    left -= head.length + tail.length;
  }
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    if (!(await write(n === chunk.length ? chunk : chunk.subarray(0, n)))) return;
    left -= n;
  }
  if (framed) await write(Buffer.from(tail));
  res.end();
}
