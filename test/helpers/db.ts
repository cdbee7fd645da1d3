import path from 'node:path';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { SEEDS_DIR } from './paths.ts';
import { testSegmenter } from './segmenter.ts';

/** A fresh in-memory database with the real migrations applied. */
export function testDb(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}

/** testDb() with the shipped seeds indexed through the real ingest. */
export async function seededDb(ingestedAt = '2026-11-22T00:00:00Z'): Promise<Db> {
  const db = testDb();
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock(ingestedAt), segmenter: testSegmenter }, [SEEDS_DIR]);
  return db;
}

/**
 * The seeded index as a file (`name` in `dir`), for what needs a file rather than memory: search threads, a
 * second connection, the bot as `npm start` runs it. Returns the file's path.
 */
export async function seededDbFile(dir: string, name = 'index.db'): Promise<string> {
  const memory = await seededDb();
  const file = path.join(dir, name);
  memory.prepare('VACUUM INTO ?').run(file);
  memory.close();
  return file;
}
