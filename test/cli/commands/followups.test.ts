import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvField } from '../../../src/cli/commands/followups.ts';
import { migrate } from '../../../src/db/migrate.ts';
import { openDatabase } from '../../../src/db/open.ts';
import { insertFollowup } from '../../../src/repo/followups-repo.ts';
import { cli } from '../../helpers/cli.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dbWithFollowups(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fu-cli-'));
  dirs.push(dir);
  const file = path.join(dir, 'm.db');
  const db = openDatabase(file);
  migrate(db);
  const base = { taskId: null, targetId: null, createdBy: 'U2', channel: 'C1', threadTs: '1.1', dedupeKey: null };
  insertFollowup(
    db,
    { ...base, measureId: 'abcd-4', assignee: 'U1', due: '2026-12-31', note: '他说："先做冷库, 再说"\n第二行' },
    '2026-11-01T00:00:00.000Z',
  );
  insertFollowup(
    db,
    { ...base, measureId: 'abcd-5', assignee: 'U3', due: null, note: null },
    '2026-11-02T00:00:00.000Z',
  );
  // F1's measure went with its document (what removing a document records for its follow-ups).
  db.prepare(
    `INSERT INTO followup_orphans (followup_id, reason, document_id, document_title, measure_label, measure_title, at)
     VALUES ('F1', 'document_removed', 'abcd', '天津市加快发展新型消费实施方案', '（四）', '发展冷链物流', '2026-11-03T00:00:00Z')`,
  ).run();
  db.close();
  return file;
}

/**
 * The exported fields, in order, written out here rather than imported from src (FOLLOWUP_FIELDS): spreadsheets and
 * scripts read them by name and position, so a change to the list must fail this test.
 */
const DOCUMENTED_FIELDS = [
  'id',
  'targetId',
  'taskId',
  'measureId',
  'assignee',
  'createdBy',
  'due',
  'status',
  'note',
  'channel',
  'threadTs',
  'createdAt',
  'updatedAt',
  'measureTitle',
  'measureRemoved',
  'documentTitle',
];

describe('measures followups', () => {
  it('prints every follow-up as JSON with the documented fields', async () => {
    const file = dbWithFollowups();
    const r = await cli(['followups', '--json', '--db', file]);
    expect(r.code).toBe(0);
    const { followups } = r.json() as { followups: Record<string, unknown>[] };
    expect(followups.map((f) => f.id)).toEqual(['F1', 'F2']);
    expect(Object.keys(followups[0]!)).toEqual(DOCUMENTED_FIELDS);
    expect(followups[1]).toMatchObject({ measureId: 'abcd-5', assignee: 'U3', due: null, status: 'open' });
    // What a follow-up was about when its measure is gone: the title it had and why it went.
    expect(followups[0]).toMatchObject({
      measureTitle: '发展冷链物流',
      measureRemoved: 'document_removed',
      documentTitle: '天津市加快发展新型消费实施方案',
    });
    // A measure id the index has never held (no record of it): said to be missing.
    expect(followups[1]).toMatchObject({ measureTitle: null, measureRemoved: 'missing', documentTitle: null });
  });

  it('prints RFC 4180 CSV that round-trips quotes, commas and line breaks', async () => {
    const file = dbWithFollowups();
    const r = await cli(['followups', '--csv', '--db', file]);
    expect(r.code).toBe(0);
    // A UTF-8 byte-order mark first, so spreadsheets read the Chinese correctly.
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const lines = r.stdout.slice(1).split('\r\n');
    expect(lines[0]).toBe(DOCUMENTED_FIELDS.join(','));
    expect(r.stdout).toContain('"他说：""先做冷库, 再说""\n第二行"');
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(parseCsv(r.stdout)[1]![8]).toBe('他说："先做冷库, 再说"\n第二行');
    expect(parseCsv(r.stdout)).toHaveLength(3);
  });

  it('refuses --json with --csv', async () => {
    const r = await cli(['followups', '--json', '--csv', '--db', dbWithFollowups()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Usage: measures followups/);
  });

  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    // a note typed in Slack never runs as a spreadsheet formula
    expect(csvField('=HYPERLINK("http://x","y"),含逗号')).toBe('"\'=HYPERLINK(""http://x"",""y""),含逗号"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

/** A small RFC 4180 reader, to check the output is what a spreadsheet reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
