import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

const SRC = path.join(REPO_ROOT, 'src');
const DIST = path.join(REPO_ROOT, 'dist');

/**
 * The path of a compiled file in dist/ (what `npm start` and `npx measures` run), after checking that dist/ was
 * built from the sources as they are: a test of the compiled bot would otherwise pass or fail on whatever an
 * earlier build left. Vitest's global setup builds first (build-dist.ts); a source changed during the run is
 * caught here.
 */
export function distFile(rel: string): string {
  // tsc -b writes its build info last, and again on a build that found nothing to emit.
  const builtAt = fs.statSync(path.join(DIST, '.tsbuildinfo'), { throwIfNoEntry: false })?.mtimeMs;
  const newer =
    builtAt === undefined
      ? undefined
      : (fs.readdirSync(SRC, { recursive: true }) as string[]).find(
          (f) => f.endsWith('.ts') && fs.statSync(path.join(SRC, f)).mtimeMs > builtAt,
        );
  if (builtAt === undefined || newer !== undefined) {
    const why = builtAt === undefined ? 'dist/ has not been built' : `src/${newer} changed after the last build`;
    throw new Error(`${why}: run \`npm run build\` first (\`npm test\` does)`);
  }
  return path.join(DIST, rel);
}
