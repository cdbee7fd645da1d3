import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { collectFiles, readRegularFile } from '../../src/services/ingest-files.ts';
import { IngestError, ingest } from '../../src/services/ingest-service.ts';
import { testDb } from '../helpers/db.ts';
import { SEEDS_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const HUNAN = path.join(SEEDS_DIR, '003_a76f9fbeb2c10513.txt');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-files-'));
});
const mkfifo = (p: string) => execFileSync('mkfifo', [p]);

describe('collectFiles', () => {
  it('indexes a symlinked .txt and lists everything else in the folder with its reason', () => {
    fs.copyFileSync(HUNAN, path.join(dir, 'a.txt'));
    fs.symlinkSync(HUNAN, path.join(dir, 'linked.txt'));
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'broken.txt'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'x');
    fs.writeFileSync(path.join(dir, 'photo.png'), 'x');
    mkfifo(path.join(dir, 'pipe.txt'));
    const { files, skipped, problems } = collectFiles([dir]);
    expect(files.map((f) => path.basename(f))).toEqual(['a.txt', 'linked.txt']);
    expect(problems).toEqual([]);
    const reasons = Object.fromEntries(skipped.map((s) => [path.basename(s.file), s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['.hidden.txt', 'broken.txt', 'photo.png', 'pipe.txt', 'sub']);
    expect(reasons['.hidden.txt']).toMatch(/hidden/);
    expect(reasons['broken.txt']).toMatch(/symbolic link to nothing/);
    expect(reasons.sub).toMatch(/folder/);
    expect(reasons['pipe.txt']).toMatch(/FIFO/);
    expect(reasons['photo.png']).toMatch(/not a \.txt/);
  });

  it('refuses a FIFO or a device named on the command line without reading it', () => {
    const fifo = path.join(dir, 'pipe.txt');
    mkfifo(fifo);
    const { files, problems } = collectFiles([fifo, '/dev/zero']);
    expect(files).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/pipe\.txt: a named pipe \(FIFO\)/),
      expect.stringMatching(/\/dev\/zero: a device/),
    ]);
  });
});

describe('readRegularFile', () => {
  it('reads a file whole under the limit and refuses one over it', () => {
    const p = path.join(dir, 'x.txt');
    fs.writeFileSync(p, Buffer.alloc(1000, 0x41));
    expect(readRegularFile(p, 1000).length).toBe(1000);
    expect(() => readRegularFile(p, 999)).toThrow(/over/);
  });

  it('does not block on a FIFO nor read a device without end', () => {
    const fifo = path.join(dir, 'pipe.txt');
    mkfifo(fifo);
    expect(() => readRegularFile(fifo, 1024)).toThrow(/FIFO/);
    expect(() => readRegularFile('/dev/zero', 1024)).toThrow(/device/);
  });
});

describe('ingest of paths', () => {
  it('reports a FIFO among the files as a problem, and writes nothing', async () => {
    const db = testDb();
    const fifo = path.join(dir, 'pipe.txt');
    mkfifo(fifo);
    await expect(
      ingest({ db, logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter }, [
        HUNAN,
        fifo,
      ]),
    ).rejects.toThrow(IngestError);
    expect((db.prepare('SELECT COUNT(*) n FROM documents').get() as { n: number }).n).toBe(0);
  });
});
