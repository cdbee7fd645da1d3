import type { ParseNote } from '../model.ts';
import { type LabelMatch, matchLabel, SCHEME_RANK, type Scheme } from './labels.ts';
import { normalizeText } from './normalize.ts';

/** A numbered item before task splitting. */
export interface RawItem {
  section: string | null;
  label: string;
  ordinal: number;
  title: string;
  /** Text after the label, paragraphs joined by newlines. */
  text: string;
  /** Index of the paragraph the item starts at, to place it among items found by other rules (task tables). */
  index: number;
}

/** The responsibility readers (tasks.ts), passed in so the numbering rules stay apart from the bracket rules. */
export interface ResponsibilityTests {
  /** Whether any clause of the text is closed by a responsibility. */
  has: (text: string) => boolean;
  /** Whether the text's last clause is. */
  endsWith: (text: string) => boolean;
}

export interface Structure {
  items: RawItem[];
  /** The numbering level that holds the measures, or null when the text has no numbering. */
  level: Scheme | null;
  /** Why that level: 'responsibility' (its items carry the brackets) or 'regular' (the deepest regular level). */
  evidence: 'responsibility' | 'regular' | null;
  /** Numbering the parser could not place (out-of-sequence labels), as 'structure' notes. */
  notes: ParseNote[];
}

interface Node {
  index: number;
  match: LabelMatch;
  rank: number;
  parent: Node | null;
  children: Node[];
  /** Index of the paragraph after the node's region (the next node of the same or an outer level). */
  end: number;
}

const rankOf = (s: Scheme): number => SCHEME_RANK.indexOf(s);

/** A note's excerpt: the text as written, cut to 120 characters. */
export function excerpt(text: string, max = 120): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/**
 * Keeps only labels that continue a sequence: 1, 2, 3… with restarts at 1 (numbering restarts per section in
 * many documents, and nested lists start again at 1). A stray （三） in running text or a cross-reference never
 * joins the sequence; those are returned as `stray`.
 */
function sequence(
  labels: Array<{ index: number; match: LabelMatch }>,
  scheme: Scheme,
): { kept: typeof labels; stray: typeof labels } {
  const kept: typeof labels = [];
  const stray: typeof labels = [];
  let prev = 0;
  for (const l of labels) {
    if (l.match.scheme !== scheme) continue;
    if (l.match.ordinal === prev + 1 || (l.match.ordinal === 1 && prev > 0)) {
      kept.push(l);
      prev = l.match.ordinal;
    } else stray.push(l);
  }
  return { kept, stray };
}

