import { matchLabel } from './labels.ts';

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
  if (matchLabel(line) || FIELD.test(line)) return false;
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

export function toParagraphs(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.trim())
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
  return out;
}
