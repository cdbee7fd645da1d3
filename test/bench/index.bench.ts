import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import nodejieba from 'nodejieba';
import { parseDocument } from '../../src/core/parse/index.ts';
import { indexColumnsWith, indexFingerprint } from '../../src/core/search/segment.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import {
  type IndexEntry,
  indexEntry,
  readIndexSources,
  writeIndexEntries,
  writeIndexFingerprint,
} from '../../src/repo/search-index-repo.ts';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { type SearchFilters, searchMeasures } from '../../src/services/search-service.ts';
import { startFakeSlack } from '../helpers/fake-slack.ts';
import { REPO_ROOT, SHARED_DIR } from '../helpers/paths.ts';
import { buildCorpus, clausePool, ingestTemplates, writeIngestFiles } from './corpus.ts';
import { type Figure, figure, median, percentile } from './figures.ts';
import { benchState } from './shared-state.ts';

/**
 * Index benchmark over a corpus of distinct text (corpus.ts), each figure beside its floor measured in the same
 * run: index writes against a plain FTS5 table filled with the same pre-segmented rows; the database against the
 * source text; ingest against raw cutForSearch over the same files; searches against a LIKE scan; RSS against
 * nodejieba alone; start-up with an existing database. `--measures=100000,300000` sets the corpus sizes
 * (default 100k); the word-query p99 growth is reported when two sizes run.
 */

const today = '2024-01-01';
const SEGMENT_CHUNK = 5_000;
const WARMUP_RUNS = 3;
const RUNS_PER_QUERY = 21;
const LIKE_RUNS = 5;
/** 100 distinct document files, about 2 MB: large enough that per-run costs (opening, the first plan) are small. */
const INGEST_COPIES = 20;
/** Timed ingests, each into a fresh database after one untimed ingest warms the code up; raw cutForSearch beside each. */
const INGEST_RUNS = 3;
const START_RUNS = 3;
/** 1–2 character queries and words found in a large share of all measures. */
const SHORT_AND_COMMON = ['冷', '券', '电商', '就业', '5G', '消费', '发展', '建设', '推进', '企业'];
const FILTERED: { query: string; filters: SearchFilters }[] = [
  { query: '物流', filters: { department: '商务' } },
  { query: '电商', filters: { region: '天津' } },
  { query: '消费', filters: { inForce: true } },
  { query: '就业', filters: { dueFrom: '2022-01-01', dueTo: '2023-12-31' } },
];

function option(name: string): string | undefined {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a?.slice(name.length + 3);
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'measures-bench-'));
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

function samples(fn: () => void, runs: number): number[] {
  for (let i = 0; i < WARMUP_RUNS; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(timed(fn).ms);
  return out;
}

function fileMb(file: string): number {
  let bytes = 0;
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) bytes += fs.statSync(f).size;
  return bytes / 1024 / 1024;
}

const segmenter = createJiebaSegmenter();

