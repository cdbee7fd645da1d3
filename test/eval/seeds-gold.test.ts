import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { type ExportedDocument, exportIndex } from '../../src/services/export-service.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { testDb } from '../helpers/db.ts';
import { loadGold } from '../helpers/gold.ts';
import { SEEDS_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

/** The seeds exported through the real ingest path must match ../shared/eval/seeds-gold.json exactly. */

const gold = { documents: loadGold() };

let exported: ExportedDocument[];

const allItems = (d: ExportedDocument) => [...d.measures, ...d.answers, ...d.proposals];
const allTargets = (d: ExportedDocument) => allItems(d).flatMap((m) => m.tasks.flatMap((t) => t.targets));

beforeAll(async () => {
  const db = testDb();
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2026-11-22T01:00:00Z'), segmenter: testSegmenter }, [
    SEEDS_DIR,
  ]);
  exported = exportIndex(db, '2026-11-22').documents;
});

describe('seeds match the gold structure', () => {
  it('indexes every seed document', () => {
    expect(exported.map((d) => d.file).sort()).toEqual(gold.documents.map((d) => d.file).sort());
  });

  for (const g of gold.documents) {
    describe(g.file, () => {
      const doc = () => exported.find((d) => d.file === g.file)!;

      it('has the right metadata', () => {
        const d = doc();
        expect(d.title).toBe(g.title);
        expect(d.region).toBe(g.region);
        expect(d.kind).toBe(g.kind);
        if ('doc_number' in g) expect(d.docNumber).toBe(g.doc_number);
        if (g.date) expect(d.publishedOn).toBe(g.date);
        if ('expires' in g) expect(d.expiresOn).toBe(g.expires);
      });

      it('has exactly the gold measures, tasks, departments and targets', () => {
        const d = doc();
        const expected = (g.measures ?? []).map((m) => ({
          label: m.label,
          title: m.title,
          tasks: m.tasks.map((t) => ({
            departments: t.departments,
            targets: (t.targets ?? []).map((x) => ({
              text: x.quote,
              due: x.due,
              precision: x.precision,
              periodStart: x.period_start ?? null,
            })),
          })),
        }));
        const actual = d.measures.map((m) => ({
          label: m.label,
          title: m.title,
          tasks: m.tasks.map((t) => ({
            departments: t.departments,
            targets: t.targets.map((x) => ({
              text: x.text,
              due: x.due,
              precision: x.precision,
              periodStart: x.periodStart,
            })),
          })),
        }));
        expect(actual).toEqual(expected);
      });

      if (g.targets) {
        it('finds the document-level targets and no others', () => {
          const found = allTargets(doc());
          expect(found).toHaveLength(g.targets!.length);
          for (const t of g.targets!) {
            const hit = found.find((f) => f.text.includes(t.quote) || t.quote.includes(f.text));
            expect(hit, t.quote).toBeDefined();
            expect(t.due_accept ?? [t.due]).toContain(hit!.due);
            expect(hit!.precision).toBe(t.precision);
          }
        });
      }

      it('never takes a non-target for a target or a non-department for a department', () => {
        const d = doc();
        for (const nt of g.non_targets ?? []) {
          for (const t of allTargets(d))
            expect(t.text.includes(nt) || nt.includes(t.text), `${nt} ~ ${t.text}`).toBe(false);
        }
        const departments = allItems(d).flatMap((m) => m.tasks.flatMap((t) => t.departments));
        for (const p of g.non_department_parentheticals ?? []) expect(departments).not.toContain(p);
      });
    });
  }

  it('totals: 39 numbered measures, Tianjin 51 tasks, 8 dated targets', () => {
    expect(exported.reduce((n, d) => n + d.measures.length, 0)).toBe(39);
    const tianjin = exported.find((d) => d.file.startsWith('004'))!;
    expect(tianjin.measures.reduce((n, m) => n + m.tasks.length, 0)).toBe(51);
    expect(exported.reduce((n, d) => n + allTargets(d).length, 0)).toBe(8);
  });
});
