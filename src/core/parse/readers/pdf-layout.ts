/**
 * PDF text lines → paragraphs. Pure geometry, no pdfjs: the PDF reader hands over positioned lines.
 * - Page furniture goes first, peeled from the top and the bottom of each page (at most two lines each, and
 *   only while each is furniture): page numbers (— 3 —, -3-, 第3页, 3/12), and running headers/footers: the
 *   same line, digits aside, at the same height on at least half the pages. A body line that repeats
 *   (（市商务局）) sits at a different height on each page and stays.
 * - A line continues the paragraph before it when that one ran to the right margin and this one is not
 *   indented; a short line or a first-line indent starts a new paragraph. Pages continue each other.
 * - CJK joins without a space; Latin words get one back, and a hyphen that split a word is removed.
 */

export interface PdfLine {
  text: string;
  /** Left and right ends and baseline, in PDF units (y grows upwards). */
  x0: number;
  x1: number;
  y: number;
  /** Glyph height (font size) of the line, in PDF units. */
  size: number;
}

/** How many lines at each end of a page can be page furniture. */
const EDGE_LINES = 2;

const PAGE_NUMBER = [
  /^[-—–－―~～\s]*\d{1,4}[-—–－―~～\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(?:共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** A running line compared across pages: digits vary (page numbers, dates), the words and the height do not. */
function runningKey(line: PdfLine): string {
  return `${line.text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#')}@${Math.round(line.y / 4)}`;
}

function edgeIndexes(count: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(EDGE_LINES, count); i++) {
    out.add(i);
    out.add(count - 1 - i);
  }
  return [...out];
}

/** Drops page furniture; returns the remaining lines of each page and what was dropped, as written. */
export function dropFurniture(pages: PdfLine[][]): { pages: PdfLine[][]; dropped: string[] } {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines.length).map((i) => runningKey(lines[i]!)));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const furniture = (line: PdfLine): boolean =>
    isPageNumber(line.text) ||
    (pages.length >= 2 && (seen.get(runningKey(line)) ?? 0) >= Math.max(2, pages.length / 2));
  const dropped: string[] = [];
  const kept = pages.map((lines) => {
    let top = 0;
    while (top < Math.min(EDGE_LINES, lines.length) && furniture(lines[top]!)) top++;
    let bottom = lines.length;
    while (bottom > top && lines.length - bottom < EDGE_LINES && furniture(lines[bottom - 1]!)) bottom--;
    dropped.push(
      ...lines.slice(0, top).map((l) => l.text.trim()),
      ...lines
        .slice(bottom)
        .reverse()
        .map((l) => l.text.trim()),
    );
    return lines.slice(top, bottom);
  });
  return { pages: kept, dropped };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

/** The most common value, values within `tolerance` counted together (the left margin of the body text). */
function mode(values: number[], tolerance: number): number {
  let best = values[0] ?? 0;
  let bestCount = 0;
  for (const v of values) {
    const count = values.filter((w) => Math.abs(w - v) <= tolerance).length;
    if (count > bestCount) {
      best = v;
      bestCount = count;
    }
  }
  return best;
}

const LATIN_END = /[A-Za-z0-9,.;:!?)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

function join(prev: string, next: string): string {
  if (/[A-Za-z]-$/.test(prev) && /^[a-z]/.test(next)) return prev.slice(0, -1) + next;
  // Only Latin prose had a space at the break; in CJK text a line may break anywhere, even inside 5G or 2021.
  if (LATIN_END.test(prev) && LATIN_START.test(next) && !/[\u3400-\u9fff]/.test(prev + next)) return `${prev} ${next}`;
  return prev + next;
}

/** Lines of all pages (furniture already dropped) → paragraphs, in order. */
export function toPdfParagraphs(pages: PdfLine[][]): string[] {
  const lines = pages.flat().filter((l) => l.text.trim() !== '');
  if (lines.length === 0) return [];
  const size = median(lines.map((l) => l.size)) || 10;
  // Sampling keeps the margin search linear: the mode of a few hundred lines is the mode of the page.
  const sample = lines.length > 400 ? lines.filter((_, i) => i % Math.ceil(lines.length / 400) === 0) : lines;
  const left = mode(
    sample.map((l) => l.x0),
    size * 0.3,
  );
  const rights = sample.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)]!;
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    const text = line.text.trim();
    const indented = line.x0 > left + size * 0.8;
    if (open && !indented && out.length > 0) out[out.length - 1] = join(out[out.length - 1]!, text);
    else out.push(text);
    // Ran to the margin: the paragraph goes on on the next line. Line-breaking rules (no 、，。 at a line
    // start) can pull up to two characters down, leaving a justified line that much short.
    open = line.x1 >= right - size * 2.5 && line.x0 <= left + size * 4;
  }
  return out;
}
