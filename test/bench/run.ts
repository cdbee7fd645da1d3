import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Figure, figuresTable } from './figures.ts';

/**
 * `npm run bench [-- index|slack] [--measures=100000,300000] [--json]`: runs every test/bench/*.bench.ts (or
 * those named) in turn; each default-exports an async function that prints its details and returns
 * `{ figures }` (figures.ts). Then prints one table of every figure with its reference and ratio, and with
 * --json writes them all, with the machine and date, to stdout as JSON (details go to stderr) and to
 * .bench/results.json. Benchmarks are not tests: they assert nothing and are not run by vitest.
 */
// Before any benchmark loads: they import src/*.ts, and time what `npm start` runs (dist/, compiled by tsc).
register('./compiled-sources.mjs', import.meta.url);
const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
// With --json, stdout carries only the JSON.
const say = (t: string) => (json ? process.stderr : process.stdout).write(t);
const writeStdout = process.stdout.write.bind(process.stdout);
if (json)
  process.stdout.write = ((chunk: string | Uint8Array) => process.stderr.write(chunk)) as typeof process.stdout.write;

const machine = {
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
};
const date = new Date().toISOString();
const figures: Figure[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as {
    default?: () => Promise<{ figures?: Figure[] }>;
  };
  if (typeof mod.default !== 'function') {
    say(`${f}: no default export function; skipped\n`);
    continue;
  }
  say(`\n## ${f}\n\n`);
  const started = Date.now();
  try {
    const result = await mod.default();
    figures.push(...(result.figures ?? []));
  } catch (err) {
    // One failing part must not lose the figures of the others.
    say(`${f} failed: ${(err as Error).stack ?? String(err)}\n`);
  }
  say(`\n(${f}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
const table = `Measured ${date.slice(0, 10)} on ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node} (load average at start ${machine.loadAverage.join(' ')})\n\n${figuresTable(figures)}\n`;
say(`\n${table}`);
const results = { date, machine, figures };
fs.mkdirSync(path.join(dir, '..', '..', '.bench'), { recursive: true });
fs.writeFileSync(path.join(dir, '..', '..', '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
fs.writeFileSync(path.join(dir, '..', '..', '.bench', 'results.md'), table);
if (json) writeStdout(`${JSON.stringify(results, null, 2)}\n`);
