import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { fixedClock } from '../../../src/lib/clock.ts';
import { silentLogger } from '../../../src/lib/logger.ts';
import { listIndexedDocuments } from '../../../src/services/document-service.ts';
import { runConsole } from '../../../src/slack/console/start-console.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { testDb } from '../../helpers/db.ts';
import { SEEDS_DIR } from '../../helpers/paths.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

const s = stringsFor('zh');

describe('console `upload <file>`', () => {
  it('adds a local file through the same handler as a file shared in Slack, and names a file it cannot read', async () => {
    const db = testDb();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-console-'));
    const file = path.join(dir, 'tianjin.txt');
    fs.copyFileSync(path.join(SEEDS_DIR, '004_f12b47b876523609.txt'), file);
    let out = '';
    try {
      await runConsole(
        {
          db,
          clock: fixedClock('2023-03-01T02:00:00Z'),
          logger: silentLogger,
          config: loadConfig({ LOG_LEVEL: 'silent' }),
          segmenter: testSegmenter,
        },
        {
          input: Readable.from([`upload ${file}\nupload ${path.join(dir, 'missing.docx')}\n`]),
          write: (t) => (out += t),
          interactive: false,
        },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(out).toContain(s.docIndexedTitle('天津市加快发展新型消费实施方案（征求意见稿）'));
    expect(out).toContain('missing.docx');
    expect(listIndexedDocuments(db, { today: '2023-03-01' }).documents).toMatchObject([
      { file: 'tianjin.txt', addedBy: 'ULOCALUSER' },
    ]);
    db.close();
  }, 30_000);
});
