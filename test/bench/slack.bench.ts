import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import bolt from '@slack/bolt';
import { DEFAULT_SEARCH_THREADS } from '../../src/config.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { startSearchThreads } from '../../src/services/search-threads.ts';
import { EVENTS_PATH } from '../../src/slack/app.ts';
import { RESULTS_PAGE_SIZE } from '../../src/slack/kit/limits.ts';
import { seededDbFile } from '../helpers/db.ts';
import { startFakeSlack } from '../helpers/fake-slack.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';
import { SIGNING_SECRET, startHarness, TODAY } from '../slack/harness.ts';
import { type Figure, figure, percentile } from './figures.ts';
import { benchState } from './shared-state.ts';

/**
 * Signed `/measures <q>` round trips over loopback through the real Bolt HTTP receiver: request → search → 200
 * ack carrying the answer (or an empty ack, then a response_url post), 20 in flight, sent by a load client in
 * its own process (as Slack is). Beside it, with the same requests, a bare Bolt app that only acks: the CPU
 * per command of each (this process: the app and its fake Web API; not the client) and their latencies. Then
 * the same commands against the large index the index bench built (100k measures), for the latency under load.
 */
const QUERIES = ['冷链', '消费', '5G基站', '商务', '物流 部门:商务', '电商 地区:天津', '养老', '数字'];
const ROUNDS = 1000;
/** Commands before measuring: V8 keeps optimising the request path for the first thousand or so. */
const WARMUP = 1000;
const MEASURED_TURNS = 3;
const CONCURRENCY = 20;

interface Load {
  ack: number[];
  roundTrip: number[];
  cpuMsPerCommand: number;
  failed: number;
}

/**
 * Runs `rounds` commands against `url` from a separate process (slack-load-client.ts), and the CPU this
 * process (the app, and the fake Slack where it is used) spent meanwhile.
 */
export async function drive(url: string, rounds: number, expectReply = true): Promise<Load> {
  const cpu = process.cpuUsage();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(REPO_ROOT, 'test', 'bench', 'slack-load-client.ts'),
        JSON.stringify({
          url,
          signingSecret: SIGNING_SECRET,
          queries: QUERIES,
          rounds,
          concurrency: CONCURRENCY,
          expectReply,
        }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
    });
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`load client exited with ${code}`))));
  });
  const used = process.cpuUsage(cpu);
  const r = JSON.parse(out) as Omit<Load, 'cpuMsPerCommand'>;
  return { ...r, cpuMsPerCommand: (used.user + used.system) / 1000 / rounds };
}

