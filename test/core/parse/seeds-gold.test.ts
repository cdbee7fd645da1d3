import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { parseDocument } from '../../../src/core/parse/index.ts';
import { type GoldTarget, loadGold } from '../../helpers/gold.ts';
import { SEEDS_DIR } from '../../helpers/paths.ts';

const gold = { documents: loadGold() };
const parsed = new Map<string, ParsedDocument>(
  readdirSync(SEEDS_DIR).map((f) => [f, parseDocument({ file: f, bytes: readFileSync(path.join(SEEDS_DIR, f)) })]),
);

function allTargets(doc: ParsedDocument) {
  return doc.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets));
}

function expectTarget(
  actual: { text: string; due: string; precision: string; periodStart: string | null },
  g: GoldTarget,
): void {
  expect(actual.text).toBe(g.quote);
  if (g.due) expect(actual.due).toBe(g.due);
  if (g.due_accept) expect(g.due_accept).toContain(actual.due);
  expect(actual.precision).toBe(g.precision);
  expect(actual.periodStart).toBe(g.period_start ?? null);
}

describe('seed documents match the gold file', () => {
  it('parses every seed and every gold document has a seed', () => {
    for (const g of gold.documents) expect(parsed.has(g.file), g.file).toBe(true);
  });

  for (const g of gold.documents) {
    describe(g.file, () => {
      const doc = () => parsed.get(g.file)!;

      it('has the gold metadata', () => {
        const d = doc();
        expect(d.title).toBe(g.title);
        expect(d.region).toBe(g.region);
        expect(d.kind).toBe(g.kind);
        if ('doc_number' in g) expect(d.docNumber).toBe(g.doc_number);
        expect(d.publishedOn).toBe(g.date ?? null);
        if ('expires' in g) expect(d.expiresOn).toBe(g.expires);
      });

      if (g.measures) {
        it('has the gold measures, tasks, departments and targets', () => {
          const d = doc();
          expect(d.measures.map((m) => m.label)).toEqual(g.measures!.map((m) => m.label));
          g.measures!.forEach((gm, i) => {
            const m = d.measures[i]!;
            expect(m.title, gm.label).toBe(gm.title);
            expect(
              m.tasks.map((t) => t.departments.map((x) => x.name)),
              gm.label,
            ).toEqual(gm.tasks.map((t) => t.departments));
            gm.tasks.forEach((gt, k) => {
              const targets = m.tasks[k]!.targets;
              expect(targets.length, `${gm.label} task ${k + 1}`).toBe(gt.targets?.length ?? 0);
              for (const [j, tg] of (gt.targets ?? []).entries()) expectTarget(targets[j]!, tg);
            });
          });
        });
      }

      if (g.targets) {
        it('has exactly the gold targets', () => {
          const targets = allTargets(doc());
          expect(targets.map((t) => t.text)).toEqual(g.targets!.map((t) => t.quote));
          for (const [j, tg] of g.targets!.entries()) expectTarget(targets[j]!, tg);
        });
      }

      it('never reports a non-target or a non-department parenthetical', () => {
        const d = doc();
        const quotes = allTargets(d).map((t) => t.text);
        for (const nt of g.non_targets ?? [])
          for (const q of quotes) expect(q.includes(nt) || nt.includes(q), nt).toBe(false);
        const names = d.measures.flatMap((m) => m.tasks.flatMap((t) => t.departments.map((x) => x.name)));
        const responsibilities = d.measures.flatMap((m) => m.tasks.map((t) => t.responsibility));
        for (const p of g.non_department_parentheticals ?? []) {
          expect(names, p).not.toContain(p);
          expect(responsibilities, p).not.toContain(p);
        }
      });

      if (g.kind === 'commentary') {
        it('has signed proposals without departments or targets', () => {
          const d = doc();
          expect(d.measures.length).toBeGreaterThan(0);
          for (const m of d.measures) {
            expect(m.kind).toBe('proposal');
            expect(m.author).not.toBeNull();
            expect(m.tasks.every((t) => t.departments.length === 0 && t.targets.length === 0)).toBe(true);
          }
          // The gold notes list the authors article by article ("黄茂钦 龚婷婷" is one article's pair).
          const listed = /authors: ([^)]*)\)/.exec(g.notes ?? '');
          if (listed) expect(d.authors).toEqual(listed[1]!.split(/;\s*/).flatMap((a) => a.split(/\s+/)));
        });
      }
    });
  }

  it('totals: Hunan 20 measures / 20 tasks, Tianjin 19 measures / 51 tasks / 7 targets', () => {
    const count = (f: string) => {
      const d = [...parsed.entries()].find(([k]) => k.startsWith(f))![1];
      return [d.measures.length, d.measures.reduce((n, m) => n + m.tasks.length, 0), allTargets(d).length];
    };
    expect(count('003_')).toEqual([20, 20, 0]);
    expect(count('004_')).toEqual([19, 51, 7]);
    expect(count('002_')[2]).toBe(1);
  });
});
