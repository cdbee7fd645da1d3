/**
 * Hand-written expectations for real documents of the genre (expected/*.json) and their comparison with what
 * the parser produced. Shared by corpus.test.ts (assertions) and report.ts (before/after figures).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentKind, ParsedDocument, ParsedMeasure, Precision } from '../../../../src/core/model.ts';
import { SHARED_DIR } from '../../../helpers/paths.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const EXPECTED_DIR = path.join(HERE, 'expected');
export const MORE_DIR = path.join(HERE, 'more');
export const GOVCN_DIR = path.join(SHARED_DIR, 'corpus', 'govcn-2019');

export interface ExpectedTarget {
  due: string;
  precision: Precision;
}

export interface ExpectedTask {
  lead: string[];
  co: string[];
  incomplete: boolean;
}

export interface ExpectedMeasure {
  label: string;
  title: string;
  /** One entry per responsibility bracket or line, in order; text with no responsibility is not listed. */
  tasks: ExpectedTask[];
  targets: ExpectedTarget[];
  /** Measures of one group are either all present or all absent (a choice the genre leaves open). */
  optionalGroup?: string;
}

export interface ExpectedDocument {
  file: string;
  /** govcn-2019: ../shared/corpus/govcn-2019; more: the fixtures beside this file. */
  corpus: 'govcn-2019' | 'more';
  decision: 'index';
  kind: DocumentKind;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  measures: ExpectedMeasure[];
  /** Targets stated outside any measure (主要目标 sections); checked once the parser reports them. */
  documentTargets?: ExpectedTarget[];
  /** The genre decisions taken for this document, in plain words. */
  notes: string[];
}

export interface PageDecision {
  file: string;
  decision: 'index' | 'refuse';
  kind?: DocumentKind;
  reason: string;
}

export function loadExpected(): ExpectedDocument[] {
  return readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('-decisions.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(EXPECTED_DIR, f), 'utf8')) as ExpectedDocument);
}

export function loadDecisions(): PageDecision[] {
  const raw = JSON.parse(readFileSync(path.join(EXPECTED_DIR, 'govcn-2019-decisions.json'), 'utf8')) as {
    pages: PageDecision[];
  };
  return raw.pages;
}

export function sourcePath(doc: Pick<ExpectedDocument, 'corpus' | 'file'>): string {
  return path.join(doc.corpus === 'more' ? MORE_DIR : GOVCN_DIR, doc.file);
}

/** Width differences are display, not meaning: （一） and (一), 1． and 1. are the same label. */
export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。；：:;.]$/u, '');
}

const targetKey = (t: ExpectedTarget): string => `${t.due}/${t.precision}`;

/** The expected measure list for one choice of optional groups (present or absent). */
export function variants(doc: ExpectedDocument): ExpectedMeasure[][] {
  const groups = [...new Set(doc.measures.flatMap((m) => (m.optionalGroup ? [m.optionalGroup] : [])))];
  const out: ExpectedMeasure[][] = [];
  for (let mask = 0; mask < 1 << groups.length; mask++) {
    const kept = new Set(groups.filter((_, i) => mask & (1 << i)));
    out.push(doc.measures.filter((m) => !m.optionalGroup || kept.has(m.optionalGroup)));
  }
  return out;
}

