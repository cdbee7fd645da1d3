import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { listDocuments } from '../../src/repo/documents-repo.ts';
import { IngestError, ingestPaths, ingestSources } from '../../src/services/ingest-service.ts';
import { testDb } from '../helpers/db.ts';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const FORMATS = path.join(REPO_ROOT, 'test/core/parse/fixtures/formats');
const seed = (prefix: string) => path.join(SEEDS_DIR, fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))!);

describe('one ingest holding the same document twice', () => {
  const deps = () => ({
    db: testDb(),
    logger: silentLogger,
    clock: fixedClock('2026-11-22T00:00:00Z'),
    segmenter: testSegmenter,
  });

  it('indexes the Tianjin plan once when the folder holds its .txt and its .pdf', async () => {
    const d = deps();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-batch-'));
    fs.copyFileSync(seed('004_'), path.join(dir, path.basename(seed('004_'))));
    fs.copyFileSync(path.join(FORMATS, 'tianjin.pdf'), path.join(dir, 'tianjin.pdf'));
    const result = await ingestPaths(d, [dir]);
    const txt = result.find((r) => r.file.startsWith('004_'))!;
    const pdf = result.find((r) => r.file === 'tianjin.pdf')!;
    expect(txt.status).toBe('added');
    expect(pdf).toMatchObject({ status: 'unchanged', documentId: txt.documentId, duplicateOf: txt.file });
    expect(listDocuments(d.db)).toHaveLength(1);
  });

  it('refuses two different versions of one document in one batch, writing nothing', async () => {
    const d = deps();
    const text = fs.readFileSync(seed('004_'), 'utf8');
    const revised = text.replace('（一）', '（一）新增一句说明。');
    expect(revised).not.toBe(text);
    const error = await ingestSources(d, [
      { file: 'tianjin-a.txt', bytes: Buffer.from(text) },
      { file: 'tianjin-b.txt', bytes: Buffer.from(revised) },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/tianjin-b\.txt and tianjin-a\.txt are two versions of one document/);
    expect(listDocuments(d.db)).toHaveLength(0);
  });
});
