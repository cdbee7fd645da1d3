import type { ForceStatus } from '../core/documents/in-force.ts';
import { forceStatus } from '../core/documents/in-force.ts';
import type { Db } from '../db/open.ts';
import {
  type DocumentRow,
  listDocuments,
  listMeasures,
  listTasks,
  type MeasureRow,
  type TargetRow,
  type TaskRow,
} from '../repo/documents-repo.ts';

/** The `measures export` JSON contract (other parts and checks rely on its field names). */

export interface ExportedTask extends Pick<TaskRow, 'id' | 'text' | 'responsibility'> {
  departments: string[];
  leadDepartments: string[];
  targets: Pick<TargetRow, 'id' | 'text' | 'due' | 'precision' | 'periodStart' | 'quantity'>[];
}

export interface ExportedItem extends Pick<MeasureRow, 'id' | 'label' | 'title' | 'text' | 'section'> {
  author?: string | null;
  tasks: ExportedTask[];
}

export interface ExportedDocument extends Omit<DocumentRow, 'contentHash' | 'ingestedAt'> {
  /** In force as of the export date (computed, not stored). */
  status: ForceStatus;
  /** Numbered measures (policy documents). */
  measures: ExportedItem[];
  /** Q&A pairs (kind qa): title is the question, text the answer. */
  answers: ExportedItem[];
  /** Signed recommendations (kind commentary), with their author. */
  proposals: ExportedItem[];
}

const exportTask = (t: TaskRow): ExportedTask => ({
  id: t.id,
  text: t.text,
  departments: t.departments.map((d) => d.name),
  leadDepartments: t.departments.filter((d) => d.role === 'lead').map((d) => d.name),
  responsibility: t.responsibility,
  targets: t.targets.map((g) => ({
    id: g.id,
    text: g.text,
    due: g.due,
    precision: g.precision,
    periodStart: g.periodStart,
    quantity: g.quantity,
  })),
});

const exportItem = (m: MeasureRow, tasks: TaskRow[]): ExportedItem => ({
  id: m.id,
  label: m.label,
  title: m.title,
  text: m.text,
  section: m.section,
  ...(m.kind === 'proposal' ? { author: m.author } : {}),
  tasks: tasks.filter((t) => t.measureId === m.id).map(exportTask),
});

export function exportIndex(db: Db, today: string): { documents: ExportedDocument[] } {
  const documents = listDocuments(db).map((d) => {
    const measures = listMeasures(db, d.id);
    const tasks = listTasks(
      db,
      measures.map((m) => m.id),
    );
    const of = (kind: MeasureRow['kind']) => measures.filter((m) => m.kind === kind).map((m) => exportItem(m, tasks));
    return {
      id: d.id,
      file: d.file,
      title: d.title,
      kind: d.kind,
      region: d.region,
      issuer: d.issuer,
      docNumber: d.docNumber,
      publishedOn: d.publishedOn,
      effectiveOn: d.effectiveOn,
      expiresOn: d.expiresOn,
      status: forceStatus(d, today),
      authors: d.authors,
      measures: of('measure'),
      answers: of('answer'),
      proposals: of('proposal'),
    };
  });
  return { documents };
}
