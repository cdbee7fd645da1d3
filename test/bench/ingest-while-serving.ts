import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BOT_BUSY_TIMEOUT_MS, CLI_BUSY_TIMEOUT_MS, type RunWrite, retryingWrite } from '../../src/db/busy-retry.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { listFollowups } from '../../src/repo/followups-repo.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { commonStrings } from '../../src/slack/kit/strings.ts';
import { REPO_ROOT, SEEDS_DIR, SHARED_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';
import { eventBody, FORM, JSON_TYPE, signedHeaders, slashCommandBody } from '../helpers/slack-request.ts';
import { botUserId, NOW, SIGNING_SECRET, startHarness } from '../slack/harness.ts';

/**
 * What people feel while `measures ingest` adds ~5 MB to the bot's database: the bot runs in HTTP mode on a temp
 * database (real receiver, signed requests, fake Slack), a separate process ingests two ~2.5 MB documents, and
 * meanwhile IN_FLIGHT requests are kept in flight, alternating `/measures <search>` slash commands and
 * `@measures assign <id> @user` mentions. Reported: ack p50/p99/max (HTTP answer to a signed request), replies
 * received, and assigns failed (the person was told of an error) or lost (no follow-up and no word).
 *
 * Two bot wirings: `before` (5 s busy timeout, writes called synchronously: how the bot ran) and `after` (short
 * busy timeout, writes retried with timer pauses: SlackDeps.write).
 *
 * `node --import tsx test/bench/ingest-while-serving.ts [--json]`
 */

const IN_FLIGHT = 20;
/** Bytes per ingested document (two of them): under the ingest's per-file cap. */
const DOC_BYTES = 2_450_000;
const SEARCHES = ['冷链', '消费', '物流 部门:商务', '养老', '数字经济', '年:2023'];
const CHANNEL = 'C0BENCH01';
const USER = 'U0BENCHER';
const ASSIGNEE = 'U0ASSIGNEE';

/**
 * `idle`: the after wiring under the same load with no ingest running (for IDLE_MS), the baseline.
 * `*-held`: instead of the ingest, another process holds the write lock HOLD_MS at a time (GAP_MS apart) for
 * IDLE_MS, as an ingest writing a large document in one transaction does.
 */
type Mode = 'idle' | 'before' | 'after' | 'before-held' | 'after-held';
const IDLE_MS = 8000;
const HOLD_MS = 2000;
const GAP_MS = 300;

const HOLDER = `
  const Database = require('better-sqlite3');
  const db = new Database(process.env.BENCH_DB);
  db.pragma('busy_timeout = 10000');
  const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const end = Date.now() + Number(process.env.BENCH_TOTAL_MS);
  while (Date.now() < end) {
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO processed_events (key, at) VALUES (?, ?)").run('holder-' + Date.now(), new Date().toISOString());
    sleep(Number(process.env.BENCH_HOLD_MS));
    db.exec('COMMIT');
    sleep(Number(process.env.BENCH_GAP_MS));
  }
`;

function holdLock(dbPath: string): Promise<{ code: number; ms: number; error: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', HOLDER], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        BENCH_DB: dbPath,
        BENCH_TOTAL_MS: String(IDLE_MS),
        BENCH_HOLD_MS: String(HOLD_MS),
        BENCH_GAP_MS: String(GAP_MS),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, ms: Date.now() - started, error: stderr.trim() }));
  });
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Distinct text: the seeds and the corpus pages (tags stripped), each pass with its own title and years. */
function bigDocument(n: number): string {
  const seeds = fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
  const corpusDir = path.join(SHARED_DIR, 'corpus/govcn-2019');
  const pages = fs.existsSync(corpusDir)
    ? fs
        .readdirSync(corpusDir)
        .filter((f) => f.endsWith('.html'))
        .map((f) =>
          fs
            .readFileSync(path.join(corpusDir, f), 'utf8')
            .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
            .replace(/<[^>]*>/g, '\n')
            .replace(/\n\s*\n+/g, '\n'),
        )
    : [];
  const parts = [...seeds, ...pages];
  let out = `关于加快推进第${n}批重点工作的实施方案\n`;
  let bytes = Buffer.byteLength(out);
  for (let pass = 0; bytes < DOC_BYTES; pass++) {
    for (const p of parts) {
      const varied = p
        .replace(/20(1\d|2\d)年/g, (_, y) => `20${((Number(y) + pass) % 30) + 10}年`)
        .replace(/。/g, `（${n}-${pass}）。`);
      out += varied;
      bytes += Buffer.byteLength(varied);
      if (bytes >= DOC_BYTES) break;
    }
  }
  return out;
}

