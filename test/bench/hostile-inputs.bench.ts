import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HOSTILE_INPUTS, normalDocument } from '../core/parse/hostile-inputs.ts';

/**
 * Parse time of each hostile input (test/core/parse/hostile-inputs.ts), as reported and inside a small policy,
 * beside a normal document of the same size in bytes (the Tianjin plan from the seeds, its body repeated),
 * parsed in the same run. Each time is the median of RUNS parses after one warm-up parse of the same input
 * (and WARMUP_PARSES of the normal document before the first).
 *
 * `node --import tsx test/bench/hostile-inputs.bench.ts [--json] [--bytes N] [--root DIR]` — `--bytes` sets the size
 * (default 100 KB); `--root` parses with the parser of another checkout (default: this one), so the same inputs
 * measure an older parser for comparison. Also a default export returning the numbers, as test/bench/run.ts
 * expects of a benchmark.
 */

const RUNS = 5;
/** Parses of the normal document before anything is timed. */
const WARMUP_PARSES = 3;
const DEFAULT_BYTES = 100_000;
/** A warm-up parse slower than this is reported alone: repeating a parse of many seconds adds nothing. */
const SLOW_MS = 3000;

const here = path.dirname(fileURLToPath(import.meta.url));

interface Options {
  json: boolean;
  bytes: number;
  root: string;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const bytes = Number(value('--bytes') ?? DEFAULT_BYTES);
  if (!Number.isInteger(bytes) || bytes < 1000) throw new Error('--bytes takes a whole number of bytes ≥ 1000');
  return { json: argv.includes('--json'), bytes, root: path.resolve(value('--root') ?? path.join(here, '../..')) };
}

type Parse = (source: { file: string; bytes: Uint8Array }) => { measures: unknown[] };

interface Timing {
  medianMs: number;
  runs: number;
  /** `N measures`, or the ParseError code the parser refused with. */
  outcome: string;
}

function time(parse: Parse, file: string, bytes: Uint8Array): Timing {
  const once = (): { ms: number; outcome: string } => {
    const started = performance.now();
    let outcome: string;
    try {
      outcome = `${parse({ file, bytes }).measures.length} measures`;
    } catch (error) {
      outcome = (error as { code?: string }).code ?? (error as Error).name;
    }
    return { ms: performance.now() - started, outcome };
  };
  const warm = once();
  if (warm.ms > SLOW_MS) return { medianMs: warm.ms, runs: 1, outcome: warm.outcome };
  const ms = Array.from({ length: RUNS }, () => once().ms).sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(RUNS / 2)]!, runs: RUNS, outcome: warm.outcome };
}

export interface Row {
  input: string;
  form: 'as reported' | 'in a policy';
  file: string;
  bytes: number;
  chars: number;
  outcome: string;
  medianMs: number;
  runs: number;
  normalMs: number;
  ratio: number;
}

export async function measure(opts: Options): Promise<Row[]> {
  const mod = (await import(pathToFileURL(path.join(opts.root, 'src/core/parse/index.ts')).href)) as {
    parseDocument: Parse;
  };
  // The first parses of a run compile the parser's code paths: done on the normal document before any timing.
  const warmup = new TextEncoder().encode(normalDocument(opts.bytes));
  for (let i = 0; i < WARMUP_PARSES; i++) time(mod.parseDocument, 'normal.txt', warmup);
  const normalMs = new Map<number, number>();
  const normal = (bytes: number): number => {
    let ms = normalMs.get(bytes);
    if (ms === undefined) {
      ms = time(mod.parseDocument, 'normal.txt', new TextEncoder().encode(normalDocument(bytes))).medianMs;
      normalMs.set(bytes, ms);
    }
    return ms;
  };
  const rows: Row[] = [];
  for (const h of HOSTILE_INPUTS) {
    for (const [form, text] of [
      ['as reported', h.asReported(opts.bytes)],
      ['in a policy', h.inDocument(opts.bytes)],
    ] as const) {
      const bytes = new TextEncoder().encode(text);
      const t = time(mod.parseDocument, h.file, bytes);
      const n = normal(bytes.length);
      rows.push({
        input: h.name,
        form,
        file: h.file,
        bytes: bytes.length,
        chars: text.length,
        outcome: t.outcome,
        medianMs: t.medianMs,
        runs: t.runs,
        normalMs: n,
        ratio: t.medianMs / n,
      });
    }
  }
  return rows;
}

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function table(rows: Row[]): string {
  const lines = [
    '| input | form | bytes | outcome | parse ms (median) | normal document ms | ratio |',
    '|---|---|--:|---|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.input.replace(/\|/g, '\\|')} | ${r.form} | ${r.bytes} | ${r.outcome} | ${ms(r.medianMs)}${r.runs === 1 ? ' (1 run)' : ''} | ${ms(r.normalMs)} | ${r.ratio.toFixed(2)} |`,
    ),
  ];
  return lines.join('\n');
}

export default async function main(argv: string[] = []): Promise<Record<string, unknown>> {
  const opts = parseArgs(argv);
  const rows = await measure(opts);
  if (opts.json) process.stdout.write(`${JSON.stringify({ root: opts.root, runs: RUNS, rows }, null, 2)}\n`);
  else {
    process.stdout.write(
      `Parser: ${opts.root}; median of ${RUNS} parses after a warm-up (Node ${process.version}).\n\n`,
    );
    process.stdout.write(`${table(rows)}\n`);
  }
  return { root: opts.root, runs: RUNS, rows };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
