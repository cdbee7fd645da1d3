// Resolve hooks (node:module register) that load dist/*.js wherever src/*.ts is imported: the benchmark times
// the code `npm start` runs, compiled by tsc, not tsx's transform of the sources (which wraps every function it
// creates in a helper that names it: measurable in closure-heavy code such as the parser). A source without a
// compiled counterpart is an error (loading it as itself would give that module two copies, one per path).
// run.ts registers this before loading any benchmark; `npm run bench` builds first.
import fs from 'node:fs';

const root = new URL('../../', import.meta.url).href;
const SRC = `${root}src/`;
const DIST = `${root}dist/`;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (!resolved.url.startsWith(SRC) || !resolved.url.endsWith('.ts')) return resolved;
  const compiled = `${DIST}${resolved.url.slice(SRC.length, -'.ts'.length)}.js`;
  if (!fs.existsSync(new URL(compiled))) {
    throw new Error(`${compiled} is missing: run \`npm run build\` before the benchmark (npm run bench does).`);
  }
  return { url: compiled, format: 'module', shortCircuit: true };
}