/** 本方案自印发之日起施行, 附件, 抄送, (此件主动公开): the document's closing matter, never part of a measure. */
const CLOSING =
  /^(本|此)(实施)?(方案|意见|办法|措施|通知|规定|细则|决定|规划|计划|政策|条例|若干措施)[^。]{0,30}(施行|实施|执行|生效|废止|解释|负责)|自[^。]{0,12}(印发|发布|公布)之日起|有效期|^附件|^抄送|^\(?此件|^[(（]?此件|^(联系人|联系电话|责任编辑|编辑)[:：]/;

/**
 * Unnumbered goal sections (主要目标, 发展目标, 工作目标…), as a heading line of their own or as a lead-in
 * (具体指标：到2022年…). Their targets are the document's own; they become an item labelled with the heading.
 */
const GOAL_HEADING =
  /^(总体要求与目标|总体目标|主要目标|发展目标|工作目标|行动目标|具体目标|具体指标|目标任务|预期目标|主要指标|发展指标)(?:[:：]|\s*$)/;

function titleOf(rest: string, more: boolean): string {
  const n = normalizeText(rest);
  const stop = n.search(/[。!?]/);
  if (stop >= 0) return rest.slice(0, stop).trim();
  // A heading on its own line (（一）培育壮大零售新业态 / body on the next line).
  return (more || rest.length <= 60 ? rest : rest.slice(0, 60)).replace(/[:：；;，,]+$/, '').trim();
}

function headingOf(node: Node): string | null {
  const t = titleOf(node.match.rest, true)
    .replace(/[。.]$/, '')
    .trim();
  return t === '' ? null : t.length > 60 ? t.slice(0, 60) : t;
}

/** A table of contents (目录 followed by the outline) repeats the headings: skip to where the first one recurs. */
function afterContents(paras: string[], from: number, to: number): number {
  for (let i = from; i < Math.min(to, from + 60); i++) {
    if (normalizeText(paras[i]!).replace(/\s+/g, '') !== '目录') continue;
    const first = paras[i + 1]?.trim();
    if (!first) return from;
    for (let j = i + 2; j < to; j++) if (paras[j]!.trim() === first) return j;
    return from;
  }
  return from;
}

/**
 * Builds the numbering tree of the body and chooses the measure level from evidence:
 * - the level whose items carry the responsibility brackets: the deepest level where more than half of the items
 *   contain one (a bracket closing the last sub-item of an item counts for the item too, so the deepest level
 *   with its own brackets wins);
 * - without brackets, the deepest regular level: going down from the outermost level, a level is taken when at
 *   least half of the items of the level above contain it (1. under most 一、 sections), and the descent stops
 *   at the first level that is only an occasional list inside a few items.
 * Measures are the items of that level, plus items of outer levels that have no items of that level under them
 * (一、总体要求 with its own text beside 二、重点任务 with （一）（二）…): no numbered text is lost. Deeper
 * numbering stays inside its measure's text.
 */
export function findStructure(
  paras: string[],
  fromIndex: number,
  to: number,
  responsibility: ResponsibilityTests,
): Structure {
  const hasResponsibility = responsibility.has;
  const from = afterContents(paras, fromIndex, to);
  const labelled: Array<{ index: number; match: LabelMatch }> = [];
  for (let i = from; i < to; i++) {
    const match = matchLabel(paras[i]!);
    if (match) labelled.push({ index: i, match });
  }
  const notes: ParseNote[] = [];
  const accepted: Array<{ index: number; match: LabelMatch }> = [];
  const present: Scheme[] = [];
  for (const scheme of SCHEME_RANK) {
    const { kept, stray } = sequence(labelled, scheme);
    // One label alone is a numbered heading only when it is 1 (a short notice: 一、… with nothing after it is
    // rare, but 第一条 alone is a one-article text); a lone 3. is a number in running text.
    if (kept.length === 0) continue;
    present.push(scheme);
    accepted.push(...kept);
    for (const s of stray) {
      notes.push({
        kind: 'structure',
        label: s.match.label,
        excerpt: excerpt(paras[s.index]!),
        message: `The label ${s.match.label} does not continue the numbering before it, so it was kept as text of the item it sits in.`,
      });
    }
  }
  if (accepted.length === 0) {
    return {
      items: goalItems(paras, from, to, new Uint8Array(paras.length)).map((g) => g.item),
      level: null,
      evidence: null,
      notes,
    };
  }
  accepted.sort((a, b) => a.index - b.index);

  // The tree: each node's parent is the nearest earlier node of an outer level.
  const nodes: Node[] = [];
  const stack: Node[] = [];
  for (const a of accepted) {
    const rank = rankOf(a.match.scheme);
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const node: Node = { index: a.index, match: a.match, rank, parent, children: [], end: to };
    parent?.children.push(node);
    nodes.push(node);
    stack.push(node);
  }
  // A node's region runs to the next node of the same or an outer level.
  const open: Node[] = [];
  for (const n of nodes) {
    while (open.length && open[open.length - 1]!.rank >= n.rank) open.pop()!.end = n.index;
    open.push(n);
  }
  const levels = present.filter((s) => nodes.some((n) => n.match.scheme === s));
  const byLevel = (s: Scheme): Node[] => nodes.filter((n) => n.match.scheme === s);
  const regionText = (n: Node): string => [n.match.rest, ...paras.slice(n.index + 1, n.end)].join('\n');

  let level: Scheme | null = null;
  let evidence: Structure['evidence'] = null;
  for (const s of [...levels].reverse()) {
    const items = byLevel(s);
    const carriers = items.filter((n) => hasResponsibility(regionText(n)));
    // Exactly half is evidence too when a carrying item has a later sibling: its bracket closes it, not the
    // parent's list (an opening cut after 1.（A负责） 2.…, where the parent would otherwise win).
    const closesItself = carriers.some((n) => n.parent && n.parent.children[n.parent.children.length - 1] !== n);
    if (carriers.length * 2 > items.length || (carriers.length * 2 === items.length && closesItself)) {
      level = s;
      evidence = 'responsibility';
      break;
    }
  }
  if (level === null) {
    level = levels[0]!;
    evidence = 'regular';
    for (const s of levels.slice(1)) {
      const above = byLevel(level);
      const containing = above.filter((n) => hasDescendant(n, s)).length;
      if (containing * 2 < above.length) break;
      level = s;
    }
  }
  const measureRank = rankOf(level);
  // An outer item is a measure of its own when nothing at or above the measure level is numbered under it.
  const measures = nodes.filter((n) => n.rank <= measureRank && !n.children.some((c) => c.rank <= measureRank));
  // A measure ends at the next node of its level or an outer one (deeper numbering stays inside).
  const measureEnd = new Map<Node, number>();
  let nextOuter = to;
  for (let j = nodes.length - 1; j >= 0; j--) {
    const n = nodes[j]!;
    if (n.rank <= measureRank) {
      measureEnd.set(n, nextOuter);
      nextOuter = n.index;
    }
  }

  // A label with no text of its own (第一条 alone on its line, a last （三）, （二） whose text was only a comment) is
  // no measure: when it heads sub-items those are the measures, otherwise it is dropped with a note.
  const units: Array<{ node: Node; end: number }> = [];
  const bare: Node[] = [];
  const place = (n: Node, end: number): void => {
    const firstChild = n.children[0]?.index ?? end;
    const ownText = n.match.rest.trim() !== '' || firstChild > n.index + 1;
    if (ownText) units.push({ node: n, end });
    else if (n.children.length > 0) for (const c of n.children) place(c, Math.min(c.end, end));
    else bare.push(n);
  };
  for (const m of measures) place(m, measureEnd.get(m)!);

  const out: Array<{ index: number; item: RawItem }> = [];
  units.forEach(({ node: m, end }, k) => {
    const last = k === units.length - 1;
    const parts = [m.match.rest];
    for (let i = m.index + 1; i < end; i++) {
      const p = paras[i]!;
      if (CLOSING.test(normalizeText(p))) break;
      if (last && endsLastItem(p, parts[parts.length - 1]!, responsibility.endsWith)) break;
      parts.push(p);
    }
    const text = parts.join('\n').trim();
    if (text === '') {
      bare.push(m);
      return;
    }
    const section = m.parent ? headingOf(m.parent) : null;
    out.push({
      index: m.index,
      item: {
        section: section === null && m.parent?.parent ? headingOf(m.parent.parent) : section,
        label: m.match.label,
        ordinal: m.match.ordinal,
        title: titleOf(m.match.rest.trim() === '' ? (parts[1] ?? '') : m.match.rest, parts.length > 1),
        text,
        index: m.index,
      },
    });
  });
  notes.push(
    ...bareLabelNotes(
      paras,
      bare.sort((a, b) => a.index - b.index),
    ),
  );

  // Paragraphs no measure holds: the preamble and the lead-in of each section. Goal sections among them are kept.
  const covered = new Uint8Array(paras.length);
  for (const n of nodes) covered[n.index] = 1;
  for (const m of measures) for (let i = m.index; i < measureEnd.get(m)!; i++) covered[i] = 1;
  const merged = [...out, ...goalItems(paras, from, to, covered)].sort((a, b) => a.index - b.index);
  return { items: merged.map((x) => x.item), level, evidence, notes };
}

/** Notes about labels with no text beyond this many are counted in one note: a file of bare labels stays small. */
export const MAX_BARE_LABEL_NOTES = 10;

function bareLabelNotes(paras: string[], bare: Node[]): ParseNote[] {
  const notes: ParseNote[] = bare.slice(0, MAX_BARE_LABEL_NOTES).map((n) => ({
    kind: 'structure',
    label: n.match.label,
    excerpt: excerpt(paras[n.index]!),
    message: `The label ${n.match.label} has no text of its own and heads no items, so it is not a measure.`,
  }));
  if (bare.length > MAX_BARE_LABEL_NOTES) {
    notes.push({
      kind: 'structure',
      label: null,
      excerpt: null,
      message: `${bare.length - MAX_BARE_LABEL_NOTES} more labels with no text of their own are not measures either.`,
    });
  }
  return notes;
}

function hasDescendant(n: Node, s: Scheme): boolean {
  return n.children.some((c) => c.match.scheme === s || hasDescendant(c, s));
}

interface GoalItem {
  index: number;
  item: RawItem;
}

function goalItems(paras: string[], from: number, to: number, covered: Uint8Array): GoalItem[] {
  const out: GoalItem[] = [];
  for (let i = from; i < to; i++) {
    if (covered[i]) continue;
    const p = paras[i]!;
    const m = GOAL_HEADING.exec(normalizeText(p));
    if (!m) continue;
    const heading = p.slice(0, m[1]!.length);
    const inline = p.slice(m[0].length).trim();
    const parts = inline ? [inline] : [];
    let j = i + 1;
    // A heading of its own line owns the unnumbered paragraphs after it, up to the next heading or label.
    if (!inline) {
      for (
        ;
        j < to &&
        !covered[j] &&
        !matchLabel(paras[j]!) &&
        !GOAL_HEADING.test(normalizeText(paras[j]!)) &&
        !CLOSING.test(normalizeText(paras[j]!));
        j++
      ) {
        parts.push(paras[j]!);
      }
    }
    if (parts.length === 0) continue;
    const text = parts.join('\n');
    out.push({ index: i, item: { section: null, label: heading, ordinal: 0, title: heading, text, index: i } });
  }
  return out;
}

/**
 * After the last item a document closes with unnumbered paragraphs (充分发挥…, 本方案自印发之日起施行…, the
 * signature). They are not part of the last measure: stop at closing matter, and — when the item already ended
 * with its responsibility bracket — at the first paragraph that does not continue the item's own sub-numbering.
 */
function endsLastItem(p: string, previous: string, endsWithResponsibility: (text: string) => boolean): boolean {
  const sub = matchLabel(p);
  if (sub && sub.scheme !== 'han-dun' && sub.scheme !== 'chapter') return false;
  return endsWithResponsibility(previous);
}
