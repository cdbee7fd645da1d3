import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliUser } from '../../../src/cli/commands/ingest.ts';
import { openDatabase } from '../../../src/db/open.ts';
import { cli } from '../../helpers/cli.ts';
import { insertMeasureFollowup } from '../../helpers/followup-fixture.ts';
import { SEEDS_DIR } from '../../helpers/paths.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const TIANJIN = path.join(SEEDS_DIR, '004_f12b47b876523609.txt');

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-cli-'));
  dirs.push(dir);
  return dir;
}

describe('measures docs / remove', () => {
  it('lists the indexed documents with who added them, and removes one keeping its follow-ups', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'm.db');
    expect((await cli(['ingest', TIANJIN, '--db', db])).code).toBe(0);
    const docs = (await cli(['docs', '--db', db])).json() as { total: number; documents: Record<string, unknown>[] };
    expect(docs.total).toBe(1);
    const doc = docs.documents[0]!;
    expect(doc).toMatchObject({
      title: '天津市加快发展新型消费实施方案（征求意见稿）',
      region: '天津市',
      docNumber: null,
      measures: 19,
      status: 'expired',
      addedBy: cliUser(),
      addedAt: '2026-11-22T01:00:00.000Z',
    });

    const conn = openDatabase(db);
    insertMeasureFollowup(
      conn,
      { measureId: `${doc.id}-3`, assignee: 'U1', createdBy: 'U2', channel: 'C1', threadTs: '1.1' },
      '2026-11-22T00:00:00Z',
    );
    conn.close();

    const removed = await cli(['remove', String(doc.id), '--db', db]);
    expect(removed.code).toBe(0);
    expect(removed.json()).toMatchObject({ ok: true, measures: 19, orphanedFollowups: ['F1'] });
    expect(((await cli(['docs', '--db', db])).json() as { total: number }).total).toBe(0);
    const followups = (await cli(['followups', '--json', '--db', db])).json() as { followups: { id: string }[] };
    expect(followups.followups.map((f) => f.id)).toEqual(['F1']);

    const again = await cli(['remove', String(doc.id), '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/No indexed document has the id/);
  });

  it('prints what a revision changed on stderr, JSON stays on stdout', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'm.db');
    const file = path.join(dir, 'tianjin.txt');
    const text = fs.readFileSync(TIANJIN, 'utf8');
    fs.writeFileSync(file, text);
    await cli(['ingest', file, '--db', db]);
    fs.writeFileSync(file, text.replace(/（十九）注重新闻宣传政策解读。[^\n]*\n/, ''));
    const r = await cli(['ingest', file, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/revision of tianjin\.txt \(same file name\)/);
    expect(r.stderr).toMatch(/removed: （十九） [a-z2-9]{4}-19/);
    const [indexed] = (r.json() as { indexed: { status: string; changes: { removed: unknown[] } }[] }).indexed;
    expect(indexed!.status).toBe('updated');
    expect(indexed!.changes.removed).toHaveLength(1);
  });

  it('explains a bad --limit', async () => {
    const r = await cli(['docs', '--limit', '0', '--db', path.join(tempDir(), 'm.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--limit must be/);
  });
});
