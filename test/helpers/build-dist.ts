import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from './paths.ts';

/**
 * Vitest's global setup: `npm run build` before any test file loads, since the tests run dist/ (see
 * vitest.config.ts). The build is incremental, about half a second when the sources have not changed, and
 * a type error stops the run with tsc's message instead of testing an earlier build.
 */
export default function setup(project: TestProject): void {
  buildDist();
  // Watch mode reruns on a source change (forceRerunTriggers): build again before the rerun loads dist/.
  project.onTestsRerun(buildDist);
}

function buildDist(): void {
  try {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  } catch {
    throw new Error('npm run build failed (tsc printed why above): the tests run the compiled sources in dist/');
  }
}
