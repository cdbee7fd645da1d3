import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { silentLogger } from '../src/lib/logger.ts';
import { warmSegmenter } from '../src/search/jieba-segmenter.ts';
import { runConsole } from '../src/slack/console/start-console.ts';
import { stringsFor } from '../src/slack/strings.ts';
import { seededDb } from './helpers/db.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { testSegmenter } from './helpers/segmenter.ts';

beforeAll(() => warmSegmenter(testSegmenter), 60_000);

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const s = stringsFor('zh');
/** Before the README's example dates (2027-06-30), as a reader trying it now would be. */
const NOW = '2026-11-22T01:00:00Z';

/** The console session the README shows, line by line. */
function consoleBlock(): string[] {
  const block = /```console\n([\s\S]*?)```/.exec(README)?.[1];
  if (!block) throw new Error('README has no ```console block');
  return block.split('\n').filter((l) => l.trim() !== '');
}

/** The first command of each row of the "Using it in Slack" table. */
function tableCommands(): string[] {
  const table = README.slice(README.indexOf('## Using it in Slack'), README.indexOf('In a thread'));
  return [...table.matchAll(/^\| `(\/measures [^`]+)`/gm)].map((m) => m[1]!);
}

/**
 * Runs lines through the console (the real Bolt app against the local stand-in for Slack) and returns what
 * each printed. A `press <n>` for a button that cannot exist separates one line's output from the next.
 */
async function runLines(lines: string[]): Promise<string[]> {
  let out = '';
  const marker = (i: number) => 9000 + i;
  const input = lines.flatMap((l, i) => [l, `press ${marker(i)}`]).join('\n');
  const db = await seededDb();
  await runConsole(
    {
      db,
      clock: fixedClock(NOW),
      logger: silentLogger,
      config: loadConfig({ LOG_LEVEL: 'warn' }),
      segmenter: testSegmenter,
    },
    {
      input: Readable.from([`${input}\n`]),
      write: (t) => {
        out += t;
      },
      interactive: false,
    },
  );
  db.close();
  const parts: string[] = [];
  let rest = out.slice(out.indexOf('\n\n') + 2); // after the banner
  lines.forEach((_, i) => {
    const sep = s.consoleNoSuchButton(String(marker(i)));
    const end = rest.indexOf(sep);
    parts.push(end < 0 ? rest : rest.slice(0, end));
    rest = end < 0 ? '' : rest.slice(end + sep.length);
  });
  return parts;
}

/** What a line answered when it did not work as written. */
const FAILURES = [
  s.resultsCount(0, 0, 0),
  s.genericError,
  s.fuNoThreadFollowup,
  '没有找到编号为',
  '不是有效的编号',
  '这个子命令',
  '已有未完成的跟进',
  '不认识这个指令',
  '没有编号为',
  ...Object.values(s.fuParseError),
  ...Object.values(s.searchErrors),
];

function expectWorked(line: string, output: string): void {
  expect(output.trim(), `${line} printed nothing`).not.toBe('');
  for (const f of FAILURES) expect(output, `${line}\n${output}`).not.toContain(f.replace(/\{(id|doc|date)\}.*$/, ''));
}

describe('the README, tried in the console as written', () => {
  it('every line of the console example works, and the follow-up goes through its life', async () => {
    const lines = consoleBlock();
    expect(lines.length).toBeGreaterThan(10);
    const outputs = await runLines(lines);
    for (const [i, line] of lines.entries()) expectWorked(line, outputs[i]!);
    const of = (start: string) => outputs[lines.findIndex((l) => l.startsWith(start))]!;
    expect(of('冷链 地区:天津')).toContain('天津市');
    expect(of('assign ')).toContain(s.fuAssigned('F1'));
    expect(of('followups mine')).toContain('F1');
    expect(of('@measures blocked')).toContain(s.fuStatus.blocked);
    expect(of('@measures reassign')).toContain('UWANG');
    expect(of('@measures done')).toContain(s.fuStatus.done);
    expect(of('followups done')).toContain('F1');
  }, 120_000);

  it('every command of the table works', async () => {
    const lines = tableCommands();
    expect(lines.length).toBeGreaterThan(8);
    const outputs = await runLines(lines);
    for (const [i, line] of lines.entries()) expectWorked(line, outputs[i]!);
  }, 120_000);
});