/** The reference: a Bolt app on the same receiver that acks /measures and does nothing else. */
export async function bareBolt(): Promise<{ url: string; stop: () => Promise<void> }> {
  const fake = await startFakeSlack();
  const receiver = new bolt.HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: EVENTS_PATH });
  const app = new bolt.App({
    token: 'xoxb-bare',
    receiver,
    clientOptions: { slackApiUrl: `${fake.apiUrl.replace(/\/$/, '')}/` },
  });
  app.command('/measures', async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`,
    stop: async () => {
      await app.stop();
      await fake.stop().catch(() => undefined);
    },
  };
}

/**
 * The bot as `npm start` runs it: on a database file, searches on SEARCH_THREADS worker threads (their CPU is
 * counted: process.cpuUsage covers every thread). `threads: 0` runs them in the main thread; `cacheEntries: 0`
 * runs every search, as if each command asked something new (the load repeats a few queries, which the bot's
 * answer cache otherwise serves without searching).
 */
export async function startBot(
  db: Db,
  file: string,
  opts: { threads?: number; cacheEntries?: number } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const threads = opts.threads ?? DEFAULT_SEARCH_THREADS;
  const searchThreads = threads > 0 ? startSearchThreads({ databaseFile: file, threads, logger: silentLogger }) : null;
  const h = await startHarness(
    db,
    {},
    {
      ...(searchThreads ? { searchThreads } : {}),
      ...(opts.cacheEntries === undefined ? {} : { searchCacheEntries: opts.cacheEntries }),
    },
  );
  return {
    url: h.url,
    stop: async () => {
      await h.stop();
      await searchThreads?.close();
    },
  };
}

/** A bot's load after WARMUP commands. */
export async function botLoad(
  db: Db,
  file: string,
  rounds: number,
  opts: { threads?: number; cacheEntries?: number } = {},
): Promise<Load> {
  const bot = await startBot(db, file, opts);
  try {
    await drive(bot.url, WARMUP);
    return await drive(bot.url, rounds);
  } finally {
    await bot.stop();
  }
}

/**
 * Apps measured side by side: each warmed up, then driven in turns (one of each, MEASURED_TURNS times), so a
 * change in the machine's speed meets all of them alike. CPU per command is the median turn's; latencies pool
 * every turn.
 */
async function inTurns(apps: { url: string; expectReply: boolean }[]): Promise<Load[]> {
  for (const a of apps) await drive(a.url, WARMUP, a.expectReply);
  const turns: Load[][] = apps.map(() => []);
  for (let t = 0; t < MEASURED_TURNS; t++) {
    for (const [i, a] of apps.entries()) turns[i]!.push(await drive(a.url, ROUNDS, a.expectReply));
  }
  return turns.map((loads) => ({
    ack: loads.flatMap((l) => l.ack),
    roundTrip: loads.flatMap((l) => l.roundTrip),
    cpuMsPerCommand: percentile(
      loads.map((l) => l.cpuMsPerCommand),
      50,
    ),
    failed: loads.reduce((n, l) => n + l.failed, 0),
  }));
}

/** The seeded index as a file, so the bot can share it with its search threads. */
export async function seededFile(): Promise<{ db: Db; file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-slack-bench-'));
  const file = await seededDbFile(dir, 'seeds.db');
  const db = openDatabase(file);
  migrate(db);
  return { db, file, dir };
}

export default async function bench(): Promise<{ figures: Figure[] }> {
  const { db: seeded, file: seededPath, dir: seededDir } = await seededFile();
  const search: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const q = QUERIES[i % QUERIES.length]!.split(' ')[0]!;
    const t = performance.now();
    searchMeasures(seeded, { query: q, limit: RESULTS_PAGE_SIZE, today: TODAY }, testSegmenter);
    search.push(performance.now() - t);
  }
  const bare = await bareBolt();
  const bot = await startBot(seeded, seededPath);
  const botUncached = await startBot(seeded, seededPath, { cacheEntries: 0 });
  const [reference, small, smallUncached] = (await inTurns([
    { url: bare.url, expectReply: false },
    { url: bot.url, expectReply: true },
    { url: botUncached.url, expectReply: true },
  ])) as [Load, Load, Load];
  await Promise.all([bare.stop(), bot.stop(), botUncached.stop()]);
  seeded.close();
  fs.rmSync(seededDir, { recursive: true, force: true });

  const figures: Figure[] = [
    figure(
      'Slack: CPU per warmed /measures command (seeds)',
      'ms',
      small.cpuMsPerCommand,
      { name: 'bare Bolt app that only acks', value: reference.cpuMsPerCommand },
      { text: '≤ 1.5× reference', maxRatio: 1.5 },
    ),
    figure(`Slack: ack p99, ${CONCURRENCY} in flight (seeds)`, 'ms', percentile(small.ack, 99), {
      name: 'bare Bolt ack p99',
      value: percentile(reference.ack, 99),
    }),
    figure(
      `Slack: ack + reply p99, ${CONCURRENCY} in flight (seeds)`,
      'ms',
      percentile(small.roundTrip, 99),
      undefined,
      { text: '< 100 ms', max: 99.999 },
    ),
    figure(
      'Slack: CPU per warmed /measures command (seeds), every search run (no answer reused)',
      'ms',
      smallUncached.cpuMsPerCommand,
      { name: 'bare Bolt app that only acks', value: reference.cpuMsPerCommand },
    ),
  ];
  const large = benchState.searchDb;
  let big: Load | undefined;
  let bigInline: Load | undefined;
  if (large) {
    const db = openDatabase(large.file);
    migrate(db);
    // Every search run: the latency of searching a large index under load, not of the answer cache.
    big = await botLoad(db, large.file, ROUNDS, { cacheEntries: 0 });
    bigInline = await botLoad(db, large.file, ROUNDS, { threads: 0, cacheEntries: 0 });
    db.close();
    const k = `${Math.round(large.measures / 1000)}k`;
    figures.push(
      figure(
        `Slack: ack + reply p99, ${CONCURRENCY} in flight (${k} measures, every search run)`,
        'ms',
        percentile(big.roundTrip, 99),
        undefined,
        { text: '< 100 ms', max: 99.999 },
      ),
      figure(
        `Slack: commands failed or acked after 3 s (${k} measures, every search run)`,
        'commands',
        big.failed,
        undefined,
        {
          text: '0',
          max: 0,
        },
      ),
      figure(`Slack: CPU per command (${k} measures, every search run)`, 'ms', big.cpuMsPerCommand, {
        name: 'bare Bolt app that only acks',
        value: reference.cpuMsPerCommand,
      }),
      figure(
        `Slack: ack + reply p99, ${CONCURRENCY} in flight (${k} measures, every search run), SEARCH_THREADS=0`,
        'ms',
        percentile(bigInline!.roundTrip, 99),
      ),
      figure(
        `Slack: ack p99, ${CONCURRENCY} in flight (${k} measures, every search run)`,
        'ms',
        percentile(big.ack, 99),
        {
          name: 'SEARCH_THREADS=0',
          value: percentile(bigInline!.ack, 99),
        },
      ),
    );
  }
  const row = (name: string, xs: number[]) =>
    `| ${name} | ${percentile(xs, 50).toFixed(1)} | ${percentile(xs, 99).toFixed(1)} |`;
  process.stdout.write(
    [
      `${ROUNDS} signed slash commands after ${WARMUP} to warm up, ${CONCURRENCY} concurrent, loopback`,
      '',
      '| step | p50 ms | p99 ms |',
      '| --- | --- | --- |',
      row('in-process searchMeasures (seeds)', search),
      row('bare Bolt: HTTP ack', reference.ack),
      row('bot (seeds): HTTP ack', small.ack),
      row('bot (seeds): ack + reply at response_url', small.roundTrip),
      ...(big
        ? [row('bot (large index): HTTP ack', big.ack), row('bot (large index): ack + reply', big.roundTrip)]
        : []),
      '',
    ].join('\n'),
  );
  return { figures };
}
