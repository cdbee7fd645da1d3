import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { listDocuments } from '../../src/repo/documents-repo.ts';
import { IngestError, ingestPaths } from '../../src/services/ingest-service.ts';
import { testDb } from '../helpers/db.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const FORMATS = path.join(REPO_ROOT, 'test/core/parse/fixtures/formats');

describe('ingesting Word and PDF files', () => {
  it('indexes a .docx and a .pdf like their text', async () => {
    const db = testDb();
    const deps = { db, logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter };
    const result = await ingestPaths(deps, [path.join(FORMATS, 'hunan.docx'), path.join(FORMATS, 'tianjin.pdf')]);
    expect(result.map((r) => [r.file, r.measures, r.tasks, r.targets])).toEqual([
      ['hunan.docx', 20, 20, 0],
      ['tianjin.pdf', 19, 51, 7],
    ]);
  });

  it('refuses a scanned PDF with the reason and writes nothing', async () => {
    const db = testDb();
    const deps = { db, logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter };
    const error = await ingestPaths(deps, [path.join(FORMATS, 'hunan.docx'), path.join(FORMATS, 'scanned.pdf')]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/scanned\.pdf has no text layer/);
    // The bot says the same in its own language from the code; the command line keeps the message.
    expect((error as IngestError).problems).toEqual([
      {
        path: 'scanned.pdf',
        message: expect.stringMatching(/^scanned\.pdf has no text layer/),
        code: 'no_text_layer',
        params: {},
      },
    ]);
    expect(listDocuments(db)).toHaveLength(0);
  });
});
