/**
 * Not a test: one line per page of a saved corpus (kind, measures, tasks, units, targets, notes or the refusal),
 * for reading the parser's results against the pages by eye.
 *   node --import tsx test/core/parse/corpus-report.ts [folder] [--notes]
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParseError, parseDocument } from '../../../src/core/parse/index.ts';

const args = process.argv.slice(2);
const showNotes = args.includes('--notes');
const dir =
  args.find((a) => !a.startsWith('--')) ?? path.join(import.meta.dirname, '../../../../shared/corpus/govcn-2019');
for (const file of fs
  .readdirSync(dir)
  .filter((f) => /\.(html?|txt|md)$/.test(f))
  .sort()) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)));
  try {
    const doc = parseDocument({ file, bytes });
    const tasks = doc.measures.flatMap((m) => m.tasks);
    const units = tasks.reduce((s, t) => s + t.departments.length, 0);
    const targets = tasks.reduce((s, t) => s + t.targets.length, 0);
    const kindNote = doc.notes.find((n) => n.kind === 'kind')?.message ?? '';
    const counts = new Map<string, number>();
    for (const n of doc.notes) if (n.kind !== 'kind') counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    const flagged = [...counts].map(([k, v]) => `${k}×${v}`).join(' ');
    console.log(
      `${file}\t${doc.kind}\tmeasures=${doc.measures.length}\ttasks=${tasks.length}\tunits=${units}\ttargets=${targets}\t${kindNote}${flagged ? `\t[${flagged}]` : ''}`,
    );
    if (showNotes)
      for (const n of doc.notes)
        if (n.kind !== 'kind') console.log(`    ${n.kind} ${n.label ?? ''} ${n.message} «${n.excerpt ?? ''}»`);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    console.log(`${file}\tREFUSED\t${e.code}\t${e.message.replace(`${file} `, '').slice(0, 140)}`);
  }
}
