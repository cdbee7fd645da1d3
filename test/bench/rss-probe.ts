import nodejieba from 'nodejieba';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.ts';
import { ensureSearchIndexFresh, searchMeasures } from '../../src/services/search-service.ts';

/**
 * Run in a child process by index.bench.ts, so each figure is one process's own resident memory:
 * `jieba` — nodejieba alone with its default dictionaries (the reference); `bot <db> <queries.json>` — the bot's
 * search stack over a built index, the peak RSS while searching.
 */
const [mode, dbPath, queriesJson] = process.argv.slice(2);
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
if (mode === 'jieba') {
  nodejieba.load();
  nodejieba.cutForSearch('冷链物流');
  sample();
} else {
  const db = openDatabase(dbPath!);
  migrate(db);
  const segmenter = createJiebaSegmenter();
  ensureSearchIndexFresh(db, silentLogger, segmenter);
  const queries = JSON.parse(queriesJson!) as string[];
  for (let round = 0; round < 20; round++) {
    for (const query of queries) {
      searchMeasures(db, { query, today: '2024-01-01', limit: 10 }, segmenter);
      sample();
    }
  }
  db.close();
}
process.stdout.write(JSON.stringify({ rssMb: peak / 1024 / 1024 }));
