import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/parse/normalize.ts';

describe('normalizeText', () => {
  it('folds full-width forms and keeps the length so matches map back to the original', () => {
    const s = '（一）２０２２年，ＡＩ　应用—试点；';
    const n = normalizeText(s);
    expect(n).toBe('(一)2022年,AI 应用-试点;');
    expect(n.length).toBe(s.length);
  });

  it('leaves Han text, 〔〕 and Chinese quotes alone', () => {
    expect(normalizeText('湘政办发〔2021〕38号“十四五”')).toBe('湘政办发〔2021〕38号“十四五”');
  });
});
