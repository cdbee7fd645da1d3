/**
 * Retrying a write that found the database locked by another process (SQLITE_BUSY, "database is locked").
 * better-sqlite3 is synchronous: while it waits for a lock (busy_timeout) the event loop is stuck. The bot
 * therefore opens its connection with a short busy timeout (BOT_BUSY_TIMEOUT_MS) and retries with
 * `withBusyRetry`, sleeping between attempts with timers so other requests are served meanwhile. The CLI, which
 * has nothing else to do, waits synchronously with `withBusyRetrySync`.
 */

/** Busy timeout for a process that must keep serving (the bot): each synchronous wait stays this short. */
export const BOT_BUSY_TIMEOUT_MS = 100;
/** Busy timeout for a command-line run, which may simply wait. */
export const CLI_BUSY_TIMEOUT_MS = 5000;

export interface BusyRetryOptions {
  /** Give up (rethrow the last error) once this much time has passed in all. Default 15 s. */
  totalMs?: number;
  /** First pause between attempts; doubled each time up to maxDelayMs (default 25 ms, 250 ms: lock windows between an ingest's documents are short). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each pause (to log, count). */
  onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}

const DEFAULTS = { totalMs: 15_000, baseDelayMs: 25, maxDelayMs: 250 };
type Settings = typeof DEFAULTS & Pick<BusyRetryOptions, 'onRetry'>;

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT…), and SQLITE_LOCKED. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The one rule both retry loops follow: after a failed attempt, rethrow unless it was busy and time is left;
 * otherwise the pause before the next attempt (reported to onRetry).
 */
function pauseAfter(err: unknown, attempt: number, startedMs: number, o: Settings): number {
  if (!isBusyError(err) || Date.now() - startedMs >= o.totalMs) throw err;
  const delayMs = delayFor(attempt, o);
  o.onRetry?.(attempt, delayMs, err);
  return delayMs;
}

function delayFor(attempt: number, o: typeof DEFAULTS): number {
  const exp = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  // Jitter keeps two waiting processes from retrying in lock step.
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/**
 * Runs `fn` (synchronous database work, typically one short transaction) until it does not fail with a busy
 * error, pausing asynchronously between attempts. Other errors are rethrown at once. `fn` must be safe to run
 * again: a busy error means its transaction was not committed.
 * @example const followup = await withBusyRetry(() => insertFollowup(db, input, now));
 */
export async function withBusyRetry<T>(fn: () => T, opts: BusyRetryOptions = {}): Promise<T> {
  const o = { ...DEFAULTS, ...opts };
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      const delayMs = pauseAfter(err, attempt, started, o);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Blocks the thread for `ms` (a process that may block: the CLI's retries, an ingest's pause between writes). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** withBusyRetry for processes that may block (the CLI): pauses synchronously. */
export function withBusyRetrySync<T>(fn: () => T, opts: BusyRetryOptions = {}): T {
  const o = { ...DEFAULTS, ...opts };
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      sleepSync(pauseAfter(err, attempt, started, o));
    }
  }
}

/**
 * How a process that must keep serving makes one write: `fn` (one short transaction, safe to run again) is
 * retried while the database is locked, pausing asynchronously. Built once in the app wiring and passed down as
 * a collaborator, so a test or a benchmark can shorten the budget or turn the retry off.
 * @example const outcome = await deps.write(() => assignFollowup(fdeps, req));
 */
export type RunWrite = <T>(fn: () => T) => Promise<T>;

/**
 * A RunWrite that retries with withBusyRetry (its defaults unless told), one write at a time: each attempt on a
 * locked database blocks the event loop for up to the busy timeout, so writes waiting side by side would add
 * those blocks up (twenty pending writes, two seconds in every round). Queued, one write probes the lock while
 * the others wait on timers; each keeps its own budget, counted from when it was asked for, and a write whose
 * budget ran out while it queued behind a busy one fails without touching the database.
 */
export function retryingWrite(opts: BusyRetryOptions = {}): RunWrite {
  const totalMs = opts.totalMs ?? DEFAULTS.totalMs;
  let tail: Promise<unknown> = Promise.resolve();
  let lastBusy: unknown;
  return <T>(fn: () => T): Promise<T> => {
    const askedAt = Date.now();
    const run = tail.then(async () => {
      const leftMs = totalMs - (Date.now() - askedAt);
      if (leftMs <= 0 && lastBusy !== undefined) throw lastBusy;
      try {
        const result = await withBusyRetry(fn, { ...opts, totalMs: Math.max(0, leftMs) });
        lastBusy = undefined;
        return result;
      } catch (err) {
        lastBusy = isBusyError(err) ? err : undefined;
        throw err;
      }
    });
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}
