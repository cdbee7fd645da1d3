import { findBrackets } from './brackets.ts';
import { parseResponsibility } from './departments.ts';
import { type LabelMatch, matchLabel } from './labels.ts';

/** A line ends a sentence or a heading block when its last character is one of these. */
const TERMINAL = /[。！？；：!?;:”’」』）)】…》]$/;

/**
 * Plain text → non-empty trimmed paragraphs. Text copied from PDFs and newspaper layouts breaks lines in the
 * middle of sentences (…新型消费在经济 / 发展过程中…); a long line without closing punctuation is joined with the
 * next line unless that line starts a new numbered item. Short lines and lines
 * without commas (titles, headings, bylines, breadcrumbs) are never joined.
 */
/** "发文机关：…", "问：…", "黄潇：…", "【责任单位】…": a labelled line starts something new. */
const FIELD = /^(?:[\u4e00-\u9fff]{1,6}\s*[:：]|【[^】]{1,10}】)/;

function isWrapped(prev: string): boolean {
  // A table row (cells arrive tab-separated) is complete on its line.
  if (prev.includes('\t')) return false;
  return prev.length >= 20 && /[，,、]/.test(prev) && !TERMINAL.test(prev) && !FIELD.test(prev);
}

/** The rest of a broken sentence: long, or short but closing the sentence (…中扮演重要角色。). */
function continues(line: string): boolean {
  // A table row is a line of its own.
  if (line.includes('\t') || matchLabel(line) || FIELD.test(line)) return false;
  return line.length >= 20 || TERMINAL.test(line);
}

/**
 * A label alone on its line (第一条 in its own element on a web page, （三） in a table cell) heads the text on
 * the next line. Returns the separator to join them with, or null when the line is not a bare label.
 */
function bareLabelJoin(line: string): string | null {
  const m = matchLabel(line);
  if (m?.rest !== '') return null;
  return m.scheme === 'article' || m.scheme === 'chapter' ? '　' : '';
}

/** The longest label as written (第一百二十条 is shorter): what matchLabel needs to see after a bracket. */
const LABEL_WINDOW = 12;

/**
 * A copy that lost a line break glues the next item's label to the previous item's closing responsibility
 * bracket: …使用。（省农业农村厅牵头，相关市人民政府配合）（2）加大… The label starts a new paragraph when it continues
 * the sequence of the level in force (the paragraph's own label, else the last label that started a paragraph)
 * and the bracket before it is a responsibility; other labels inside a paragraph (citations, a stray （二）) stay
 * text.
 */
function splitGluedLabels(paragraphs: string[]): string[] {
  const out: string[] = [];
  let level: Pick<LabelMatch, 'scheme' | 'ordinal'> | null = null;
  for (const p of paragraphs) {
    const own = matchLabel(p);
    if (own) level = own;
    let from = 0;
    for (const b of level ? findBrackets(p) : []) {
      if (b.end <= from) continue;
      const next = matchLabel(p.slice(b.end, b.end + LABEL_WINDOW));
      if (!next || next.scheme !== level!.scheme || next.ordinal !== level!.ordinal + 1) continue;
      if (parseResponsibility(b.inner) === null) continue;
      out.push(p.slice(from, b.end));
      from = b.end;
      level = next;
    }
    out.push(from === 0 ? p : p.slice(from));
  }
  return out;
}

/**
 * A row of table cells (a tab between text) keeps its edge tabs: they are the empty cells under a merged 序号 and
 * the empty last cells, which keep the other cells under their header. Only spaces and U+3000 are trimmed from it.
 * Any other line is trimmed whole (a tab-indented paragraph, a layout table's spacer cell).
 */
function trimLine(line: string): string {
  const whole = line.trim();
  if (!whole.includes('\t')) return whole;
  // Index loops, not a regex: a trailing-space pattern would be retried from every space of a long run.
  let a = 0;
  let b = line.length;
  while (a < b && line[a] !== '\t' && /\s/.test(line[a]!)) a++;
  while (b > a && line[b - 1] !== '\t' && /\s/.test(line[b - 1]!)) b--;
  return line.slice(a, b);
}

export function toParagraphs(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(trimLine)
    .filter((l) => l !== '');
  const out: string[] = [];
  let joinNext: string | null = null;
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && joinNext !== null && !matchLabel(line)) {
      out[out.length - 1] = prev + joinNext + line;
    } else if (prev !== undefined && joinNext === null && isWrapped(prev) && continues(line)) {
      out[out.length - 1] = prev + line;
    } else {
      out.push(line);
    }
    joinNext = out[out.length - 1] === line ? bareLabelJoin(line) : null;
  }
  return splitGluedLabels(out);
}
