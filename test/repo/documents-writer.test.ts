import { describe, expect, it } from 'vitest';
import { listTasks } from '../../src/repo/documents-repo.ts';
import { stretchOf } from '../../src/repo/documents-writer.ts';
import { seededDb } from '../helpers/db.ts';

describe('stretchOf', () => {
  it('gives character offsets, counting a character outside the basic plane once', () => {
    expect(stretchOf('加快建设。到2025年底建成', '到2025年底建成')).toEqual({ from: 5, to: 14 });
    expect(stretchOf('𠀀基站。到年底建成', '到年底建成')).toEqual({ from: 4, to: 9 });
    expect(stretchOf('加快建设', '加快建设')).toEqual({ from: 0, to: 4 });
    expect(stretchOf('加快建设', '不在其中')).toBeNull();
    // Text SQLite would read back differently (a NUL, a lone surrogate) is kept as a copy.
    expect(stretchOf('加快\0建设。到年底建成', '到年底建成')).toBeNull();
    expect(stretchOf('加快\uD800建设。到年底建成', '到年底建成')).toBeNull();
  });
});

describe('task texts in the index', () => {
  it('are stored once, as stretches of their measure, and read back whole', async () => {
    const db = await seededDb('2023-03-01T02:00:00Z');
    const stored = db.prepare('SELECT COUNT(*) AS n, COUNT(text) AS copies FROM tasks').get() as {
      n: number;
      copies: number;
    };
    expect(stored.n).toBeGreaterThan(100);
    // Every seed task is a stretch of its measure (the measure split at its brackets): no copy is kept.
    expect(stored.copies).toBe(0);
    const measures = db.prepare('SELECT id, text FROM measures').all() as { id: string; text: string }[];
    const tasks = listTasks(
      db,
      measures.map((m) => m.id),
    );
    const textOf = new Map(measures.map((m) => [m.id, m.text]));
    for (const t of tasks) {
      expect(t.text.length).toBeGreaterThan(0);
      expect(textOf.get(t.measureId)).toContain(t.text);
    }
  });
});
