import type { DocumentKind, ParsedDepartment, ParsedTarget } from '../../../src/core/model.ts';
import type { Db } from '../../../src/db/open.ts';
import { replaceDocument } from '../../../src/repo/documents-writer.ts';
import { indexMeasures } from '../../../src/repo/search-index-repo.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

/** A measure as tests describe it: one task per entry in `tasks`. */
export interface FixtureMeasure {
  label: string;
  title: string;
  text: string;
  kind?: 'measure' | 'answer' | 'proposal';
  tasks?: { departments?: ParsedDepartment[]; targets?: Pick<ParsedTarget, 'text' | 'due'>[] }[];
}

export interface FixtureDocument {
  id: string;
  file?: string;
  title?: string;
  kind?: DocumentKind;
  region?: string | null;
  /** The region with its parents (江苏省, 南京市); defaults to the region alone. */
  regionPath?: string[];
  effectiveOn?: string | null;
  expiresOn?: string | null;
  measures: FixtureMeasure[];
}

/** Stores a document the way the ingest service does (replaceDocument, then indexMeasures) in one transaction. */
export function addDocument(db: Db, d: FixtureDocument): string[] {
  const measureIds = d.measures.map((_, i) => `${d.id}-${i + 1}`);
  db.transaction(() => {
    replaceDocument(db, {
      id: d.id,
      file: d.file ?? `${d.id}.txt`,
      contentHash: `hash-${d.id}`,
      ingestedAt: '2024-01-01T00:00:00.000Z',
      doc: {
        title: d.title ?? `文件${d.id}`,
        kind: d.kind ?? 'policy',
        region: d.region === undefined ? '天津市' : d.region,
        regionPath: d.regionPath ?? (d.region === undefined ? ['天津市'] : d.region === null ? [] : [d.region]),
        issuer: null,
        docNumber: null,
        publishedOn: '2021-06-01',
        effectiveOn: d.effectiveOn ?? null,
        expiresOn: d.expiresOn ?? null,
        authors: [],
        notes: [],
        measures: [],
      },
      measures: d.measures.map((m, i) => ({
        id: measureIds[i]!,
        contentHash: `h-${measureIds[i]}`,
        measure: {
          kind: m.kind ?? 'measure',
          section: null,
          label: m.label,
          ordinal: i + 1,
          title: m.title,
          text: m.text,
          author: null,
          tasks: [],
        },
        tasks: (m.tasks ?? [{}]).map((t, ti) => {
          const taskId = `${measureIds[i]}.${ti + 1}`;
          return {
            id: taskId,
            contentHash: `h-${taskId}`,
            task: {
              text: m.text,
              responsibility: null,
              departments: t.departments ?? [],
              departmentsIncomplete: false,
              targets: [],
            },
            targets: (t.targets ?? []).map((g, gi) => ({
              id: `${taskId}.t${gi + 1}`,
              target: { text: g.text, due: g.due, precision: 'year' as const, periodStart: null, quantity: null },
            })),
          };
        }),
      })),
    });
    indexMeasures(db, measureIds, testSegmenter);
  })();
  return measureIds;
}
