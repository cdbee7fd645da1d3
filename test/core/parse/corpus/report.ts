/**
 * Prints, per document with hand expectations, what the parser found against what was expected:
 * kind, measures, tasks (responsibility brackets), units, targets, and matches.
 * Run: node --import tsx test/core/parse/corpus/report.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedDocument } from '../../../../src/core/model.ts';
import { ParseError, parseDocument } from '../../../../src/core/parse/index.ts';
import { compare, GOVCN_DIR, loadDecisions, loadExpected, sourcePath } from './expectations.ts';

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const rows: string[] = [];
rows.push(
  `${pad('document', 34)}${pad('kind', 11)}${pad('measures e/g/ok', 17)}${pad('tasks e/g', 11)}${pad('units e/g/ok', 15)}${pad('targets e/g/ok', 16)}${pad('doc tgt e/g/ok', 16)}checks failing`,
);
const total = { m: [0, 0, 0], t: [0, 0], u: [0, 0, 0], d: [0, 0, 0], g: [0, 0, 0], docs: 0, exact: 0 };
for (const doc of loadExpected()) {
  total.docs++;
  const name = `${doc.corpus === 'more' ? 'more/' : ''}${doc.file}`.slice(0, 32);
  let parsed: ParsedDocument;
  try {
    parsed = parseDocument({ file: doc.file, bytes: readFileSync(sourcePath(doc)) });
  } catch (e) {
    rows.push(`${pad(name, 34)}REFUSED: ${(e as Error).message.slice(0, 90)}`);
    const required = doc.measures.filter((m) => !m.optionalGroup);
    total.m[0]! += required.length;
    total.t[0]! += required.reduce((n, m) => n + m.tasks.length, 0);
    total.u[0]! += required.reduce(
      (n, m) => n + new Set(m.tasks.flatMap((t) => t.lead)).size + new Set(m.tasks.flatMap((t) => t.co)).size,
      0,
    );
    total.d[0]! += required.reduce((n, m) => n + new Set(m.targets.map((t) => `${t.due}/${t.precision}`)).size, 0);
    total.g[0]! += new Set((doc.documentTargets ?? []).map((t) => `${t.due}/${t.precision}`)).size;
    continue;
  }
  const c = compare(doc, parsed);
  const k = c.counts;
  const failing = [
    c.docProblems.length && 'doc',
    c.structureProblems.length && 'structure',
    c.titleProblems.length && `titles(${c.titleProblems.length})`,
    c.departmentProblems.length && `units(${c.departmentProblems.length})`,
    c.targetProblems.length && `targets(${c.targetProblems.length})`,
  ].filter(Boolean);
  if (failing.length === 0) total.exact++;
  total.m = [total.m[0]! + k.measures.expected, total.m[1]! + k.measures.got, total.m[2]! + k.measures.matched];
  total.t = [total.t[0]! + k.tasks.expected, total.t[1]! + k.tasks.got];
  total.u = [total.u[0]! + k.units.expected, total.u[1]! + k.units.got, total.u[2]! + k.units.matched];
  total.d = [total.d[0]! + k.targets.expected, total.d[1]! + k.targets.got, total.d[2]! + k.targets.matched];
  const g = k.documentTargets;
  total.g = [total.g[0]! + g.expected, total.g[1]! + g.got, total.g[2]! + g.matched];
  rows.push(
    `${pad(name, 34)}${pad(parsed.kind, 11)}${pad(`${k.measures.expected}/${k.measures.got}/${k.measures.matched}`, 17)}${pad(`${k.tasks.expected}/${k.tasks.got}`, 11)}${pad(`${k.units.expected}/${k.units.got}/${k.units.matched}`, 15)}${pad(`${k.targets.expected}/${k.targets.got}/${k.targets.matched}`, 16)}${pad(`${g.expected}/${g.got}/${g.matched}`, 16)}${failing.join(' ') || 'none'}`,
  );
}
rows.push(
  `${pad(`TOTAL (${total.exact}/${total.docs} exact)`, 45)}${pad(total.m.join('/'), 17)}${pad(total.t.join('/'), 11)}${pad(total.u.join('/'), 15)}${pad(total.d.join('/'), 16)}${pad(total.g.join('/'), 16)}`,
);
rows.push(
  'e = expected by hand, g = found by the parser, ok = found and expected (measures by label; units by name and role; targets by due date and precision; doc tgt = document-level targets, of unnumbered goal sections the parser stores as a measure labelled with the heading, ordinal 0, and not counted as measures).',
);

let right = 0;
const wrong: string[] = [];
const decisions = loadDecisions();
for (const d of decisions) {
  let refused: string | null = null;
  try {
    parseDocument({ file: d.file, bytes: readFileSync(path.join(GOVCN_DIR, d.file)) });
  } catch (e) {
    refused = e instanceof ParseError ? e.message : `crash: ${(e as Error).message}`;
  }
  const ok =
    d.decision === 'refuse'
      ? refused !== null && !/no recommendations were found|commentary/i.test(refused)
      : refused === null;
  if (ok) right++;
  else
    wrong.push(
      `  ${d.file}: expected ${d.decision} (${d.reason}); ${refused === null ? 'indexed' : `refused: ${refused.slice(0, 70)}`}`,
    );
}
rows.push('', `govcn-2019 index/refuse decisions: ${right}/${decisions.length} as expected`, ...wrong);
process.stdout.write(`${rows.join('\n')}\n`);
