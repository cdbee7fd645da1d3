import { describe, expect, it } from 'vitest';
import {
  findRevisionOf,
  type IndexedDocument,
  revisionDocNumber,
  revisionTitle,
} from '../../../src/core/ingest/revision-of.ts';

const doc = (over: Partial<IndexedDocument>): IndexedDocument => ({
  id: 'aaaa',
  file: 'a.txt',
  kind: 'policy',
  title: '天津市加快发展新型消费实施方案（征求意见稿）',
  region: '天津市',
  docNumber: null,
  ...over,
});

function index(docs: IndexedDocument[]) {
  return {
    byFile: (f: string) => docs.find((d) => d.file === f),
    byDocNumber: (n: string) => docs.filter((d) => d.docNumber !== null && revisionDocNumber(d.docNumber) === n),
    byTitle: (t: string) => docs.filter((d) => revisionTitle(d.title) === t),
  };
}

const incoming = {
  file: 'final.txt',
  kind: 'policy' as const,
  title: '天津市加快发展新型消费实施方案',
  region: '天津市',
  docNumber: null,
};

describe('findRevisionOf', () => {
  it('drops draft markers from titles', () => {
    expect(revisionTitle('天津市加快发展新型消费实施方案（征求意见稿）')).toBe('天津市加快发展新型消费实施方案');
    expect(revisionTitle('关于促进消费的若干措施(送审稿)')).toBe('关于促进消费的若干措施');
    expect(revisionTitle('关于促进消费的若干措施（试行）')).toBe('关于促进消费的若干措施(试行)');
  });

  it('recognises a revision by file name first, then 文号, then title', () => {
    expect(findRevisionOf({ ...incoming, file: 'a.txt', title: '完全不同的标题' }, index([doc({})]))).toMatchObject({
      matchedBy: 'file',
    });
    const numbered = doc({ id: 'bbbb', file: 'b.txt', title: '别的标题', docNumber: '津政办发〔2021〕5号' });
    expect(findRevisionOf({ ...incoming, docNumber: '津政办发〔2021〕5号' }, index([doc({}), numbered]))).toMatchObject(
      { document: { id: 'bbbb' }, matchedBy: 'doc_number' },
    );
    expect(findRevisionOf(incoming, index([doc({})]))).toMatchObject({ document: { id: 'aaaa' }, matchedBy: 'title' });
  });

  it('does not guess: two candidates, another region, another kind or another 文号 are not revisions', () => {
    expect(findRevisionOf(incoming, index([doc({}), doc({ id: 'cccc', file: 'c.txt' })]))).toBeUndefined();
    expect(findRevisionOf({ ...incoming, region: '湖南省' }, index([doc({})]))).toBeUndefined();
    expect(findRevisionOf({ ...incoming, kind: 'qa' }, index([doc({})]))).toBeUndefined();
    expect(
      findRevisionOf(
        { ...incoming, docNumber: '津政办发〔2022〕1号' },
        index([doc({ docNumber: '津政办发〔2021〕5号' })]),
      ),
    ).toBeUndefined();
  });
});

describe('revision keys', () => {
  it('match a 文号 and a title whatever their script, width and spacing', () => {
    expect(revisionDocNumber('東府〔2021〕54號')).toBe(revisionDocNumber('东府〔2021〕54号'));
    expect(revisionDocNumber('津政办发 〔２０２１〕５号')).toBe(revisionDocNumber('津政办发〔2021〕5号'));
    expect(revisionDocNumber('津政办发〔2021〕5号')).not.toBe(revisionDocNumber('津政办发〔2021〕6号'));
    expect(revisionTitle('東莞市關於穩就業的若干措施（征求意见稿）')).toBe(revisionTitle('东莞市关于稳就业的若干措施'));
  });
});
