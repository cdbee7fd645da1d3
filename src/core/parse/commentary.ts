import type { ParsedMeasure } from '../model.ts';
import { normalizeText } from './normalize.ts';
import { chineseNumeral } from './numerals.ts';
import { bylineNames, speakerName } from './people.ts';

/** Signs of newspaper commentary rather than an official document, anywhere in a paragraph. */
const COMMENTARY_MARKERS =
  /^编者按|作者单位|作者系|^作者[:：]|^本文为|^主持人[:：]|专访嘉宾|记者\s*[\u4e00-\u9fff]{2,3}\s*摄/;
/** Column headings (智库视点, 【智库对话】, 高端访谈, 本报评论员): signs only as a short line of their own, since
 * an official text may mention 智库 or 在线访谈 in a sentence. */
const COLUMN_HEADING = /智库|访谈|评论员|特约撰稿|编者按/;

export function commentarySignals(paras: string[]): number {
  let score = 0;
  for (const p of paras) {
    if (COMMENTARY_MARKERS.test(p) || (p.length <= 16 && COLUMN_HEADING.test(p))) score++;
    else if (bylineNames(p)) score++;
  }
  return score;
}

interface LabelHit {
  para: number;
  /** Offset of the label in the paragraph. */
  at: number;
  /** Offset just after the label (and its comma). */
  after: number;
  label: string;
  family: string;
  ordinal: number;
}

const HAN = '一二三四五六七八九十';
/** 一要 / 一是 / 第一， at the start of a sentence. */
const NUMBERED = new RegExp(`(^|[。!?;:])\\s*([${HAN}]{1,2})(要|是)`, 'g');
const FIRST_N = new RegExp(`(^|[。!?;:])\\s*(第([${HAN}]{1,2}))(?=[,是要])`, 'g');
/** 首先… 其次… 再次… 最后…: only when written as sentence openers (最后一公里 is not one). */
const SEQUENCE_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 第三: 3, 然后: 3, 最后: 99 };
const SEQUENCE = /(^|[。!?;:])\s*(首先|其次|再次|最后)(?=[,要应是需在])/g;

function labelHits(paras: string[]): LabelHit[] {
  const hits: LabelHit[] = [];
  paras.forEach((p, para) => {
    const n = normalizeText(p);
    for (const m of n.matchAll(NUMBERED)) {
      const at = m.index! + m[0].length - m[2]!.length - m[3]!.length;
      const ordinal = chineseNumeral(m[2]!);
      hits.push({
        para,
        at,
        after: at + m[2]!.length + m[3]!.length,
        label: p.slice(at, at + m[2]!.length + m[3]!.length),
        family: m[3]!,
        ordinal,
      });
    }
    for (const m of n.matchAll(FIRST_N)) {
      const at = m.index! + m[0].length - m[2]!.length;
      hits.push({
        para,
        at,
        after: at + m[2]!.length,
        label: p.slice(at, at + m[2]!.length),
        family: '第',
        ordinal: chineseNumeral(m[3]!),
      });
    }
    for (const m of n.matchAll(SEQUENCE)) {
      const at = m.index! + m[0].length - m[2]!.length;
      hits.push({
        para,
        at,
        after: at + m[2]!.length,
        label: p.slice(at, at + m[2]!.length),
        family: '首先',
        ordinal: SEQUENCE_WORDS[m[2]!]!,
      });
    }
  });
  hits.sort((a, b) => a.para - b.para || a.at - b.at);
  return hits;
}

/** Groups hits of one family into runs 1, 2, 3… (首先 … 最后 for the word family); lone or out-of-order hits are dropped. */
function runs(hits: LabelHit[], family: string): LabelHit[][] {
  const out: LabelHit[][] = [];
  let current: LabelHit[] = [];
  for (const h of hits) {
    if (h.family !== family) continue;
    const prev = current[current.length - 1];
    if (h.ordinal === 1) {
      if (current.length >= 2) out.push(current);
      current = [h];
    } else if (
      prev &&
      (h.ordinal === prev.ordinal + 1 || (family === '首先' && h.ordinal === 99 && prev.ordinal !== 99))
    ) {
      current.push(h);
    }
  }
  if (current.length >= 2) out.push(current);
  return out;
}

function firstSentence(text: string): string {
  const n = normalizeText(text);
  let stop = n.search(/[。!?;]/);
  if (stop < 0) stop = text.length;
  let sentence = text.slice(0, stop);
  if (sentence.length > 50) {
    const comma = normalizeText(sentence).indexOf(',');
    if (comma > 0) sentence = sentence.slice(0, comma);
  }
  return sentence.trim();
}

/**
 * Signed commentary: each recommendation (一要…, 一是…, 第一…, 首先…) becomes a proposal with its author(s).
 * Nested enumerations (首先… inside 二要…) stay part of the enclosing proposal.
 */
export function parseCommentary(paras: string[]): { measures: ParsedMeasure[]; authors: string[] } {
  const authors: string[] = [];
  const authorAt: Array<string[] | null> = [];
  const headingAt: Array<string | null> = [];
  let current: string[] | null = null;
  let heading: string | null = null;
  paras.forEach((p, i) => {
    const byline = bylineNames(p);
    const speaker = byline ? null : speakerName(p);
    const names = byline ?? (speaker ? [speaker] : null);
    if (names) {
      current = names;
      for (const n of names) if (!authors.includes(n)) authors.push(n);
      // The article heading is the short unpunctuated line right above a byline.
      const above = paras[i - 1];
      if (byline) heading = above && above.length <= 40 && !/[。，；：,;:（(]/.test(above) ? above : null;
    }
    authorAt.push(current);
    headingAt.push(heading);
  });

  const hits = labelHits(paras);
  const accepted: Array<{ hit: LabelHit; end: number }> = [];
  const inside = (h: LabelHit): boolean =>
    accepted.some((a) => a.hit.para === h.para && h.at > a.hit.at && h.at < a.end);
  // Numbered families first: they are the main recommendations; word sequences only count outside them.
  for (const family of ['要', '是', '第', '首先']) {
    for (const run of runs(hits, family)) {
      run.forEach((h, k) => {
        if (inside(h)) return;
        const next = run[k + 1];
        const end = next && next.para === h.para ? next.at : paras[h.para]!.length;
        accepted.push({ hit: h, end });
      });
    }
  }
  accepted.sort((a, b) => a.hit.para - b.hit.para || a.hit.at - b.hit.at);

  const measures: ParsedMeasure[] = accepted.map(({ hit, end }, k) => {
    const p = paras[hit.para]!;
    const text = p
      .slice(hit.after, end)
      .replace(/^[\s，,：:]+/, '')
      .trim();
    const names = authorAt[hit.para];
    return {
      kind: 'proposal',
      section: headingAt[hit.para] ?? null,
      label: hit.label,
      ordinal: k + 1,
      title: firstSentence(text),
      text,
      author: names ? names.join('、') : null,
      tasks: [{ text, responsibility: null, departments: [], departmentsIncomplete: false, targets: [] }],
    };
  });
  return { measures, authors };
}