/** Longest common subsequence of labels: pairs of indices (expected, got). */
function align(exp: ExpectedMeasure[], got: ParsedMeasure[]): Array<[number, number]> {
  const a = exp.map((m) => norm(m.label));
  const b = got.map((m) => norm(m.label));
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export interface MeasureDiff {
  where: string;
  problems: string[];
}

export interface Comparison {
  /** The expected measure list chosen (the optional-group choice closest to what was parsed). */
  expected: ExpectedMeasure[];
  docProblems: string[];
  structureProblems: string[];
  titleProblems: string[];
  departmentProblems: string[];
  targetProblems: string[];
  counts: {
    measures: { expected: number; got: number; matched: number };
    tasks: { expected: number; got: number };
    units: { expected: number; got: number; matched: number };
    targets: { expected: number; got: number; matched: number };
    documentTargets: { expected: number; got: number; matched: number };
  };
}

const fmt = (xs: Iterable<string>): string => `[${[...xs].join('、')}]`;

function setDiff(what: string, exp: Set<string>, got: Set<string>): string | null {
  const missing = [...exp].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !exp.has(x));
  if (missing.length === 0 && extra.length === 0) return null;
  return `${what}: expected ${fmt(exp)}, got ${fmt(got)}${missing.length ? ` (missing ${fmt(missing)})` : ''}${extra.length ? ` (unexpected ${fmt(extra)})` : ''}`;
}

/**
 * The parser stores an unnumbered goal section (主要目标, 具体指标：…) as a measure labelled with its heading, ordinal
 * 0: the document-level targets. It is compared against `documentTargets`, never counted as a measure.
 */
export function isDocumentLevel(m: ParsedMeasure): boolean {
  return m.kind === 'measure' && m.ordinal === 0 && norm(m.label) === norm(m.title);
}

function measureUnits(m: ParsedMeasure): { lead: Set<string>; co: Set<string>; incomplete: boolean } {
  const lead = new Set<string>();
  const co = new Set<string>();
  for (const t of m.tasks) for (const d of t.departments) (d.role === 'lead' ? lead : co).add(norm(d.name));
  return { lead, co, incomplete: m.tasks.some((t) => t.departmentsIncomplete) };
}

