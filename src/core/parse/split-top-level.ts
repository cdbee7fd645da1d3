/**
 * Splits on separator characters that are not inside round brackets: a department list like
 * 市商务局，各区（市、县）人民政府 has separators inside the area bracket that do not separate names.
 */
export function splitTopLevel(text: string, separators: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '（' || c === '〔') depth++;
    else if ((c === ')' || c === '）' || c === '〕') && depth > 0) depth--;
    else if (depth === 0 && separators.test(c)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}
