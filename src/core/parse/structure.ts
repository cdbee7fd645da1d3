import { matchLabel, type LabelMatch, type Scheme } from './labels.ts';
import { normalizeText } from './normalize.ts';

/** A numbered item before task splitting. */
export interface RawItem {
  section: string | null;
  label: string;
  ordinal: number;
  title: string;
  /** Text after the label, paragraphs joined by newlines. */
  text: string;
}

/** Item schemes from the highest level down; the highest one that forms a real sequence is the item level. */
const ITEM_RANK: Scheme[] = ['article', 'paren-han', 'arabic-dot', 'paren-arabic', 'circled'];

interface Labelled {
  index: number;
  match: LabelMatch;
}

/**
 * Keeps only labels that continue a sequence: 1, 2, 3… with restarts at 1 (numbering restarts per section in
 * many documents). A stray （三） in running text or a cross-reference never joins the sequence.
 */
function sequence(labelled: Labelled[], scheme: Scheme): Labelled[] {
  const out: Labelled[] = [];
  let prev = 0;
  for (const l of labelled) {
    if (l.match.scheme !== scheme) continue;
    if (l.match.ordinal === prev + 1 || (l.match.ordinal === 1 && prev > 0)) {
      out.push(l);
      prev = l.match.ordinal;
    }
  }
  return out;
}

/** 本方案自印发之日起施行, 附件, 抄送, (此件主动公开): the document's closing matter, never part of a measure. */
const CLOSING =
  /^(本|此)(实施)?(方案|意见|办法|措施|通知|规定|细则|决定|规划|计划|政策|条例|若干措施)[^。]{0,30}(施行|实施|执行|生效|废止|解释|负责)|自[^。]{0,12}(印发|发布|公布)之日起|有效期|^附件|^抄送|^\(?此件|^[(（]?此件|^(联系人|联系电话|责任编辑|编辑)[:：]/;

function titleOf(rest: string, more: boolean): string {
  const n = normalizeText(rest);
  const stop = n.search(/[。!?]/);
  if (stop >= 0) return rest.slice(0, stop).trim();
  // A heading on its own line (（一）培育壮大零售新业态 / body on the next line).
  return (more || rest.length <= 60 ? rest : rest.slice(0, 60)).replace(/[:：；;，,]+$/, '').trim();
}

export function findItems(paras: string[], from: number, to: number, hasResponsibility: (text: string) => boolean): RawItem[] {
  const labelled: Labelled[] = [];
  for (let i = from; i < to; i++) {
    const match = matchLabel(paras[i]!);
    if (match) labelled.push({ index: i, match });
  }
  let itemScheme: Scheme | null = null;
  let items: Labelled[] = [];
  for (const scheme of ITEM_RANK) {
    const seq = sequence(labelled, scheme);
    if (seq.length >= 2) {
      itemScheme = scheme;
      items = seq;
      break;
    }
  }
  let sections: Labelled[] = [];
  if (itemScheme === null) {
    // A flat document numbered 一、二、三、: those are the items.
    items = sequence(labelled, 'han-dun');
    if (items.length < 2) items = sequence(labelled, 'chapter');
    if (items.length === 0) return [];
  } else {
    // Regulations group 第X条 under 第X章; other documents group items under 一、二、.
    sections = sequence(labelled, itemScheme === 'article' ? 'chapter' : 'han-dun');
  }

  const boundaries = new Set<number>([...items, ...sections].map((l) => l.index));
  const sectionAt = (index: number): string | null => {
    let s: Labelled | null = null;
    for (const sec of sections) if (sec.index < index) s = sec;
    if (!s) return null;
    return s.match.rest.replace(/[。.]$/, '').trim() || null;
  };

  const out: RawItem[] = [];
  items.forEach((item, k) => {
    const last = k === items.length - 1;
    const parts = [item.match.rest];
    for (let i = item.index + 1; i < to && !boundaries.has(i); i++) {
      const p = paras[i]!;
      if (last && endsLastItem(p, parts[parts.length - 1]!, hasResponsibility)) break;
      parts.push(p);
    }
    out.push({
      section: sectionAt(item.index),
      label: item.match.label,
      ordinal: item.match.ordinal,
      title: titleOf(item.match.rest, parts.length > 1),
      text: parts.join('\n'),
    });
  });
  return out;
}

/**
 * After the last item a document closes with unnumbered paragraphs (充分发挥…, 本方案自印发之日起施行…, the
 * signature). They are not part of the last measure: stop at closing matter, and — when the item already ended
 * with its responsibility bracket — at the first paragraph that does not continue the item's own sub-numbering.
 */
function endsLastItem(p: string, previous: string, hasResponsibility: (text: string) => boolean): boolean {
  const n = normalizeText(p);
  if (CLOSING.test(n)) return true;
  const sub = matchLabel(p);
  if (sub && sub.scheme !== 'han-dun' && sub.scheme !== 'chapter') return false;
  return hasResponsibility(previous);
}
