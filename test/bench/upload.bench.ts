import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.ts';
import { ingestSources, MAX_DOCUMENT_BYTES } from '../../src/services/ingest-service.ts';
import { MAX_UPLOAD_MEASURES } from '../../src/slack/documents/add-shared-file.ts';
import { numberedPlan } from '../helpers/numbered-plan.ts';
import { clausePool, ingestTemplates, prng } from './corpus.ts';
import { type Figure, figure, median } from './figures.ts';

/**
 * What the bot's other users feel while it indexes a document someone shared with it: the upload is ingested
 * in the bot's own process, so whatever the ingest does synchronously holds every other Slack request. The
 * largest plan it accepts (the per-file byte cap, MAX_UPLOAD_MEASURES measures) is ingested into a fresh
 * database, with the bot's options, while a 5 ms timer notes the longest gap between its ticks. Reference:
 * the whole ingest, the stall of an ingest that never yields. Slack gives a command 3 s to be acknowledged.
 */
const RUNS = 3;
const SLACK_ACK_DEADLINE_MS = 3000;
const TICK_MS = 5;
/**
 * About the largest plan the bot takes from Slack: MAX_UPLOAD_MEASURES numbered items, each of as many clauses
 * drawn from the template documents as keep the file under `maxBytes` (the parser reads a few percent fewer
 * measures from it; the benchmark prints how many).
 */
function bigPlan(pool: string[], maxBytes: number): Buffer {
  for (let clauses = 40; clauses > 1; clauses--) {
    const rand = prng(7);
    const clause = () => pool[Math.floor(rand() * pool.length)]!.replace(/[，；。]$/, '');
    const text = numberedPlan('关于加快培育新型消费的实施方案', MAX_UPLOAD_MEASURES, () =>
      Array.from({ length: clauses }, clause).join('，'),
    );
    const bytes = Buffer.from(text);
    if (bytes.length <= maxBytes) return bytes;
  }
  throw new Error('no plan fits');
}

/** Ingests `bytes` as one upload into a fresh database; the longest event-loop stall meanwhile and the total. */
async function timedUpload(dir: string, name: string, bytes: Buffer) {
  const db = openDatabase(path.join(dir, `${name}.db`));
  migrate(db);
  const segmenter = createJiebaSegmenter();
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, TICK_MS);
  const started = performance.now();
  const { indexed } = await ingestSources(
    { db, logger: silentLogger, clock: fixedClock('2024-01-01T00:00:00Z'), segmenter },
    [{ file: `${name}.txt`, bytes }],
    { addedBy: 'U0BENCH', waitForOtherIngestMs: 0, maxMeasuresPerDocument: MAX_UPLOAD_MEASURES },
  );
  const ended = performance.now();
  clearInterval(tick);
  longest = Math.max(longest, ended - last);
  db.close();
  return { ms: ended - started, stallMs: longest, measures: indexed[0]?.measures ?? 0 };
}

export default async function uploadBench(): Promise<{ figures: Figure[] }> {
  const templates = openDatabase(':memory:');
  migrate(templates);
  await ingestTemplates(templates, createJiebaSegmenter());
  const bytes = bigPlan(clausePool(templates), MAX_DOCUMENT_BYTES - 64 * 1024);
  templates.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-upload-'));
  try {
    await timedUpload(dir, 'warm-up', bytes);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timedUpload(dir, `upload-${i}`, bytes));
    const ms = median(runs.map((r) => r.ms));
    const stallMs = median(runs.map((r) => r.stallMs));
    process.stdout.write(
      `Upload: ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${runs[0]!.measures} measures: ingest ${ms.toFixed(0)} ms, longest stall ${stallMs.toFixed(0)} ms (runs: ${runs.map((r) => `${r.stallMs.toFixed(0)}/${r.ms.toFixed(0)}`).join(', ')})\n`,
    );
    return {
      figures: [
        figure(
          `Bot: longest event-loop stall while it indexes a ${(bytes.length / 1024 / 1024).toFixed(1)} MB upload`,
          'ms',
          stallMs,
          { name: 'the whole ingest (an ingest that never yields)', value: ms },
          { text: `< ${SLACK_ACK_DEADLINE_MS / 1000} s (Slack's ack deadline)`, max: SLACK_ACK_DEADLINE_MS - 1 },
        ),
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
