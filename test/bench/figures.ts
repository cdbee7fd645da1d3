/**
 * One benchmark figure: what was measured, the reference measured beside it in the same run, and the goal as a
 * bound on their ratio (or on the measured value itself when there is no reference).
 */
export interface Figure {
  name: string;
  unit: string;
  measured: number;
  /** What the figure is compared with, measured in the same run. */
  reference?: { name: string; value: number };
  /** measured / reference. */
  ratio?: number;
  /** The goal, as text ("≤ 1.3× reference"), and whether it is met. */
  goal?: string;
  met?: boolean;
}

export function figure(
  name: string,
  unit: string,
  measured: number,
  reference?: { name: string; value: number },
  goal?: { text: string; maxRatio?: number; minRatio?: number; max?: number },
): Figure {
  const ratio = reference && reference.value > 0 ? measured / reference.value : undefined;
  let met: boolean | undefined;
  if (goal) {
    met = true;
    if (goal.maxRatio !== undefined) met &&= ratio !== undefined && ratio <= goal.maxRatio;
    if (goal.minRatio !== undefined) met &&= ratio !== undefined && ratio >= goal.minRatio;
    if (goal.max !== undefined) met &&= measured <= goal.max;
  }
  return {
    name,
    unit,
    measured,
    ...(reference ? { reference } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    ...(goal ? { goal: goal.text, met } : {}),
  };
}

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** A markdown table of figures: goal / reference / measured / ratio / met. */
export function figuresTable(figures: Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${f.goal ?? '—'} | ${f.reference ? `${f.reference.name}: ${num(f.reference.value)} ${f.unit}` : '—'} | ${num(f.measured)} ${f.unit} | ${
        f.ratio !== undefined ? `${num(f.ratio)}×` : '—'
      } | ${f.met === undefined ? '—' : f.met ? 'yes' : '**no**'} |`,
  );
  return [
    '| figure | goal | reference (same run) | measured | ratio | met? |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}
