/**
 * A parsed document against what the index holds for it → every id decided, the ids that retire, and what
 * changed for people (measures added, removed, changed in text, deadline or units). Pure: the ingest service
 * reads the old rows and writes the plan.
 */

import { hashText, measureIdBase, targetId, taskId } from '../ids.ts';
import type { DepartmentRole, ItemKind, ParsedDocument, ParsedMeasure, ParsedTarget, ParsedTask } from '../model.ts';
import { assignIds, idAllocator, type MatchedBy, suffixFresh } from './assign-ids.ts';

export interface OldTarget {
  id: string;
  text: string;
  due: string;
}

export interface OldTask {
  id: string;
  text: string;
  departments: { name: string; role: DepartmentRole }[];
  targets: OldTarget[];
}

export interface OldMeasure {
  id: string;
  kind: ItemKind;
  label: string;
  title: string;
  text: string;
  tasks: OldTask[];
}

export interface PlannedTask {
  id: string;
  contentHash: string;
  task: ParsedTask;
  targets: { id: string; target: ParsedTarget }[];
}

export interface PlannedMeasure {
  id: string;
  contentHash: string;
  measure: ParsedMeasure;
  tasks: PlannedTask[];
}

export type IdLevel = 'document' | 'measure' | 'task' | 'target';

export interface MeasureRef {
  id: string;
  label: string;
  title: string;
}

export type ChangeAspect = 'text' | 'deadline' | 'units';

export interface MeasureChange extends MeasureRef {
  previousLabel: string;
  previousTitle: string;
  what: ChangeAspect[];
  /** Due dates of the measure's targets, sorted (only when they changed). */
  deadlines?: { before: string[]; after: string[] };
  /** Responsible units as `name` (lead) or `name (co)`, in order of first mention (only when they changed). */
  units?: { before: string[]; after: string[] };
  /** Tasks and targets of this measure whose ids retired (a follow-up on one of them lost its item). */
  retiredItems: string[];
}

export interface DocumentChanges {
  added: MeasureRef[];
  removed: MeasureRef[];
  changed: MeasureChange[];
  /** Same content, numbered differently (a measure was inserted or removed before it); ids kept. */
  relabelled: { id: string; from: string; to: string }[];
}

export interface RevisionPlan {
  measures: PlannedMeasure[];
  /** How each measure's id was decided, in document order. */
  matchedBy: MatchedBy[];
  retired: { id: string; level: IdLevel }[];
  changes: DocumentChanges;
}

function units(tasks: { departments: { name: string; role: DepartmentRole }[] }[]): string[] {
  const out: string[] = [];
  for (const t of tasks) for (const d of t.departments) out.push(d.role === 'lead' ? d.name : `${d.name} (co)`);
  return [...new Set(out)];
}

