import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../src/core/model.ts';
import { parseText } from '../../src/core/parse/index.ts';
import type { Segmenter } from '../../src/core/search/segmenter.ts';
import { segmentingAhead } from '../../src/services/segmenting-ahead.ts';
import { numberedPlan } from '../helpers/numbered-plan.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

/** A parsed plan of `measures` measures whose texts all name `name`, to tell in the batches which was cut. */
function plan(name: string, measures: number): { doc: ParsedDocument } {
  const text = numberedPlan(`关于推进${name}试点的实施方案`, measures, (k) => `推进${name}第${k}项试点建设`);
  return { doc: parseText({ file: `${name}.txt`, text, format: 'text' }) };
}

/**
 * A segmenter whose batches wait until the test lets them finish: `started` lists, per batch, the plan it cut
 * (by the name in its texts); `finish(name)` lets that batch return.
 */
function gatedSegmenter(names: string[]) {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const done = new Set<string>();
  const segmenter: Segmenter = {
    ...testSegmenter,
    cutForIndexBatch: async (texts) => {
      const name = names.find((n) => texts.some((t) => t.includes(n))) ?? '?';
      started.push(name);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      try {
        if (name === '故障') throw new Error('the segmenter failed');
        return await testSegmenter.cutForIndexBatch!(texts);
      } finally {
        done.add(name);
      }
    },
  };
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const finish = async (name: string) => {
    for (let i = 0; !gates.has(name); i++) {
      if (i > 1000) throw new Error(`${name} was never started`);
      await turn();
    }
    gates.get(name)!();
    gates.delete(name);
    // The real cut runs on a pool thread: wait for it, then for the queue to hand over and start the next.
    for (let i = 0; !done.has(name); i++) {
      if (i > 100_000) throw new Error(`${name} never finished`);
      await turn();
    }
    for (let i = 0; i < 5; i++) await turn();
  };
  return { segmenter, started, finish, turn };
}

const NAMES = ['冷链', '电商', '养老', '文旅', '故障'];

describe('segmentingAhead', () => {
  it('cuts at most two documents at once, in the order asked, and the next as soon as one is done', async () => {
    const { segmenter, started, finish, turn } = gatedSegmenter(NAMES);
    const [a, b, c] = [plan('冷链', 3), plan('电商', 3), plan('养老', 3)];
    const ahead = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 1_000 });
    for (const d of [a, b, c]) ahead.ask(d);
    await turn();
    expect(started).toEqual(['冷链', '电商']);
    await finish('电商');
    expect(started).toEqual(['冷链', '电商', '养老']);
    await finish('冷链');
    await finish('养老');
    // Taken in any order, each gives its own measures' columns, already cut.
    for (const d of [c, a, b]) {
      const columns = await ahead.take(d);
      const m = d.doc.measures[0]!;
      expect(columns({ title: m.title, text: m.text, section: m.section, departments: '' }).title).toContain(
        d === a ? '冷链' : d === b ? '电商' : '养老',
      );
    }
  });

  it('shares the two at a time with every ingest on the same segmenter (uploads at once)', async () => {
    const { segmenter, started, finish, turn } = gatedSegmenter(NAMES);
    const first = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 1_000 });
    const second = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 1_000 });
    const [a, b, c, d] = [plan('冷链', 3), plan('电商', 3), plan('养老', 3), plan('文旅', 3)];
    first.ask(a);
    first.ask(b);
    second.ask(c);
    first.ask(d);
    await turn();
    expect(started).toEqual(['冷链', '电商']);
    // One finishes: the queue it belongs to goes first, then the others.
    await finish('冷链');
    expect(started).toEqual(['冷链', '电商', '文旅']);
    await finish('文旅');
    expect(started).toEqual(['冷链', '电商', '文旅', '养老']);
    // A stopped ingest cuts nothing it had queued, even once the pool has room.
    const third = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 1_000 });
    third.ask(plan('故障', 2));
    third.stop();
    await finish('电商');
    await finish('养老');
    await turn();
    expect(started).not.toContain('故障');
  });

  it('starts no more while the documents cut and not yet written hold the measure limit; writing one frees it', async () => {
    const { segmenter, started, finish, turn } = gatedSegmenter(NAMES);
    const [a, b, c] = [plan('冷链', 30), plan('电商', 30), plan('养老', 5)];
    const ahead = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 50 });
    for (const d of [a, b, c]) ahead.ask(d);
    await finish('冷链');
    await finish('电商');
    // 60 measures are held (cut, not taken): 养老 waits, though nothing is in flight.
    expect(started).toEqual(['冷链', '电商']);
    await ahead.take(a);
    await turn();
    expect(started).toEqual(['冷链', '电商', '养老']);
    await finish('养老');
    await ahead.take(b);
    await ahead.take(c);
  });

  it('hands over a document still queued behind the measure limit once the ones before it are taken', async () => {
    const { segmenter, started, finish } = gatedSegmenter(NAMES);
    const [a, b, c] = [plan('冷链', 30), plan('电商', 30), plan('养老', 5)];
    const ahead = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 50 });
    for (const d of [a, b, c]) ahead.ask(d);
    const takenC = ahead.take(c);
    await finish('冷链');
    await finish('电商');
    expect(started).toEqual(['冷链', '电商']);
    await Promise.all([ahead.take(a), ahead.take(b)]);
    await finish('养老');
    const m = c.doc.measures[0]!;
    expect((await takenC)({ title: m.title, text: m.text, section: m.section, departments: '' }).title).toContain(
      '养老',
    );
  });

  it('lets go of what the plan does not write, and cuts nothing more once stopped', async () => {
    const { segmenter, started, finish, turn } = gatedSegmenter(NAMES);
    const [a, b, c, d] = [plan('冷链', 30), plan('电商', 30), plan('养老', 5), plan('文旅', 5)];
    const ahead = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 50 });
    for (const x of [a, b, c, d]) ahead.ask(x);
    await finish('冷链');
    await finish('电商');
    expect(started).toEqual(['冷链', '电商']);
    // The plan writes only 电商 and 文旅: 冷链's measures no longer count, 养老 is skipped, 文旅 starts.
    ahead.only(new Set([b, d]));
    await turn();
    expect(started).toEqual(['冷链', '电商', '文旅']);
    ahead.stop();
    await finish('文旅');
    expect(started).toEqual(['冷链', '电商', '文旅']);
    // A document the plan writes after all (a replan) is cut when taken.
    const late = ahead.take(c);
    await finish('养老');
    await late;
    expect(started).toEqual(['冷链', '电商', '文旅', '养老']);
  });

  it('reports a failed cut to whoever takes the document, and a failure nobody takes goes unnoticed', async () => {
    const { segmenter, finish } = gatedSegmenter(NAMES);
    const broken = plan('故障', 2);
    const ahead = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 100 });
    ahead.ask(broken);
    const taken = ahead.take(broken);
    await finish('故障');
    await expect(taken).rejects.toThrow('the segmenter failed');
    // Asked, failed, never taken: no unhandled rejection (vitest would fail this file).
    const again = segmentingAhead<{ doc: ParsedDocument }>(segmenter, { inFlight: 2, heldMeasures: 100 });
    again.ask(broken);
    await finish('故障');
    again.stop();
  });
});
