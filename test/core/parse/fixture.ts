import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedDocument, ParsedTarget } from '../../../src/core/model.ts';
import { parseDocument } from '../../../src/core/parse/index.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

export function parseFixture(name: string): ParsedDocument {
  return parseDocument({ file: name, bytes: fixtureBytes(name) });
}

/** Each task's departments as `name:role`, grouped by measure label. */
export function rolesByMeasure(doc: ParsedDocument): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const m of doc.measures) out[m.label] = m.tasks.map((t) => t.departments.map((d) => `${d.name}:${d.role}`));
  return out;
}

/** Each measure's targets as `due/precision`, grouped by measure label. */
export function targetsByMeasure(doc: ParsedDocument): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of doc.measures) {
    out[m.label] = m.tasks
      .flatMap((t) => t.targets)
      .map((t: ParsedTarget) => `${t.due}/${t.precision}${t.periodStart ? `/${t.periodStart}` : ''}`);
  }
  return out;
}

export function allTargets(doc: ParsedDocument): ParsedTarget[] {
  return doc.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets));
}

/** Like rolesByMeasure, in document order (labels may repeat when numbering restarts per section). */
export function rolesInOrder(doc: ParsedDocument): string[][][] {
  return doc.measures.map((m) => m.tasks.map((t) => t.departments.map((d) => `${d.name}:${d.role}`)));
}

/** Like targetsByMeasure, in document order. */
export function targetsInOrder(doc: ParsedDocument): string[][] {
  return doc.measures.map((m) => m.tasks.flatMap((t) => t.targets).map((t) => `${t.due}/${t.precision}`));
}