function runIngest(folder: string, dbPath: string): Promise<{ code: number; ms: number; error: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), 'ingest', folder, '--db', dbPath],
      { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'error' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) =>
      resolve({ code: code ?? -1, ms: Date.now() - started, error: stderr.trim().split('\n').slice(-1)[0] ?? '' }),
    );
  });
}

async function scenario(mode: Mode) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-serving-'));
  const dbPath = path.join(dir, 'index.db');
  const folder = path.join(dir, 'docs');
  fs.mkdirSync(folder);
  for (const n of [1, 2]) fs.writeFileSync(path.join(folder, `big-${n}.txt`), bigDocument(n));
  const bytes = fs.readdirSync(folder).reduce((sum, f) => sum + fs.statSync(path.join(folder, f)).size, 0);

  const db = openDatabase(dbPath, {
    busyTimeoutMs: mode.startsWith('before') ? CLI_BUSY_TIMEOUT_MS : BOT_BUSY_TIMEOUT_MS,
  });
  migrate(db);
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock(NOW), segmenter: testSegmenter }, [SEEDS_DIR]);
  const ids = (db.prepare('SELECT id FROM measures ORDER BY id LIMIT 50').all() as { id: string }[]).map((r) => r.id);
  // before: the write runs on the spot, waiting up to the busy timeout on the event loop; after: retried with
  // timer pauses (the bot's default). Each attempt is timed: how long one write held the event loop.
  let writeBlockMaxMs = 0;
  let writeRetries = 0;
  const timed =
    <T>(fn: () => T) =>
    (): T => {
      const t0 = performance.now();
      try {
        return fn();
      } finally {
        writeBlockMaxMs = Math.max(writeBlockMaxMs, performance.now() - t0);
      }
    };
  const queued = retryingWrite({ onRetry: () => void writeRetries++ });
  const write: RunWrite = mode.startsWith('before') ? async (fn) => timed(fn)() : (fn) => queued(timed(fn));
  const h = await startHarness(db, { BOT_LOCALE: 'en' }, { write });
  const botId = await botUserId(h);

  // Warm up (the segmenter's dictionary loads on the first search) so that the figures are about the ingest.
  const warm = h.fake.responseUrl();
  const warmBody = slashCommandBody({ text: SEARCHES[0]!, responseUrl: warm, userId: USER, channelId: CHANNEL });
  await (
    await fetch(h.url, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, warmBody, FORM), body: warmBody })
  ).text();
  await h.fake.waitForPath(new URL(warm).pathname);
  await h.idle();
  h.fake.reset();
  writeBlockMaxMs = 0;

  const acks: number[] = [];
  const slashUrls: string[] = [];
  const mentionTs: string[] = [];
  let httpErrors = 0;
  let n = 0;
  let running = true;
  const post = async (body: string, type: string, responseUrl?: string) => {
    const started = performance.now();
    try {
      const res = await fetch(h.url, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, type), body });
      // A slash command's answer may be its acknowledgement.
      const acked = await res.text();
      if (responseUrl && acked.trim() !== '') h.fake.recordAck(responseUrl, JSON.parse(acked));
      if (res.status !== 200) httpErrors++;
    } catch {
      httpErrors++;
    }
    acks.push(performance.now() - started);
  };
  const one = async () => {
    n++;
    if (n % 2 === 0) {
      const responseUrl = h.fake.responseUrl();
      slashUrls.push(new URL(responseUrl).pathname);
      const text = SEARCHES[n % SEARCHES.length]!;
      await post(slashCommandBody({ text, responseUrl, userId: USER, channelId: CHANNEL }), FORM, responseUrl);
    } else {
      const ts = `1700000000.${String(n).padStart(6, '0')}`;
      mentionTs.push(ts);
      const event = {
        type: 'app_mention',
        user: USER,
        text: `<@${botId}> assign ${ids[n % ids.length]} <@${ASSIGNEE}|wang>`,
        ts,
        channel: CHANNEL,
        event_ts: ts,
      };
      await post(eventBody(event, `EvBENCH${n}`), JSON_TYPE);
    }
  };
  const worker = async () => {
    while (running) await one();
  };

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const ingest =
    mode === 'idle'
      ? new Promise<{ code: number; ms: number; error: string }>((r) =>
          setTimeout(() => r({ code: 0, ms: IDLE_MS, error: '' }), IDLE_MS),
        )
      : mode.endsWith('-held')
        ? holdLock(dbPath)
        : runIngest(folder, dbPath);
  const workers = Array.from({ length: IN_FLIGHT }, worker);
  const ingested = await ingest;
  running = false;
  await Promise.all(workers);
  loopDelay.disable();
  const ingestDone = Date.now();
  await h.idle(120_000);

  const calls = h.fake.calls;
  const replied = new Set(
    calls.filter((c) => c.method === 'response_url' || c.method === 'command_ack').map((c) => c.path),
  );
  const slashReplies = slashUrls.filter((p) => replied.has(p)).length;
  const busyText = commonStrings.en.busyError;
  const errorTexts = new Set([
    busyText,
    commonStrings.en.genericError,
    ...Object.values(commonStrings.en.storageError),
  ]);
  const cardsIn = new Set(
    calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts).map((c) => String(c.body.thread_ts)),
  );
  const toldError = new Set(
    calls
      .filter((c) => c.method === 'chat.postEphemeral' && errorTexts.has(String(c.body.text)))
      .map((c) => String(c.body.thread_ts)),
  );
  const saved = new Set(listFollowups(db).map((f) => f.threadTs));
  const failedWrites = mentionTs.filter((ts) => !saved.has(ts) && toldError.has(ts)).length;
  const lostWrites = mentionTs.filter((ts) => !saved.has(ts) && !toldError.has(ts)).length;
  const mentionReplies = mentionTs.filter((ts) => cardsIn.has(ts) || toldError.has(ts)).length;

  await h.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    mode,
    ingestMB: mode === 'idle' || mode.endsWith('-held') ? 0 : Math.round(bytes / 1e5) / 10,
    ingestMs: ingested.ms,
    ingestExit: ingested.code,
    ...(ingested.code !== 0 ? { ingestError: ingested.error } : {}),
    requests: acks.length,
    ackP50Ms: Math.round(percentile(acks, 50)),
    ackP99Ms: Math.round(percentile(acks, 99)),
    ackMaxMs: Math.round(Math.max(...acks)),
    acksOver3s: acks.filter((a) => a > 3000).length,
    eventLoopBlockedMaxMs: Math.round(loopDelay.max / 1e6),
    writeBlockMaxMs: Math.round(writeBlockMaxMs),
    writeRetries,
    httpErrors,
    searches: slashUrls.length,
    searchReplies: slashReplies,
    assigns: mentionTs.length,
    assignReplies: mentionReplies,
    assignsSaved: mentionTs.filter((ts) => saved.has(ts)).length,
    failedWrites,
    lostWrites,
    settleMs: Date.now() - ingestDone,
  };
}

