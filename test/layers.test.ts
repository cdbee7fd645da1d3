import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';

/**
 * Layers of src/, lowest first: a module may import its own folder and any layer below its own, never one above.
 * Folders on one line are peers and may not import each other. services sit below config.ts: a service gets
 * its settings as arguments.
 */
const LAYERS: string[][] = [
  ['lib'],
  ['core'],
  ['search', 'db'],
  ['repo'],
  ['services'],
  ['config.ts'],
  ['slack'],
  ['jobs'],
  ['cli', 'app'],
  ['main.ts'],
];

const SRC = path.join(REPO_ROOT, 'src');
const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative import in src/ as [importing file, imported file], both relative to src/. */
function imports(): [string, string][] {
  return sourceFiles(SRC).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((m): [string, string] => [
      path.relative(SRC, file),
      path.relative(SRC, path.resolve(path.dirname(file), m[1]!)),
    ]),
  );
}

/** The folders a file sits in, outermost first (`[]` for a file directly in src/). */
function folders(rel: string): string[] {
  const dir = path.dirname(rel);
  return dir === '.' ? [] : dir.split(path.sep);
}

function layerOf(rel: string): number {
  const top = rel.split(path.sep)[0]!;
  const i = LAYERS.findIndex((l) => l.includes(top));
  if (i < 0) throw new Error(`${top} (src/${rel}) is in no layer: add it to LAYERS`);
  return i;
}

describe('imports in src/ go only downward', () => {
  const all = imports();

  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it('no module imports a layer above its own or a peer folder', () => {
    const upward = all.filter(([from, to]) => {
      const sameTop = from.split(path.sep)[0] === to.split(path.sep)[0];
      return !sameTop && layerOf(to) >= layerOf(from);
    });
    expect(upward.map(([from, to]) => `${from} -> ${to}`)).toEqual([]);
  });

  it('no two sibling folders import each other', () => {
    const edges = new Set<string>();
    for (const [from, to] of all) {
      // Compare the two folders just below their common parent (src/slack/search vs src/slack/followups).
      const pa = folders(from);
      const pb = folders(to);
      let i = 0;
      while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
      if (i >= pa.length || i >= pb.length) continue; // same folder, or one inside the other
      edges.add(`${pa.slice(0, i + 1).join('/')} -> ${pb.slice(0, i + 1).join('/')}`);
    }
    const cycles = [...edges].filter((e) => {
      const [a, b] = e.split(' -> ');
      return a! < b! && edges.has(`${b} -> ${a}`);
    });
    expect(cycles).toEqual([]);
  });
});
