import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/parse/errors.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/services/ingest-service.ts';
import { prepareOffThread } from '../../src/services/parse-off-thread.ts';
import { prepareSource } from '../../src/services/prepare-source.ts';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/paths.ts';

const FORMATS = path.join(REPO_ROOT, 'test/core/parse/fixtures/formats');
const source = (dir: string, file: string) => ({ file, bytes: fs.readFileSync(path.join(dir, file)) });

/** Records warnings, to show when a file was parsed on the main thread after all. */
function warnings() {
  const said: string[] = [];
  return { said, logger: { ...silentLogger, warn: (msg: string) => said.push(msg) } };
}

describe('prepareOffThread', () => {
  it.each([
    ...fs.readdirSync(SEEDS_DIR).map((f) => [SEEDS_DIR, f] as const),
    [FORMATS, 'hunan.docx'] as const,
    [FORMATS, 'tianjin.pdf'] as const,
  ])('reads and parses %s / %s in a worker exactly as the main thread does', async (dir, file) => {
    const { said, logger } = warnings();
    const here = await prepareSource(source(dir, file), MAX_DOCUMENT_BYTES);
    const there = await prepareOffThread(source(dir, file), MAX_DOCUMENT_BYTES, logger);
    expect(there).toEqual(here);
    expect(said).toEqual([]);
  });

  it.each([
    ['scanned.pdf', fs.readFileSync(path.join(FORMATS, 'scanned.pdf'))],
    ['plan.docx', Buffer.from('not a zip at all')],
    ['empty.txt', Buffer.alloc(0)],
    ['huge.txt', Buffer.alloc(64, 0x41)],
  ])('refuses %s with the ParseError the main thread gives (code, file, params, message)', async (file, bytes) => {
    const { said, logger } = warnings();
    const maxBytes = file === 'huge.txt' ? 32 : MAX_DOCUMENT_BYTES;
    const here = await prepareSource({ file, bytes }, maxBytes).catch((e: unknown) => e);
    const there = await prepareOffThread({ file, bytes }, maxBytes, logger).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(ParseError);
    expect(there).toBeInstanceOf(ParseError);
    const fields = (e: unknown) => {
      const p = e as ParseError;
      return { code: p.code, file: p.file, params: p.params, message: p.message };
    };
    expect(fields(there)).toEqual(fields(here));
    expect(said).toEqual([]);
  });
});
