import { parseDocument } from '../../../src/core/parse/index.ts';
import type { ParsedDocument } from '../../../src/core/model.ts';

export function parseText(text: string, file = 'doc.txt'): ParsedDocument {
  return parseDocument({ file, bytes: new TextEncoder().encode(text) });
}

export function departmentsOf(doc: ParsedDocument): string[][] {
  return doc.measures.flatMap((m) => m.tasks.map((t) => t.departments.map((d) => d.name)));
}