/** Ingest throughput (parse + store + index, one process) over distinct document files, beside raw cutForSearch. */
async function benchIngest(pool: string[]): Promise<Figure[]> {
  const dir = tempDir();
  const bytes = writeIngestFiles(dir, pool, INGEST_COPIES);
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const mb = bytes / 1024 / 1024;
  segmenter.cut('冷链'); // dictionaries loaded before any timing
  const ingestInto = async (name: string): Promise<{ db: Db; ms: number }> => {
    const db = openDatabase(path.join(dir, name));
    migrate(db);
    const started = performance.now();
    await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2024-01-01T00:00:00Z'), segmenter }, [dir]);
    return { db, ms: performance.now() - started };
  };
  let db = (await ingestInto('warm-up.db')).db;
  const rawRuns: number[] = [];
  const ingestRuns: number[] = [];
  for (let run = 0; run < INGEST_RUNS; run++) {
    rawRuns.push(
      timed(() => {
        for (const t of texts) nodejieba.cutForSearch(t);
      }).ms,
    );
    db.close();
    const r = await ingestInto(`ingest-${run}.db`);
    ingestRuns.push(r.ms);
    db = r.db;
  }
  const raw = median(rawRuns);
  const ingest = median(ingestRuns);
  // Where the time goes: parsing alone, and segmenting the stored measures alone (the ingest overlaps the two).
  const parse = timed(() => {
    for (const f of files) {
      parseDocument({ file: path.basename(f), bytes: fs.readFileSync(f) }, { maxBytes: 5 * 1024 * 1024 });
    }
  }).ms;
  const ids = db.prepare('SELECT id FROM measures').pluck().all() as string[];
  const sources = readIndexSources(db, ids);
  const columns = indexColumnsWith(segmenter);
  const segment = timed(() => {
    for (const s of sources) columns(s);
  }).ms;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const mbps = (ms: number) => mb / (ms / 1000);
  process.stdout.write(
    `Ingest: ${files.length} files, ${mb.toFixed(2)} MB, ${ids.length} measures: ${(ingest / 1000).toFixed(2)} s` +
      `; measured alone: parse ${(parse / 1000).toFixed(2)} s, segment ${(segment / 1000).toFixed(2)} s (the ingest segments on a pool thread meanwhile); raw cutForSearch ${(raw / 1000).toFixed(2)} s\n`,
  );
  return [
    figure(
      'Ingest throughput (parse + store + index)',
      'MB/s',
      mbps(ingest),
      { name: 'raw cutForSearch', value: mbps(raw) },
      { text: '≥ 0.5× reference', minRatio: 0.5 },
    ),
    figure('  parsing alone', 's', parse / 1000),
    figure('  segmentation alone (cutForIndex per column; overlaps parsing and writing)', 's', segment / 1000),
  ];
}

interface Scale {
  measures: number;
  figures: Figure[];
  wordP99: number;
  dbFile: string;
  dir: string;
}