export function compare(doc: ExpectedDocument, parsed: ParsedDocument): Comparison {
  const goalSections = parsed.measures.filter(isDocumentLevel);
  const got = { ...parsed, measures: parsed.measures.filter((m) => !isDocumentLevel(m)) };
  const docProblems: string[] = [];
  if (got.kind !== doc.kind) docProblems.push(`kind: expected ${doc.kind}, got ${got.kind}`);
  if ((got.docNumber ?? null) !== doc.docNumber)
    docProblems.push(`docNumber: expected ${doc.docNumber}, got ${got.docNumber}`);
  if ((got.publishedOn ?? null) !== doc.publishedOn)
    docProblems.push(`publishedOn: expected ${doc.publishedOn}, got ${got.publishedOn}`);
  if (norm(got.title) !== norm(doc.title)) docProblems.push(`title: expected ${doc.title}, got ${got.title}`);

  // The optional-group choice whose labels best match what was parsed.
  let expected = doc.measures;
  let pairs: Array<[number, number]> = [];
  let best = -Infinity;
  for (const v of variants(doc)) {
    const p = align(v, got.measures);
    const score = p.length * 2 - Math.abs(v.length - got.measures.length);
    if (score > best) [best, expected, pairs] = [score, v, p];
  }

  const structureProblems: string[] = [];
  const gotLabels = got.measures.map((m) => m.label);
  const expLabels = expected.map((m) => m.label);
  if (expected.length !== got.measures.length || pairs.length !== expected.length)
    structureProblems.push(
      `measures: expected ${expected.length} ${expLabels.join(' ')}\n  got ${got.measures.length} ${gotLabels.join(' ')}`,
    );
  else
    for (const [i, j] of pairs)
      if (norm(expected[i]!.label) !== norm(got.measures[j]!.label))
        structureProblems.push(`measure ${i + 1}: label expected ${expected[i]!.label}, got ${got.measures[j]!.label}`);

  const titleProblems: string[] = [];
  const departmentProblems: string[] = [];
  const targetProblems: string[] = [];
  let unitsExp = 0;
  let unitsGot = 0;
  let unitsMatched = 0;
  let targetsExp = 0;
  let targetsGot = 0;
  let targetsMatched = 0;
  for (const m of expected) {
    unitsExp +=
      new Set(m.tasks.flatMap((t) => t.lead.map(norm))).size + new Set(m.tasks.flatMap((t) => t.co.map(norm))).size;
    targetsExp += new Set(m.targets.map(targetKey)).size;
  }
  for (const m of got.measures) {
    const u = measureUnits(m);
    unitsGot += u.lead.size + u.co.size;
    targetsGot += new Set(m.tasks.flatMap((t) => t.targets.map(targetKey))).size;
  }
  for (const [i, j] of pairs) {
    const e = expected[i]!;
    const g = got.measures[j]!;
    const where = `measure ${i + 1} ${e.label}${e.title.slice(0, 16)}`;
    if (!norm(g.title).startsWith(norm(e.title)) && !norm(e.title).startsWith(norm(g.title)))
      titleProblems.push(`${where}: title expected 「${e.title}」, got 「${g.title}」`);
    const u = measureUnits(g);
    const expLead = new Set(e.tasks.flatMap((t) => t.lead.map(norm)));
    const expCo = new Set(e.tasks.flatMap((t) => t.co.map(norm)));
    for (const x of expLead) if (u.lead.has(x)) unitsMatched++;
    for (const x of expCo) if (u.co.has(x)) unitsMatched++;
    const lead = setDiff('lead', expLead, u.lead);
    const co = setDiff('co', expCo, u.co);
    const gotResp = g.tasks.filter((t) => t.responsibility !== null).length;
    const problems = [lead, co].filter((x): x is string => x !== null);
    if (gotResp !== e.tasks.length)
      problems.push(`responsibility brackets: expected ${e.tasks.length}, got ${gotResp}`);
    const expIncomplete = e.tasks.some((t) => t.incomplete);
    if (u.incomplete !== expIncomplete)
      problems.push(`incomplete list: expected ${expIncomplete}, got ${u.incomplete}`);
    if (problems.length) departmentProblems.push(`${where}: ${problems.join('; ')}`);
    const expT = new Set(e.targets.map(targetKey));
    const gotT = new Set(g.tasks.flatMap((t) => t.targets.map(targetKey)));
    for (const x of expT) if (gotT.has(x)) targetsMatched++;
    const td = setDiff('targets', expT, gotT);
    if (td) targetProblems.push(`${where}: ${td}`);
  }
  // Document-level targets: those of unnumbered goal sections, and of goal items the parser left out as context.
  const kept = new Set(expected);
  const expDoc = new Set([
    ...(doc.documentTargets ?? []).map(targetKey),
    ...doc.measures.filter((m) => !kept.has(m)).flatMap((m) => m.targets.map(targetKey)),
  ]);
  const gotDoc = new Set(goalSections.flatMap((m) => m.tasks.flatMap((t) => t.targets.map(targetKey))));
  const td = setDiff('document targets', expDoc, gotDoc);
  if (td) targetProblems.push(td);
  // A goal section holds the document's targets, not its tasks: no unit is named for one.
  for (const m of goalSections) {
    const units = m.tasks.flatMap((t) => t.departments.map((d) => d.name));
    if (units.length) departmentProblems.push(`goal section ${m.label}: names units ${fmt(units)}`);
  }
  return {
    expected,
    docProblems,
    structureProblems,
    titleProblems,
    departmentProblems,
    targetProblems,
    counts: {
      measures: { expected: expected.length, got: got.measures.length, matched: pairs.length },
      tasks: {
        expected: expected.reduce((n, m) => n + m.tasks.length, 0),
        got: got.measures.reduce((n, m) => n + m.tasks.filter((t) => t.responsibility !== null).length, 0),
      },
      units: { expected: unitsExp, got: unitsGot, matched: unitsMatched },
      targets: { expected: targetsExp, got: targetsGot, matched: targetsMatched },
      documentTargets: {
        expected: expDoc.size,
        got: gotDoc.size,
        matched: [...expDoc].filter((x) => gotDoc.has(x)).length,
      },
    },
  };
}
