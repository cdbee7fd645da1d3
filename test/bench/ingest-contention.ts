import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

/**
 * What the bot feels while documents are added: two `measures ingest` processes (two ~4.8 MB documents each)
 * run against one database while this process, standing in for the bot, does a small write (a processed-event
 * claim) and two reads (a count, an FTS match) every TICK_MS. Prints the slowest and p99 operation, how long
 * the event loop was blocked at most, failed operations, and the two ingests' exit codes.
 *
 * `node --import tsx test/bench/ingest-contention.ts [repoRoot]` — repoRoot (default: this checkout) is the code
 * whose CLI ingests, so the same script measures an older checkout for comparison. Two bot modes are measured:
 * `sync-5s` (a 5 s busy timeout, every call synchronous, as the bot ran) and, when the checkout has
 * src/db/busy-retry.ts, `retry` (short busy timeout, writes retried asynchronously with backoff).
 */

const TICK_MS = 20;
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? path.join(here, '../..'));
const seed = fs.readFileSync(path.join(here, '../../seeds/004_f12b47b876523609.txt'), 'utf8');
const REPEAT = 220;

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function runIngest(file: string, dbPath: string): Promise<{ code: number; ms: number; stderr: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'ingest', file, '--db', dbPath],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'error' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) =>
      resolve({ code: code ?? -1, ms: Date.now() - started, stderr: stderr.trim().split('\n').slice(-1)[0] ?? '' }),
    );
  });
}

type Retry = <T>(fn: () => T) => Promise<T>;

async function scenario(mode: 'sync-5s' | 'retry', retry: Retry | undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-contention-'));
  const dbPath = path.join(dir, 'm.db');
  // Two folders of two ~4.8 MB documents each, one folder per ingest process.
  const folders = ['a', 'b'].map((n) => {
    const folder = path.join(dir, n);
    fs.mkdirSync(folder);
    for (const k of [1, 2]) {
      const title = `天津市加快发展新型消费实施方案${n}${k}`;
      fs.writeFileSync(
        path.join(folder, `${n}${k}-big.txt`),
        seed.replace('天津市加快发展新型消费实施方案', title).repeat(REPEAT),
      );
    }
    return folder;
  });
  // Migrated database with the seeds, as the bot would have it.
  const first = await runIngest(path.join(here, '../../seeds'), dbPath);
  if (first.code !== 0) throw new Error(`seeding failed: ${first.stderr}`);

  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${mode === 'sync-5s' ? 5000 : 100}`);
  const write = db.prepare('INSERT INTO processed_events (key, at) VALUES (?, ?)');
  const count = db.prepare('SELECT COUNT(*) AS n FROM measures');
  const match = db.prepare("SELECT rowid FROM measure_fts WHERE measure_fts MATCH '冷链' LIMIT 5");

  const latencies: number[] = [];
  let maxBlockMs = 0;
  let failures = 0;
  const errors = new Set<string>();
  let running = true;
  let n = 0;
  const timed = async (fn: () => unknown, isWrite: boolean) => {
    const started = performance.now();
    try {
      if (isWrite && retry) {
        await retry(() => {
          const s = performance.now();
          try {
            return fn();
          } finally {
            maxBlockMs = Math.max(maxBlockMs, performance.now() - s);
          }
        });
      } else {
        try {
          fn();
        } finally {
          maxBlockMs = Math.max(maxBlockMs, performance.now() - started);
        }
      }
    } catch (err) {
      failures++;
      errors.add((err as Error).message);
    }
    latencies.push(performance.now() - started);
  };
  const loop = (async () => {
    while (running) {
      n++;
      await timed(() => write.run(`bench-${mode}-${n}`, new Date().toISOString()), true);
      await timed(() => count.get(), false);
      await timed(() => match.all(), false);
      await new Promise((r) => setTimeout(r, TICK_MS));
    }
  })();
  const started = Date.now();
  const ingests = await Promise.all(folders.map((f) => runIngest(f, dbPath)));
  running = false;
  await loop;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    mode,
    wallMs: Date.now() - started,
    operations: latencies.length,
    p99Ms: Math.round(percentile(latencies, 99)),
    maxMs: Math.round(Math.max(...latencies)),
    maxEventLoopBlockMs: Math.round(maxBlockMs),
    over3s: latencies.filter((l) => l > 3000).length,
    failures,
    errors: [...errors],
    ingests: ingests.map((r) => ({ code: r.code, ms: r.ms, ...(r.code !== 0 ? { error: r.stderr } : {}) })),
  };
}

export default async function main(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown>[] = [];
  out.push(await scenario('sync-5s', undefined));
  const retryFile = path.join(root, 'src/db/busy-retry.ts');
  if (fs.existsSync(retryFile)) {
    const mod = (await import(pathToFileURL(retryFile).href)) as { withBusyRetry: <T>(fn: () => T) => Promise<T> };
    out.push(await scenario('retry', (fn) => mod.withBusyRetry(fn)));
  }
  for (const r of out) process.stdout.write(`${JSON.stringify(r)}\n`);
  return { root, results: out };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
