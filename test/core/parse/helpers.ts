import type { ParsedDocument } from '../../../src/core/model.ts';
import { parseDocument } from '../../../src/core/parse/index.ts';

/** Parses a synthetic document written as one paragraph per line. */
export function parseLines(lines: string[], file = 'doc.txt'): ParsedDocument {
  return parseDocument({ file, bytes: new TextEncoder().encode(lines.join('\n')) });
}

export function departmentsOf(doc: ParsedDocument): string[][] {
  return doc.measures.flatMap((m) => m.tasks.map((t) => t.departments.map((d) => d.name)));
}
