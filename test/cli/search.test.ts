import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexFingerprint } from '../../src/core/search/segment.ts';
import { openDatabase } from '../../src/db/open.ts';
import { readIndexFingerprint, writeIndexFingerprint } from '../../src/repo/search-index-repo.ts';
import { cli } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

let dbPath: string;
beforeAll(async () => {
  dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'measures-search-')), 'm.db');
  expect((await cli(['ingest', SEEDS_DIR, '--db', dbPath])).code).toBe(0);
}, 60_000);

describe('measures search', () => {
  it('prints JSON results with ids, labels and **highlighted** snippets', async () => {
    const r = await cli(['search', '5G基站', '--json', '--db', dbPath]);
    expect(r.code).toBe(0);
    const { results } = r.json() as {
      results: { id: string; file: string; label: string; title: string; snippet: string; score: number }[];
    };
    expect(results[0]).toMatchObject({ file: '004_f12b47b876523609.txt', label: '（四）' });
    expect(results[0]!.snippet).toContain('**5G基站**');
    expect(results[0]!.score).toBeGreaterThan(0);
  });

  it('applies filters and the limit', async () => {
    const r = await cli(['search', '消费', '--json', '--limit', '3', '--region', '天津', '--db', dbPath]);
    const { results } = r.json() as { results: { file: string }[] };
    expect(results).toHaveLength(3);
    expect(new Set(results.map((x) => x.file))).toEqual(new Set(['004_f12b47b876523609.txt']));
    const dept = await cli(['search', '--dept', '人社', '--json', '--db', dbPath]);
    expect((dept.json().results as unknown[]).length).toBeGreaterThan(0);
  });

  it('reads the same query text as /measures: filter words in the query equal the flags', async () => {
    const words = await cli(['search', '消费', '地区:天津', '--json', '--db', dbPath]);
    const flags = await cli(['search', '消费', '--region', '天津', '--json', '--db', dbPath]);
    expect(words.code).toBe(0);
    const files = (r: typeof words) => (r.json().results as { file: string }[]).map((x) => x.file);
    expect(files(words)).toEqual(files(flags));
    expect(new Set(files(words))).toEqual(new Set(['004_f12b47b876523609.txt']));
    const bad = await cli(['search', '冷链', '年:明年', '--db', dbPath]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('明年');
  });

  it('prints readable lines without --json', async () => {
    const r = await cli(['search', '充电桩', '--db', dbPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/measures? found/);
    expect(r.stdout).toContain('**充电桩**');
  });

  it('exits 1 with a readable message on bad input, never an SQLite error', async () => {
    for (const args of [
      ['冷'.repeat(300)],
      ['***'],
      [],
      ['冷链', '--kind', 'law'],
      ['冷链', '--limit', 'x'],
      ['冷链', '--due-to', 'soon'],
    ]) {
      const r = await cli(['search', ...args, '--db', dbPath]);
      expect(r.code, args.join(' ').slice(0, 20)).toBe(1);
      expect(r.stderr).not.toMatch(/sqlite|fts5|syntax error/i);
      expect(r.stderr.length).toBeGreaterThan(10);
    }
    const hostile = await cli(['search', "'; DROP TABLE measures;--", 'NEAR(', '--json', '--db', dbPath]);
    expect(hostile.code).toBe(0);
  });
});

describe('measures search on a stale index', () => {
  it('rebuilds an index built with another dictionary before searching, as the bot does at start-up', async () => {
    const stale = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'measures-stale-')), 'm.db');
    fs.copyFileSync(dbPath, stale);
    const db = openDatabase(stale);
    // As if segmented by an older dictionary: the stored tokens match nothing any more.
    writeIndexFingerprint(db, 'older-dictionary');
    db.exec("UPDATE measure_fts SET title = 'x', body = 'x', chars = 'x', departments = 'x', facets = 'x'");
    db.close();
    const r = await cli(['search', '5G基站', '--json', '--db', stale]);
    expect(r.code).toBe(0);
    expect((r.json().results as { file: string }[])[0]).toMatchObject({ file: '004_f12b47b876523609.txt' });
    const after = openDatabase(stale);
    expect(readIndexFingerprint(after)).toBe(indexFingerprint(testSegmenter));
    after.close();
  }, 60_000);
});

describe('what a new user gets wrong on the command line', () => {
  it('an unknown option is named with the closest valid one and the list, not Node’s message', async () => {
    const r = await cli(['search', '冷链', '--jsn', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown option --jsn. Did you mean --json?');
    expect(r.stderr).toContain('Valid options: --json, --limit');
    expect(r.stderr).not.toContain('positional argument');
  });

  it('a missing value names the option', async () => {
    const r = await cli(['search', '冷链', '--limit']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--limit needs a value');
  });

  it('searching a missing or empty index says so, exits 1 and creates no file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-typo-'));
    const typo = path.join(dir, 'typo.db');
    const missing = await cli(['search', '冷链', '--db', typo]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`There is no database at ${typo}`);
    expect(fs.existsSync(typo)).toBe(false);
    const empty = path.join(dir, 'empty.db');
    expect((await cli(['export', '--db', empty])).code).toBe(1);
    const db = openDatabase(empty);
    db.close();
    expect((await cli(['ingest', path.join(dir, 'nothing-here'), '--db', empty])).code).toBe(1);
    const r = await cli(['search', '冷链', '--db', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no documents yet/);
    expect(r.stdout).toBe('');
  });

  it('file problems give advice for the command line, not "upload"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-empty-file-'));
    fs.writeFileSync(path.join(dir, 'blank.txt'), '   \n');
    const r = await cli(['ingest', dir, '--db', path.join(dir, 'x.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('blank.txt');
    expect(r.stderr.toLowerCase()).not.toContain('upload');
  });
});
