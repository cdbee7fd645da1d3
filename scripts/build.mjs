// `npm run build`: src/ → dist/ (what `npm start` and `npx measures` run). tsc -b compiles incrementally
// (dist/.tsbuildinfo), so the build `npm test` runs first costs about a second when nothing changed. Around
// it, this script keeps dist/ exactly what the sources give: tsc trusts its build info, so outputs that are
// missing or were changed after the last build, or dependencies installed since (their types are not among
// the inputs tsc -b dates), make it compile everything again; outputs whose source is gone are removed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** Must match tsBuildInfoFile in tsconfig.build.json: inside dist/, so deleting dist/ also forgets the build. */
const BUILD_INFO = path.join(DIST, '.tsbuildinfo');
/** Rewritten by npm at every install. */
const INSTALLED = path.join(ROOT, 'node_modules', '.package-lock.json');
/** Data files the code reads next to itself, copied as they are. */
const COPIED = ['search/dict'];

/** Paths of the files under dir, relative to it (walked by hand: readdirSync's `recursive` needs Node 20.1). */
function filesUnder(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) return filesUnder(path.join(dir, entry.name), rel);
    return entry.isFile() ? [rel] : [];
  });
}

const mtime = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
const compiled = (rel) => /\.ts$/.test(rel) && !/\.d\.ts$/.test(rel);
const outputOf = (rel) => path.join(DIST, rel.replace(/\.ts$/, '.js'));

const builtAt = mtime(BUILD_INFO);
if (builtAt !== undefined) {
  const outputChanged = (rel) => {
    const at = mtime(outputOf(rel));
    return at === undefined || at > builtAt;
  };
  if (filesUnder(SRC).filter(compiled).some(outputChanged) || (mtime(INSTALLED) ?? 0) > builtAt) {
    fs.rmSync(BUILD_INFO);
  }
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-b', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
} catch {
  // tsc has printed the errors.
  process.exit(1);
}

const isCopied = (rel) => COPIED.some((dir) => rel.startsWith(`${dir}${path.sep}`));
for (const rel of filesUnder(DIST)) {
  if (rel === path.basename(BUILD_INFO) || isCopied(rel)) continue;
  const source = path.join(SRC, rel.replace(/\.js(\.map)?$/, '.ts'));
  if (!fs.existsSync(source)) fs.rmSync(path.join(DIST, rel));
}
for (const dir of COPIED) {
  fs.rmSync(path.join(DIST, dir), { recursive: true, force: true });
  fs.cpSync(path.join(SRC, dir), path.join(DIST, dir), { recursive: true });
}
