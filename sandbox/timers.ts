/**
 * A compressible timer wheel for the simulators (SimContext.schedule).
 *
 * Timers live on a virtual clock that runs `timeScale` times faster than real time and can be
 * pushed forward at will (POST /__control/advance). FOMO's merchant-callback retries
 * (docs/providers/fomo.md, Merchant callback: every 10 minutes, up to 100 times) are the reason: a
 * test can run the whole schedule in milliseconds instead of 16 hours.
 */

export type TimerFn = () => void | Promise<void>;

interface Timer {
  id: number;
  /** When it is due, on the virtual clock (ms). */
  due: number;
  fn: TimerFn;
  handle?: ReturnType<typeof setTimeout>;
}

export interface TimerWheelOptions {
  /** Virtual ms per real ms (default 1). 60 turns a 10-minute retry into 10 real seconds. */
  timeScale?: number;
  /** Where a failing timer is reported. */
  onError?: (error: unknown) => void;
}

export class TimerWheel {
  private readonly timers = new Map<number, Timer>();
  private readonly timeScale: number;
  private readonly onError: (error: unknown) => void;
  private nextId = 1;
  /** Virtual time pushed forward by advance(). */
  private offset = 0;
  private readonly startReal = performance.now();
  private closed = false;
  /**
   * While advance() runs a timer, the clock stands still at that timer's due time, so whatever it
   * schedules is timed from its due time however long it took in real time (10 minutes after a
   * retry is due, not after the merchant answered).
   */
  private frozen: number | undefined;
  /** advance() calls run one after another. */
  private advancing: Promise<unknown> = Promise.resolve();
  /** Timers currently running, so advance() and close() can wait for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(opts: TimerWheelOptions = {}) {
    const scale = opts.timeScale ?? 1;
    if (!Number.isFinite(scale) || scale <= 0) {
      throw new RangeError(`timeScale must be a positive number, got ${String(scale)}`);
    }
    this.timeScale = scale;
    this.onError = opts.onError ?? (() => undefined);
  }

  /** The virtual clock in ms since the wheel was created. */
  now(): number {
    return this.frozen ?? this.runningClock();
  }

  private runningClock(): number {
    return (performance.now() - this.startReal) * this.timeScale + this.offset;
  }

  get size(): number {
    return this.timers.size;
  }

  schedule(delayMs: number, fn: TimerFn): void {
    if (this.closed) return;
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const timer: Timer = { id: this.nextId++, due: this.now() + delay, fn };
    this.timers.set(timer.id, timer);
    this.arm(timer);
  }

  /**
   * Move the virtual clock forward by `ms` and run every timer that falls due, in due order,
   * awaiting each one (timers they schedule run too if they fall within the window).
   * Returns how many timers ran.
   */
  advance(ms: number): Promise<number> {
    if (!Number.isFinite(ms) || ms < 0) {
      return Promise.reject(new RangeError('ms must be a non-negative number'));
    }
    const result = this.advancing.then(() => this.advanceNow(ms));
    this.advancing = result.catch(() => undefined);
    return result;
  }

  private async advanceNow(ms: number): Promise<number> {
    const target = this.now() + ms;
    let ran = 0;
    try {
      for (;;) {
        if (this.closed) break;
        let next: Timer | undefined;
        for (const t of this.timers.values()) {
          if (
            t.due <= target &&
            (!next || t.due < next.due || (t.due === next.due && t.id < next.id))
          ) {
            next = t;
          }
        }
        if (!next) break;
        this.frozen = Math.max(this.now(), next.due);
        await this.run(next);
        ran++;
      }
    } finally {
      // Resume running from the target (or later, if real time already got there).
      const resumeAt = Math.max(target, this.now());
      this.frozen = undefined;
      this.offset += resumeAt - this.runningClock();
    }
    // Timers still pending now have less real time to wait.
    for (const t of this.timers.values()) this.arm(t);
    // Let timers that fired on their own during the advance finish too.
    await Promise.all([...this.running]);
    return ran;
  }

  /** Drop every pending timer (reset). Running ones finish on their own. */
  clear(): void {
    for (const t of this.timers.values()) if (t.handle) clearTimeout(t.handle);
    this.timers.clear();
  }

  /** Drop every timer and refuse new ones; waits (briefly) for running ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.clear();
    await Promise.race([
      Promise.all([...this.running]),
      new Promise((r) => setTimeout(r, 1000).unref()),
    ]);
  }

  private arm(timer: Timer): void {
    if (timer.handle) clearTimeout(timer.handle);
    const realDelay = Math.max(0, (timer.due - this.now()) / this.timeScale);
    // setTimeout caps at 2^31-1 ms; longer timers re-arm when they wake early.
    timer.handle = setTimeout(() => void this.fire(timer), Math.min(realDelay, 2 ** 31 - 1));
    // Pending retries must never keep the process alive on their own.
    timer.handle.unref();
  }

  private async fire(timer: Timer): Promise<void> {
    if (!this.timers.has(timer.id)) return;
    if (timer.due > this.now() + 1) {
      this.arm(timer);
      return;
    }
    await this.run(timer);
  }

  private async run(timer: Timer): Promise<void> {
    this.timers.delete(timer.id);
    if (timer.handle) clearTimeout(timer.handle);
    const p = (async () => {
      try {
        await timer.fn();
      } catch (e) {
        this.onError(e);
      }
    })();
    this.running.add(p);
    try {
      await p;
    } finally {
      this.running.delete(p);
    }
  }
}
