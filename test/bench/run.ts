import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every test/bench/*.bench.ts in turn (each default-exports an async function that prints
 * its own markdown table and returns its numbers), then prints all numbers as one JSON object.
 * Benchmarks are not tests: they assert nothing and are not run by vitest.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: Record<string, unknown> = {};
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default?: () => Promise<Record<string, unknown>> };
  if (typeof mod.default !== 'function') {
    process.stderr.write(`${f}: no default export function; skipped\n`);
    continue;
  }
  process.stdout.write(`\n## ${f}\n\n`);
  const started = Date.now();
  results[f] = await mod.default();
  process.stdout.write(`\n(${f}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.stdout.write(`\n${JSON.stringify(results, null, 2)}\n`);
