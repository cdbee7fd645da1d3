import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/parse/normalize.ts';

describe('normalizeText', () => {
  it('folds full-width forms and keeps the length so matches map back to the original', () => {
    const s = '（一）２０２２年，ＡＩ　应用—试点；';
    const n = normalizeText(s);
    expect(n).toBe('(一)2022年,AI 应用-试点;');
    expect(n.length).toBe(s.length);
  });

  it('leaves enclosed numbers alone: ① is a label or a list marker, not the digit 1', () => {
    expect(normalizeText('①2024年3月底前，完成招标。⑩ⓐ')).toBe('①2024年3月底前,完成招标。⑩ⓐ');
  });

  it('leaves Han text, 〔〕 and Chinese quotes alone', () => {
    expect(normalizeText('湘政办发〔2021〕38号“十四五”')).toBe('湘政办发〔2021〕38号“十四五”');
  });

  it.each([
    [
      'traditional names',
      '市政府辦公室牽頭，各縣市區政府按職責分工負責',
      '市政府办公室牵头,各县市区政府按职责分工负责',
    ],
    ['a traditional date and label', '（一）2022年10月底前編制並公布', '(一)2022年10月底前编制并公布'],
    ['simplified text is left as it is', '国家发展改革委、工业和信息化部负责', '国家发展改革委、工业和信息化部负责'],
  ])('folds %s to simplified, one character for one', (_about, written, matched) => {
    const n = normalizeText(written);
    expect(n).toBe(matched);
    expect(n.length).toBe(written.length);
  });
});

describe('normalizeText on long and unusual text', () => {
  it('keeps lone surrogates and astral characters exactly where they were', () => {
    const s = `第一条\ud800，${'发展'.repeat(10)}😀（二）\udfff`;
    const n = normalizeText(s);
    expect(n).toBe(`第一条\ud800,${'发展'.repeat(10)}😀(二)\udfff`);
    expect(n.length).toBe(s.length);
  });

  it('normalises text longer than any before it, and gives the same answer when asked again', () => {
    const s = `${'（一）加快發展，'.repeat(20_000)}ＡＢＣ`;
    const expected = `${'(一)加快发展,'.repeat(20_000)}ABC`;
    expect(normalizeText(s)).toBe(expected);
    expect(normalizeText(s)).toBe(expected);
    // A short text after the long one is not padded with what the long one left behind.
    expect(normalizeText('（三）')).toBe('(三)');
  });
});

describe('normalizeText keeps a byte order mark', () => {
  it('keeps a leading U+FEFF, so offsets still line up', () => {
    const s = '\uFEFF東府〔2021〕54號，到２０２５年底';
    const n = normalizeText(s);
    expect(n.length).toBe(s.length);
    expect(n).toBe('\uFEFF东府〔2021〕54号,到2025年底');
  });
});
