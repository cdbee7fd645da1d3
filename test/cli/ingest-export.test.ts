import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { distFile } from '../helpers/dist.ts';
import { REPO_ROOT, SEEDS_DIR } from '../helpers/paths.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: { measures: string } };

let dbPath: string;
beforeEach(() => {
  dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'measures-cli-')), 'nested', 'm.db');
});

describe('measures ingest / export', () => {
  it('ingests the seeds into a new database (creating its folder) and exports the contract shape', async () => {
    const ingest = await cli(['ingest', SEEDS_DIR, '--db', dbPath]);
    expect(ingest.code).toBe(0);
    expect((ingest.json().indexed as unknown[]).length).toBe(5);

    const exp = await cli(['export', '--db', dbPath]);
    expect(exp.code).toBe(0);
    const { documents } = exp.json() as { documents: Record<string, unknown>[] };
    const hunan = documents.find((d) => d.file === '003_a76f9fbeb2c10513.txt')!;
    expect(hunan).toMatchObject({
      kind: 'policy',
      region: '湖南省',
      docNumber: '湘政办发〔2021〕38号',
      publishedOn: '2021-08-03',
      expiresOn: null,
    });
    const m = (hunan.measures as Record<string, unknown>[])[0]!;
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'label', 'title', 'text', 'tasks']));
    const t = (m.tasks as Record<string, unknown>[])[0]!;
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'text', 'departments', 'targets']));
  });

  it('uses DATABASE_PATH when --db is not given', async () => {
    const env = { DATABASE_PATH: dbPath };
    expect((await cli(['ingest', path.join(SEEDS_DIR, '003_a76f9fbeb2c10513.txt')], env)).code).toBe(0);
    expect(fs.existsSync(dbPath)).toBe(true);
    const { documents } = (await cli(['export'], env)).json() as { documents: { file: string }[] };
    expect(documents.map((d) => d.file)).toEqual(['003_a76f9fbeb2c10513.txt']);
  });

  it('fails with exit 1 and a readable message on a missing path', async () => {
    const r = await cli(['ingest', '/no/such/file.txt', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file or folder/);
    expect(r.stdout).toBe('');
  });

  it('explains usage for unknown commands and missing arguments', async () => {
    expect((await cli(['frobnicate'])).stderr).toMatch(/Unknown command "frobnicate"/);
    const r = await cli(['ingest', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Usage: measures ingest/);
  });

  it('works as `npx measures` after install, with JSON on stdout and nothing else', () => {
    // After install the bin runs the compiled CLI: it must be the current sources'.
    distFile('cli/main.js');
    // What `npx measures` executes: package.json's bin, run through its own #! line (npm's start, about a
    // second, is npm's to test).
    const bin = path.join(REPO_ROOT, pkg.bin.measures);
    const out = execFileSync(bin, ['ingest', path.join(SEEDS_DIR, '003_a76f9fbeb2c10513.txt'), '--db', dbPath], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    expect(JSON.parse(out).indexed[0].measures).toBe(20);
    const bad = spawnSync(bin, ['ingest', '/nope', '--db', dbPath], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no such file/);
  }, 30_000);
});

describe('measures ingest: folders with other files', () => {
  it('names the files of a folder it skipped instead of ignoring them silently', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-mixed-'));
    fs.copyFileSync(path.join(SEEDS_DIR, '003_a76f9fbeb2c10513.txt'), path.join(dir, 'hunan.txt'));
    fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const r = await cli(['ingest', dir, '--db', dbPath]);
    expect(r.code).toBe(0);
    const out = r.json() as { indexed: { file: string }[]; skipped: { file: string; reason: string }[] };
    expect(out.indexed.map((i) => i.file)).toEqual(['hunan.txt']);
    expect(out.skipped).toEqual([{ file: path.join(dir, 'photo.png'), reason: expect.stringMatching(/not a \.txt/) }]);
  });
});