/** Builds a corpus of `target` measures, indexes it beside the plain FTS5 floor, and times searches on it. */
function benchScale(templates: Db, target: number, evalQueries: string[]): Scale {
  const dir = tempDir();
  const dbFile = path.join(dir, 'search.db');
  const db = openDatabase(dbFile);
  migrate(db);
  const built = timed(() => buildCorpus(db, templates, target));
  const { measures, sourceBytes } = built.value;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const tablesMb = fileMb(dbFile);

  const plain = openDatabase(path.join(dir, 'plain.db'));
  plain.exec(
    `CREATE VIRTUAL TABLE plain USING fts5(title, departments, body, chars, facets, tokenize = 'unicode61 remove_diacritics 0')`,
  );
  const plainInsert = plain.prepare(
    'INSERT INTO plain (title, departments, body, chars, facets) VALUES (?, ?, ?, ?, ?)',
  );
  const ids = db.prepare('SELECT id FROM measures ORDER BY rowid').pluck().all() as string[];
  const columns = indexColumnsWith(segmenter);
  let segmentMs = 0;
  let rawMs = 0;
  let plainMs = 0;
  let writeMs = 0;
  plain.exec('BEGIN');
  db.exec('BEGIN');
  for (let i = 0; i < ids.length; i += SEGMENT_CHUNK) {
    const sources = readIndexSources(db, ids.slice(i, i + SEGMENT_CHUNK));
    rawMs += timed(() => {
      for (const s of sources) {
        nodejieba.cutForSearch(s.section ? `${s.title}\n${s.text}\n${s.section}` : `${s.title}\n${s.text}`);
      }
    }).ms;
    const seg = timed(() => sources.map((s): IndexEntry => indexEntry(s, columns(s))));
    segmentMs += seg.ms;
    const entries = seg.value;
    plainMs += timed(() => {
      for (const e of entries) plainInsert.run(e.title, e.departments, e.body, e.chars, e.facets);
    }).ms;
    writeMs += timed(() => writeIndexEntries(db, entries)).ms;
  }
  plainMs += timed(() => plain.exec('COMMIT')).ms;
  writeMs += timed(() => db.exec('COMMIT')).ms;
  writeIndexFingerprint(db, indexFingerprint(segmenter));
  db.pragma('wal_checkpoint(TRUNCATE)');
  plain.close();
  const dbMb = fileMb(dbFile);
  const sourceMb = sourceBytes / 1024 / 1024;

  // Searches: warmed, RUNS_PER_QUERY each; the LIKE scan of the same table beside each query.
  const like = (q: string) => {
    const pattern = `%${q.toLowerCase()}%`;
    db.prepare('SELECT COUNT(*) AS n FROM measures WHERE title LIKE ? OR text LIKE ?').get(pattern, pattern);
    db.prepare('SELECT id FROM measures WHERE title LIKE ? OR text LIKE ? LIMIT 10').all(pattern, pattern);
  };
  const perQuery: { query: string; p50: number; p99: number; like: number; total: number }[] = [];
  const group = (queries: string[]) => {
    const all: number[] = [];
    for (const q of queries) {
      const xs = samples(() => searchMeasures(db, { query: q, today, limit: 10 }, segmenter), RUNS_PER_QUERY);
      all.push(...xs);
      const likeMs = median(samples(() => like(q), LIKE_RUNS));
      perQuery.push({
        query: q,
        p50: median(xs),
        p99: percentile(xs, 99),
        like: likeMs,
        total: searchMeasures(db, { query: q, today, limit: 10 }, segmenter).total,
      });
    }
    return all;
  };
  const word = group(evalQueries);
  const short = group(SHORT_AND_COMMON);
  const filtered: number[] = [];
  for (const f of FILTERED)
    filtered.push(...samples(() => searchMeasures(db, { ...f, today, limit: 10 }, segmenter), RUNS_PER_QUERY));
  const slowest = perQuery.reduce((a, b) => (b.p50 / b.like > a.p50 / a.like ? b : a));
  db.close();

  process.stdout.write(
    `\n${measures.toLocaleString('en')} measures (${sourceMb.toFixed(1)} MB of text; corpus built in ${(built.ms / 1000).toFixed(1)} s)\n\n` +
      `| query | matches | p50 ms | p99 ms | LIKE scan p50 ms |\n|---|---|---|---|---|\n` +
      perQuery
        .map(
          (q) =>
            `| ${q.query} | ${q.total.toLocaleString('en')} | ${q.p50.toFixed(2)} | ${q.p99.toFixed(2)} | ${q.like.toFixed(1)} |`,
        )
        .join('\n') +
      `\n\nsegmentation ${(segmentMs / 1000).toFixed(1)} s (raw cutForSearch over the same text ${(rawMs / 1000).toFixed(1)} s); ` +
      `tables without the index ${tablesMb.toFixed(0)} MB\n`,
  );
  const k = `${Math.round(measures / 1000)}k`;
  const figures = [
    figure(
      `Index writes, ${k} measures (pre-segmented rows)`,
      's',
      writeMs / 1000,
      { name: 'plain FTS5 table, same rows', value: plainMs / 1000 },
      { text: '≤ 1.3× reference', maxRatio: 1.3 },
    ),
    figure(`Index segmentation, ${k} measures`, 's', segmentMs / 1000, {
      name: 'raw cutForSearch, same text',
      value: rawMs / 1000,
    }),
    figure(
      `Database size, ${k} measures`,
      'MB',
      dbMb,
      { name: 'source text', value: sourceMb },
      target >= 100_000 ? { text: '≤ 2.5× reference', maxRatio: 2.5 } : undefined,
    ),
    figure(`Search p99, word queries (eval set), ${k}`, 'ms', percentile(word, 99), undefined, {
      text: '≤ 10 ms',
      max: 10,
    }),
    figure(`Search p50, word queries (eval set), ${k}`, 'ms', median(word)),
    figure(`Search p99, 1–2 character and common words, ${k}`, 'ms', percentile(short, 99), undefined, {
      text: '≤ 25 ms',
      max: 25,
    }),
    figure(`Search p99, with filters, ${k}`, 'ms', percentile(filtered, 99)),
    figure(
      `Search p50, slowest query against its LIKE scan (${slowest.query}), ${k}`,
      'ms',
      slowest.p50,
      { name: 'LIKE scan', value: slowest.like },
      { text: '< 1× reference', maxRatio: 0.999 },
    ),
  ];
  return { measures, figures, wordP99: percentile(word, 99), dbFile, dir };
}

