/**
 * Real documents of the genre against expectations written by hand from the genre's rules (expected/*.json):
 * kind, 文号, written date, the measures and their labels, and per measure the lead/co units and dated targets.
 * Every page of the 2019 State Council crawl is either indexed or refused for its true reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../../src/core/model.ts';
import { ParseError, parseDocument } from '../../../../src/core/parse/index.ts';
import { compare, GOVCN_DIR, loadDecisions, loadExpected, sourcePath } from './expectations.ts';

function parse(file: string, full: string): ParsedDocument {
  return parseDocument({ file, bytes: readFileSync(full) });
}

const report = (problems: string[]): string => (problems.length ? `\n${problems.join('\n')}` : '');

describe.each(loadExpected())('$corpus/$file', (doc) => {
  const run = (): ReturnType<typeof compare> => compare(doc, parse(doc.file, sourcePath(doc)));

  it('is indexed with its kind, 文号, written date and title', () => {
    const c = run();
    expect(c.docProblems, `${doc.file}:${report(c.docProblems)}`).toEqual([]);
  });

  it('has the measures, labels and titles as written', () => {
    const c = run();
    const problems = [...c.structureProblems, ...c.titleProblems];
    expect(problems, `${doc.file}:${report(problems)}`).toEqual([]);
  });

  it('names the lead and co units of each measure', () => {
    const c = run();
    expect(c.departmentProblems, `${doc.file}:${report(c.departmentProblems)}`).toEqual([]);
  });

  it('finds the dated targets of each measure and no others', () => {
    const c = run();
    expect(c.targetProblems, `${doc.file}:${report(c.targetProblems)}`).toEqual([]);
  });
});

describe('every page of the 2019 State Council crawl is indexed or refused for its true reason', () => {
  const decisions = loadDecisions();

  it.each(decisions.filter((d) => d.decision === 'refuse'))('$file is refused: $reason', ({ file }) => {
    let error: unknown = null;
    try {
      parse(file, path.join(GOVCN_DIR, file));
    } catch (e) {
      error = e;
    }
    expect(error, `${file} should be refused (ParseError), but it was indexed`).toBeInstanceOf(ParseError);
    const message = (error as Error).message;
    // A page without numbered items is not newspaper commentary: the refusal must not say it was read as one.
    expect(message, `${file}: the refusal names a wrong reason: ${message}`).not.toMatch(
      /no recommendations were found|commentary/i,
    );
    expect(message, `${file}: the refusal should say that no numbered items were found: ${message}`).toMatch(
      /numbered/i,
    );
  });

  it.each(decisions.filter((d) => d.decision === 'index'))('$file is indexed: $reason', ({ file, kind }) => {
    let doc: ParsedDocument | null = null;
    let error = '';
    try {
      doc = parse(file, path.join(GOVCN_DIR, file));
    } catch (e) {
      error = (e as Error).message;
    }
    expect(doc, `${file} should be indexed, but it was refused: ${error}`).not.toBeNull();
    expect(doc!.kind, `${file}: kind`).toBe(kind);
    expect(doc!.measures.length, `${file}: measures`).toBeGreaterThan(0);
  });
});
