import { addDays } from '../../lib/dates.ts';
import { refStatus } from '../documents/in-force.ts';
import type { Digest, DigestFollowup, DigestInput, DigestItem, DigestTarget, DoneItem, DueGroup } from './types.ts';

/** Follow-ups in these states settle a target: it no longer counts as overdue. */
const FINISHED = new Set(['done', 'cancelled']);

/**
 * Which follow-ups speak for a target: those on the target itself, those on its task that name no target, and
 * those on its measure that name no task (a measure-level owner owns every target under it).
 */
export function followupsFor(t: DigestTarget, followups: DigestFollowup[]): DigestFollowup[] {
  return followups.filter((f) =>
    f.targetId !== null
      ? f.targetId === t.targetId
      : f.taskId !== null
        ? f.taskId === t.taskId
        : f.measureId === t.measureId,
  );
}

function toItem(t: DigestTarget, followups: DigestFollowup[], asOf: string): DigestItem {
  const leads = t.departments.filter((d) => d.role === 'lead').map((d) => d.name);
  return {
    targetId: t.targetId,
    taskId: t.taskId,
    measureId: t.measureId,
    file: t.file,
    documentTitle: t.documentTitle,
    region: t.region,
    label: t.label,
    text: t.text,
    quantity: t.quantity,
    due: t.due,
    precision: t.precision,
    periodStart: t.periodStart,
    departments: leads.length > 0 ? leads : t.departments.map((d) => d.name),
    followups: followups.map((f) => ({ id: f.id, assignee: f.assignee, status: f.status })),
    documentExpired: refStatus(t, asOf) === 'expired',
    source: t.documentKind,
  };
}

/** New since the instant, or one of its follow-ups was created or given a new due date since. */
function changedSince(t: DigestTarget, fus: DigestFollowup[], instant: string): boolean {
  const since = Date.parse(instant);
  const after = (iso: string | null) => iso !== null && Date.parse(iso) >= since;
  return after(t.ingestedAt) || fus.some((f) => after(f.createdAt) || after(f.dueChangedAt));
}

/** Input order (document, measure, task, target) breaks ties between equal due dates. */
function byDue(direction: 1 | -1) {
  return (a: { item: DigestItem; order: number }, b: { item: DigestItem; order: number }) =>
    a.item.due === b.item.due ? a.order - b.order : a.item.due < b.item.due ? -direction : direction;
}

export function selectDigest(input: DigestInput): Digest {
  const { asOf, horizonDays } = input;
  const horizonEnd = addDays(asOf, horizonDays);
  const upcoming: { item: DigestItem; order: number }[] = [];
  const overdue: { item: DigestItem; order: number }[] = [];
  const changed = input.changesSince;
  input.targets.forEach((t, order) => {
    const fus = followupsFor(t, input.followups);
    if (t.due >= asOf && t.due <= horizonEnd) {
      if (!changed || changedSince(t, fus, changed.instant)) upcoming.push({ item: toItem(t, fus, asOf), order });
    } else if (t.due < asOf && !fus.some((f) => FINISHED.has(f.status))) {
      if (!changed || t.due >= changed.date || changedSince(t, fus, changed.instant)) {
        overdue.push({ item: toItem(t, fus, asOf), order });
      }
    }
  });
  return {
    asOf,
    horizonDays,
    upcoming: upcoming.sort(byDue(1)).map((x) => x.item),
    overdue: overdue.sort(byDue(-1)).map((x) => x.item),
    done: selectDone(input),
  };
}

function selectDone(input: DigestInput): DoneItem[] {
  if (input.doneSince === null) return [];
  const since = Date.parse(input.doneSince);
  const byTarget = new Map(input.targets.map((t) => [t.targetId, t]));
  const byTask = new Map(input.targets.map((t) => [t.taskId, t]));
  const byMeasure = new Map(input.targets.map((t) => [t.measureId, t]));
  return input.followups
    .filter((f) => FINISHED.has(f.status) && f.closedAt !== null && Date.parse(f.closedAt) >= since)
    .sort((a, b) => Date.parse(b.closedAt!) - Date.parse(a.closedAt!))
    .map((f) => {
      const t =
        (f.targetId && byTarget.get(f.targetId)) || (f.taskId && byTask.get(f.taskId)) || byMeasure.get(f.measureId);
      return {
        followupId: f.id,
        measureId: f.measureId,
        taskId: f.taskId,
        targetId: f.targetId,
        assignee: f.assignee,
        status: f.status as 'done' | 'cancelled',
        closedAt: f.closedAt!,
        file: t ? t.file : null,
        label: t ? t.label : null,
        // Only a target-level follow-up is about that sentence; otherwise show nothing rather than a guess.
        text: t && f.targetId === t.targetId ? t.text : null,
      };
    });
}

/** Upcoming items grouped by due date, in order. */
export function groupByDue(items: DigestItem[]): DueGroup[] {
  const groups: DueGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.due === item.due) last.items.push(item);
    else groups.push({ due: item.due, items: [item] });
  }
  return groups;
}

export function isEmptyDigest(d: Digest): boolean {
  return d.upcoming.length === 0 && d.overdue.length === 0 && d.done.length === 0;
}
