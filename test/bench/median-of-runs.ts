import fs from 'node:fs';
import { type Figure, figure, figuresTable, median } from './figures.ts';

/**
 * `node --import tsx test/bench/median-of-runs.ts a.json b.json c.json`: one table of the per-figure medians of
 * several `npm run bench -- --json` outputs (measured, reference and ratio each the median over the runs),
 * for the README's Performance table.
 */
const runs = process.argv
  .slice(2)
  .map(
    (f) =>
      JSON.parse(fs.readFileSync(f, 'utf8')) as { date: string; machine: Record<string, unknown>; figures: Figure[] },
  );
const names = [...new Set(runs.flatMap((r) => r.figures.map((f) => f.name)))];
const figures = names.map((name) => {
  const fs_ = runs.map((r) => r.figures.find((f) => f.name === name)).filter((f): f is Figure => f !== undefined);
  const f0 = fs_[0]!;
  const m = median(fs_.map((f) => f.measured));
  const ref = f0.reference ? { name: f0.reference.name, value: median(fs_.map((f) => f.reference!.value)) } : undefined;
  const out: Figure = { ...figure(name, f0.unit, m, ref), ...(f0.goal ? { goal: f0.goal } : {}) };
  if (f0.ratio !== undefined) out.ratio = median(fs_.map((f) => f.ratio!));
  // Met if the median run met it (by majority of the runs).
  if (f0.goal) out.met = fs_.filter((f) => f.met).length * 2 > fs_.length;
  return { ...out, name: `${name} (n=${fs_.length})` };
});
const m = runs[0]!.machine;
process.stdout.write(
  `Medians of ${runs.length} runs, ${runs.map((r) => r.date.slice(0, 16).replace('T', ' ')).join(', ')} UTC; ${String(m.cpus)}, ${String(m.memoryGb)} GB, Node ${String(m.node)}; load averages at start ${runs
    .map((r) => (r.machine.loadAverage as number[])[0])
    .join(', ')}\n\n${figuresTable(figures)}\n`,
);
