import { describe, expect, it } from 'vitest';
import { assignIds, suffixFresh } from '../../../src/core/ingest/assign-ids.ts';

describe('assignIds', () => {
  it('keeps ids of unchanged items even when an item is inserted before them', () => {
    const existing = [
      { id: 'd-1', key: '（一）', hash: 'h1' },
      { id: 'd-2', key: '（二）', hash: 'h2' },
    ];
    const incoming = [
      { key: '（一）', hash: 'new', preferredId: 'd-1' },
      { key: '（二）', hash: 'h1', preferredId: 'd-2' },
      { key: '（三）', hash: 'h2', preferredId: 'd-3' },
    ];
    const ids = assignIds(existing, incoming, suffixFresh);
    expect(ids[1]).toBe('d-1');
    expect(ids[2]).toBe('d-2');
    // the inserted item may not take an id that belonged to another item
    expect(ids[0]).not.toBe('d-1');
    expect(ids[0]).not.toBe('d-2');
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps the id of an edited item by its label', () => {
    const ids = assignIds([{ id: 'd-1', key: '（一）', hash: 'old' }], [{ key: '（一）', hash: 'new', preferredId: 'd-1' }], suffixFresh);
    expect(ids).toEqual(['d-1']);
  });

  it('never hands a vanished item’s id to a different item', () => {
    const ids = assignIds([{ id: 'd-1', key: '（一）', hash: 'old' }], [{ key: '1.', hash: 'other', preferredId: 'd-1' }], suffixFresh);
    expect(ids).toEqual(['d-1-b']);
  });
});
