import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { silentLogger } from '../src/lib/logger.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createJiebaSegmenter } from '../src/search/jieba-segmenter.ts';
import { ingestPaths } from '../src/services/ingest-service.ts';
import { clausePool, ingestTemplates, writeIngestFiles } from '../test/bench/corpus.ts';

const segmenter = createJiebaSegmenter();
const templates = openDatabase(':memory:');
migrate(templates);
await ingestTemplates(templates, segmenter);
const pool = clausePool(templates);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingprof-'));
writeIngestFiles(dir, pool, 20);
const runs = Number(process.argv[2] ?? 3);
for (let r = 0; r < runs; r++) {
  const db = openDatabase(path.join(dir, `i${r}.db`));
  migrate(db);
  const t = performance.now();
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2024-01-01T00:00:00Z'), segmenter }, [dir]);
  console.log('ingest ms', (performance.now() - t).toFixed(0));
  db.close();
}
fs.rmSync(dir, { recursive: true, force: true });
