import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  documentIdCandidates,
  hashText,
  ID_PATTERN,
  measureIdBase,
  normalizeIdInput,
  targetId,
  taskId,
} from '../../src/core/ids.ts';

describe('ids', () => {
  it('hashes content as sha256 of its UTF-8 bytes, in hex, so stored content hashes still compare equal', () => {
    expect(hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const text of ['冷链', '到2022年底累计建成5G基站5万个', '𠀀 supplementary', 'Ａ\u0000b']) {
      expect(hashText(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    }
  });
  it('derives a stable, typeable document id from the file name', () => {
    const [a] = documentIdCandidates('004_f12b47b876523609.txt');
    expect(a).toMatch(/^[a-hj-km-np-z2-9]{4}$/);
    expect(documentIdCandidates('004_f12b47b876523609.txt')[0]).toBe(a);
    expect(documentIdCandidates('003_a76f9fbeb2c10513.txt')[0]).not.toBe(a);
  });
  it('builds measure, task and target ids that match the typed-id pattern', () => {
    const m = measureIdBase('k7qm', 'measure', 4);
    const t = taskId(m, 1);
    const g = targetId(t, 0);
    expect([m, t, g]).toEqual(['k7qm-4', 'k7qm-4.2', 'k7qm-4.2.t1']);
    expect(measureIdBase('k7qm', 'answer', 3)).toBe('k7qm-q3');
    for (const id of [m, t, g, 'k7qm', 'k7qm-p2']) expect(id).toMatch(ID_PATTERN);
  });
  it('accepts what people type around an id', () => {
    expect(normalizeIdInput(' `K7QM-4.2` ')).toBe('k7qm-4.2');
    expect(normalizeIdInput('（k7qm-4）')).toBe('k7qm-4');
  });
});

describe('documentIdCandidates', () => {
  it('offers enough distinct ids for a file removed and added again many times', () => {
    const c = documentIdCandidates('plan.txt');
    expect(new Set(c).size).toBe(c.length);
    expect(c.length).toBeGreaterThan(20);
    for (const id of c) expect(id).toMatch(ID_PATTERN);
  });
});
