import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { parseDocument, parseText, readDocument } from '../../../src/core/parse/index.ts';
import { loadGold } from '../../helpers/gold.ts';
import { REPO_ROOT, SEEDS_DIR } from '../../helpers/paths.ts';

const FORMATS = path.join(REPO_ROOT, 'test/core/parse/fixtures/formats');
const HUNAN = '003_a76f9fbeb2c10513.txt';
const TIANJIN = '004_f12b47b876523609.txt';

/**
 * Each fixture is read once for the whole file (reading a PDF costs far more than parsing its text); every test
 * parses and checks what was read on its own.
 */
const reads = new Map<string, ReturnType<typeof readDocument>>();
function readFixture(name: string): ReturnType<typeof readDocument> {
  let read = reads.get(name);
  if (read === undefined) {
    read = readDocument({ file: name, bytes: new Uint8Array(readFileSync(path.join(FORMATS, name))) });
    reads.set(name, read);
  }
  return read;
}

async function parseFile(name: string): Promise<ParsedDocument> {
  const read = await readFixture(name);
  return parseText({ file: name, text: read.text, format: read.format });
}

/** What indexing keeps of a document: metadata, measures, their tasks' units and targets. */
function indexed(doc: ParsedDocument) {
  return {
    title: doc.title,
    region: doc.region,
    kind: doc.kind,
    docNumber: doc.docNumber,
    publishedOn: doc.publishedOn,
    expiresOn: doc.expiresOn,
    measures: doc.measures.map((m) => ({
      label: m.label,
      title: m.title,
      tasks: m.tasks.map((t) => ({ responsibility: t.responsibility, departments: t.departments, targets: t.targets })),
    })),
  };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the same document as .txt, .docx, .doc or .pdf indexes the same', () => {
  // hunan.pdf: embedded CID TrueType (Identity-H); tianjin.pdf: STSong-Light, Adobe-GB1, not embedded.
  const cases: Array<[string, string]> = [
    ['hunan.docx', HUNAN],
    ['hunan.pdf', HUNAN],
    ['hunan.doc', HUNAN],
    ['tianjin.docx', TIANJIN],
    ['tianjin.pdf', TIANJIN],
    ['tianjin-libreoffice.pdf', TIANJIN],
  ];
  for (const [fixture, seed] of cases) {
    it(`${fixture} = ${seed}`, async () => {
      const fromText = parseDocument({ file: seed, bytes: readFileSync(path.join(SEEDS_DIR, seed)) });
      const doc = await parseFile(fixture);
      expect(indexed(doc)).toEqual(indexed(fromText));
      // Measure text too, up to whitespace: a PDF line break swallows the space it fell on (人工智能 教育).
      expect(doc.measures.map((m) => squeeze(m.text))).toEqual(fromText.measures.map((m) => squeeze(m.text)));
    });
  }

  it('matches the seeds gold: labels, titles, units and target quotes', async () => {
    const gold = loadGold();
    for (const [fixture, seed] of cases) {
      const g = gold.find((d) => d.file === seed)!;
      const doc = await parseFile(fixture);
      expect(doc.title, fixture).toBe(g.title);
      expect(
        doc.measures.map((m) => m.label),
        fixture,
      ).toEqual(g.measures!.map((m) => m.label));
      expect(
        doc.measures.map((m) => m.title),
        fixture,
      ).toEqual(g.measures!.map((m) => m.title));
      expect(
        doc.measures.map((m) => m.tasks.map((t) => t.departments.map((d) => d.name))),
        fixture,
      ).toEqual(g.measures!.map((m) => m.tasks.map((t) => t.departments)));
      const quotes = doc.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets.map((x) => x.text)));
      expect(quotes, fixture).toEqual(
        g.measures!.flatMap((m) => m.tasks.flatMap((t) => (t.targets ?? []).map((x) => x.quote))),
      );
    }
  });
});

describe('what the readers report', () => {
  it('counts the labels Word numbering generated and the PDF furniture dropped', async () => {
    // Tianjin: all 19 measures are list-numbered; Hunan: 4 headings and the first 10 measures.
    expect((await readFixture('tianjin.docx')).hints.generatedLabels).toBe(19);
    expect((await readFixture('hunan.docx')).hints.generatedLabels).toBe(14);
    const pdf = await readFixture('tianjin.pdf');
    expect(pdf.hints.pages).toBe(11);
    expect(pdf.hints.dropped).toContain('-3-');
    expect(pdf.hints.dropped.filter((l) => l === '天津市人民政府办公厅')).toHaveLength(11);
    expect(pdf.text).not.toMatch(/^-\d+-$/m);
  });
});