function rssFigure(dbFile: string, queries: string[]): Figure {
  const probe = (args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'bench', 'rss-probe.ts'), ...args],
      { encoding: 'utf8', cwd: REPO_ROOT },
    );
    if (r.status !== 0) throw new Error(`rss probe failed: ${r.stderr}`);
    return (JSON.parse(r.stdout) as { rssMb: number }).rssMb;
  };
  const jieba = probe(['jieba']);
  const bot = probe(['bot', dbFile, JSON.stringify(queries)]);
  return figure(
    'Peak RSS while searching (same runtime)',
    'MB',
    bot,
    { name: 'nodejieba alone', value: jieba },
    { text: '≤ reference + 120 MB', max: jieba + 120 },
  );
}

/** Seconds from spawning the bot until it logs that it is ready (HTTP mode, against a local fake Slack). */
function timeToReady(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('slack app started')) {
        resolve((performance.now() - t) / 1000);
        child.kill();
      }
    });
    child.on('exit', (code) => {
      if (code) reject(new Error(`start failed: ${log}`));
    });
  });
}

/** `npm start` with an existing database: spawn to ready, beside the sources run through tsx as before. */
async function startFigures(dbFile: string): Promise<Figure[]> {
  const fake = await startFakeSlack();
  const env = {
    PATH: process.env.PATH ?? '',
    DATABASE_PATH: dbFile,
    SEEDS_DIR: path.join(REPO_ROOT, 'seeds'),
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
  };
  const run = async (args: string[]) => {
    const xs: number[] = [];
    for (let i = 0; i < START_RUNS; i++) xs.push(await timeToReady(args, env));
    return median(xs);
  };
  try {
    const compiled = await run([path.join(REPO_ROOT, 'dist', 'main.js')]);
    const transpiled = await run(['--import', 'tsx', path.join(REPO_ROOT, 'src', 'main.ts')]);
    return [
      figure(
        'Start to ready with an existing database (npm start, HTTP mode)',
        's',
        compiled,
        { name: 'the sources run through tsx', value: transpiled },
        { text: '≤ 1 s', max: 1 },
      ),
    ];
  } finally {
    await fake.stop().catch(() => undefined);
  }
}

export default async function indexBench(): Promise<Record<string, unknown>> {
  const sizes = (option('measures') ?? '100000').split(',').map(Number);
  const evalQueries = (
    JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'eval', 'queries.json'), 'utf8')) as {
      queries: { query: string }[];
    }
  ).queries.map((q) => q.query);
  const templates = openDatabase(':memory:');
  migrate(templates);
  const documents = await ingestTemplates(templates, segmenter);
  const pool = clausePool(templates);
  process.stdout.write(`Templates: ${documents} documents, ${pool.length.toLocaleString('en')} clauses\n`);

  const figures: Figure[] = [...(await benchIngest(pool))];
  const scales: Scale[] = [];
  for (const n of sizes) {
    const s = benchScale(templates, n, evalQueries);
    scales.push(s);
    figures.push(...s.figures);
  }
  const first = scales[0]!;
  figures.push(rssFigure(first.dbFile, [...evalQueries, ...SHORT_AND_COMMON]));
  figures.push(...(await startFigures(first.dbFile)));
  if (scales.length >= 2) {
    const a = scales[0]!;
    const b = scales[scales.length - 1]!;
    figures.push(
      figure(
        `Word-query p99 at ${Math.round(b.measures / 1000)}k`,
        'ms',
        b.wordP99,
        { name: `p99 at ${Math.round(a.measures / 1000)}k`, value: a.wordP99 },
        { text: '< 2× reference', maxRatio: 1.999 },
      ),
    );
  }
  // The first (100k) index stays for slack.bench.ts in the same run; everything goes at exit.
  benchState.searchDb = { file: first.dbFile, measures: first.measures };
  process.once('exit', () => {
    for (const s of scales) fs.rmSync(s.dir, { recursive: true, force: true });
  });
  templates.close();
  return { figures };
}