function table(rows: Awaited<ReturnType<typeof scenario>>[]): string {
  const cols: [string, (r: (typeof rows)[number]) => string][] = [
    ['mode', (r) => r.mode],
    [
      'ingest',
      (r) =>
        r.mode === 'idle'
          ? `none (${(r.ingestMs / 1000).toFixed(0)} s)`
          : r.mode.endsWith('-held')
            ? `lock held ${HOLD_MS / 1000} s of every ${(HOLD_MS + GAP_MS) / 1000} s (${(r.ingestMs / 1000).toFixed(0)} s)`
            : `${r.ingestMB} MB ${(r.ingestMs / 1000).toFixed(1)} s exit ${r.ingestExit}`,
    ],
    ['requests', (r) => String(r.requests)],
    ['ack p50', (r) => `${r.ackP50Ms} ms`],
    ['ack p99', (r) => `${r.ackP99Ms} ms`],
    ['ack max', (r) => `${r.ackMaxMs} ms`],
    ['>3 s', (r) => String(r.acksOver3s)],
    ['loop blocked max', (r) => `${r.eventLoopBlockedMaxMs} ms`],
    ['one write max', (r) => `${r.writeBlockMaxMs} ms`],
    ['retries', (r) => String(r.writeRetries)],
    ['search replies', (r) => `${r.searchReplies}/${r.searches}`],
    ['assign replies', (r) => `${r.assignReplies}/${r.assigns}`],
    ['saved', (r) => `${r.assignsSaved}/${r.assigns}`],
    ['failed', (r) => String(r.failedWrites)],
    ['lost', (r) => String(r.lostWrites)],
  ];
  const cells = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export default async function main(): Promise<Record<string, unknown>> {
  const rows = [];
  for (const mode of ['idle', 'before', 'after', 'before-held', 'after-held'] as const) rows.push(await scenario(mode));
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else process.stdout.write(`${table(rows)}\n`);
  return { results: rows };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
