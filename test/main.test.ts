import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { distFile } from './helpers/dist.ts';
import { REPO_ROOT } from './helpers/paths.ts';

/**
 * What `npm start` runs: package.json's start script, `node dist/<file>`. Read by each test, so a missing or stale
 * build fails the tests that run it, with the reason, rather than the loading of this file.
 */
function mainFile(): string {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const file = /^node dist\/(\S+)$/.exec(scripts.start)?.[1];
  if (!file) throw new Error(`npm start is "${scripts.start}": this test runs "node dist/<file>"`);
  return distFile(file);
}

/** Runs `node dist/main.js` as `npm start` does, with only the given environment (no Slack credentials leak in). */
function runMain(
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainFile()], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm start', () => {
  it('exits 1 naming each bad setting', async () => {
    const r = await runMain({ SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty', DIGEST_TZ: 'Mars/Olympus' }, '');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Invalid configuration');
    expect(r.stderr).toMatch(/SLACK_BOT_TOKEN .*xoxb-/);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('DIGEST_TZ');
    expect(r.stdout).toBe('');
  }, 30_000);

  it('without Slack credentials answers piped /measures lines in the console, buttons included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-main-'));
    try {
      const r = await runMain(
        { DATABASE_PATH: path.join(dir, 'db.sqlite'), LOG_LEVEL: 'warn' },
        '/measures 冷链\npress 1\nshow nosuch-9\n',
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('══ 🔎 冷链 ══');
      expect(r.stdout).toContain('*冷链*');
      const detailId = r.stdout.match(/\[1\] 详情 \(press 1 \| show ([a-z0-9-]+)\)/)?.[1];
      expect(detailId).toBeDefined();
      // press 1 opened the detail of that measure: its id appears in a header's context line after the results.
      expect(r.stdout.split('[1] 详情')[1]).toContain(`\`${detailId}\``);
      expect(r.stdout).toContain('nosuch-9');
      expect(fs.existsSync(path.join(dir, 'db.sqlite'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('npm start on a damaged database', () => {
  it('refuses to start, naming the file and what to do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-damaged-'));
    const file = path.join(dir, 'db.sqlite');
    try {
      const db = openDatabase(file);
      migrate(db);
      const insert = db.prepare('INSERT INTO processed_events (key, at) VALUES (?, ?)');
      db.transaction(() => {
        for (let i = 0; i < 2000; i++) insert.run(`event-${i}-${'x'.repeat(40)}`, '2026-01-01T00:00:00Z');
      })();
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.close();
      // One data page zeroed (a bad sector, a torn copy): the schema still reads, only a check finds it.
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, (pages - 2) * 4096);
      fs.closeSync(fd);
      const r = await runMain({ DATABASE_PATH: file, LOG_LEVEL: 'warn' }, '');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('could not start');
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(/damaged.*restore it from a backup/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('npm start in HTTP mode', () => {
  it('serves /healthz and shuts down cleanly on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-http-'));
    const child = spawn(process.execPath, [mainFile()], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_PATH: path.join(dir, 'db.sqlite'),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        PORT: '0',
        // Nothing listens here: the bot's auth.test fails locally instead of reaching out.
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      },
    });
    let stderr = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = stderr.match(/slack app started .*"port":(\d+)/);
        if (m) resolve(Number(m[1]));
      });
      child.on('close', () => reject(new Error(`exited early:\n${stderr}`)));
    });
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
      ok: boolean;
      measures: number;
    };
    expect(health.ok).toBe(true);
    expect(health.measures).toBeGreaterThan(0);
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGTERM');
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('shutting down');
  }, 60_000);
});