function deadlines(tasks: { targets: { due: string }[] }[]): string[] {
  return tasks.flatMap((t) => t.targets.map((g) => g.due)).sort();
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * @param isRetired ids this document used before and gave up: never handed out again
 * @example planRevision('z8wv', [], parsed, () => false).measures[0].id // 'z8wv-1'
 */
export function planRevision(
  documentId: string,
  old: OldMeasure[],
  doc: ParsedDocument,
  isRetired: (id: string) => boolean,
): RevisionPlan {
  const oldIds = new Set<string>();
  for (const m of old) {
    oldIds.add(m.id);
    for (const t of m.tasks) {
      oldIds.add(t.id);
      for (const g of t.targets) oldIds.add(g.id);
    }
  }
  const taken = (id: string) => oldIds.has(id) || isRetired(id);
  const retired: RevisionPlan['retired'] = [];

  const measureIds = assignIds(
    old.map((m) => ({ id: m.id, label: `${m.kind}:${m.label}`, title: m.title, text: m.text })),
    doc.measures.map((m) => ({
      label: `${m.kind}:${m.label}`,
      title: m.title,
      text: m.text,
      preferredId: measureIdBase(documentId, m.kind, m.ordinal),
    })),
    idAllocator(taken, suffixFresh),
  );

  const changes: DocumentChanges = { added: [], removed: [], changed: [], relabelled: [] };
  const measures = doc.measures.map((measure, mi): PlannedMeasure => {
    const { id, previous } = measureIds[mi]!;
    const before = previous === null ? undefined : old[previous]!;
    const oldTasks = before?.tasks ?? [];
    const taskAlloc = idAllocator(
      taken,
      (_p, attempt) => `${id}.${Math.max(measure.tasks.length, oldTasks.length) + attempt}`,
      () => id,
    );
    const taskIds = assignIds(
      oldTasks.map((t, ti) => ({ id: t.id, label: String(ti), title: '', text: t.text })),
      measure.tasks.map((t, ti) => ({ label: String(ti), title: '', text: t.text, preferredId: taskId(id, ti) })),
      taskAlloc,
    );
    const retiredHere: string[] = [];
    const keptTasks = new Set<number>();
    const tasks = measure.tasks.map((task, ti): PlannedTask => {
      const { id: tid, previous: prevTask } = taskIds[ti]!;
      const oldTargets = prevTask === null ? [] : oldTasks[prevTask]!.targets;
      if (prevTask !== null) keptTasks.add(prevTask);
      const targetAlloc = idAllocator(
        taken,
        (_p, attempt) => `${tid}.t${Math.max(task.targets.length, oldTargets.length) + attempt}`,
        () => tid,
      );
      const targetIds = assignIds(
        oldTargets.map((g, gi) => ({ id: g.id, label: String(gi), title: '', text: `${g.text}|${g.due}` })),
        task.targets.map((g, gi) => ({
          label: String(gi),
          title: '',
          text: `${g.text}|${g.due}`,
          preferredId: targetId(tid, gi),
        })),
        targetAlloc,
      );
      const keptTargets = new Set(targetIds.map((t) => t.previous).filter((p) => p !== null));
      oldTargets.forEach((g, gi) => {
        if (!keptTargets.has(gi)) {
          retired.push({ id: g.id, level: 'target' });
          retiredHere.push(g.id);
        }
      });
      return {
        id: tid,
        contentHash: hashText(JSON.stringify(task)),
        task,
        targets: task.targets.map((target, gi) => ({ id: targetIds[gi]!.id, target })),
      };
    });
    oldTasks.forEach((t, ti) => {
      if (keptTasks.has(ti)) return;
      retired.push({ id: t.id, level: 'task' });
      retiredHere.push(t.id);
      for (const g of t.targets) {
        retired.push({ id: g.id, level: 'target' });
        retiredHere.push(g.id);
      }
    });

    const ref = { id, label: measure.label, title: measure.title };
    if (!before) changes.added.push(ref);
    else {
      const what: ChangeAspect[] = [];
      const change: MeasureChange = {
        ...ref,
        previousLabel: before.label,
        previousTitle: before.title,
        what,
        retiredItems: retiredHere,
      };
      if (before.text !== measure.text || before.title !== measure.title) what.push('text');
      const [dBefore, dAfter] = [deadlines(before.tasks), deadlines(measure.tasks)];
      if (!sameList(dBefore, dAfter)) {
        what.push('deadline');
        change.deadlines = { before: dBefore, after: dAfter };
      }
      const [uBefore, uAfter] = [units(before.tasks), units(measure.tasks)];
      if (!sameList(uBefore, uAfter)) {
        what.push('units');
        change.units = { before: uBefore, after: uAfter };
      }
      if (what.length > 0 || retiredHere.length > 0) changes.changed.push(change);
      else if (before.label !== measure.label) changes.relabelled.push({ id, from: before.label, to: measure.label });
    }
    return { id, contentHash: hashText(JSON.stringify(measure)), measure, tasks };
  });

  const keptMeasures = new Set(measureIds.map((m) => m.previous).filter((p) => p !== null));
  old.forEach((m, oi) => {
    if (keptMeasures.has(oi)) return;
    changes.removed.push({ id: m.id, label: m.label, title: m.title });
    retired.push({ id: m.id, level: 'measure' });
    for (const t of m.tasks) {
      retired.push({ id: t.id, level: 'task' });
      for (const g of t.targets) retired.push({ id: g.id, level: 'target' });
    }
  });
  return { measures, matchedBy: measureIds.map((m) => m.matchedBy), retired, changes };
}

/** Every id a document's rows hold (retired together when the document is removed). */
export function allIds(documentId: string, old: OldMeasure[]): { id: string; level: IdLevel }[] {
  const out: { id: string; level: IdLevel }[] = [{ id: documentId, level: 'document' }];
  for (const m of old) {
    out.push({ id: m.id, level: 'measure' });
    for (const t of m.tasks) {
      out.push({ id: t.id, level: 'task' });
      for (const g of t.targets) out.push({ id: g.id, level: 'target' });
    }
  }
  return out;
}
