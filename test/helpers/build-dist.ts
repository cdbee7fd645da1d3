import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from './paths.ts';

const BUILD_FAILED = 'npm run build failed (tsc printed why above): the tests run the compiled sources in dist/';

/**
 * Vitest's global setup: `npm run build` before any test file loads, since the tests run dist/ (see
 * vitest.config.ts). The build is incremental, about half a second when the sources have not changed, and
 * a type error stops the run with tsc's message instead of testing an earlier build.
 */
export default function setup(project: TestProject): void {
  if (!build()) throw new Error(BUILD_FAILED);
  // Watch mode reruns on a source change (forceRerunTriggers): build again before the rerun loads dist/. A
  // throw here would end the watcher (vitest runs the hook from a timer), so a failed build removes dist/
  // instead: the rerun's tests then fail to load rather than pass on the previous build, and the next good
  // build writes dist/ again.
  project.onTestsRerun(() => {
    if (build()) return;
    console.error(BUILD_FAILED);
    fs.rmSync(path.join(REPO_ROOT, 'dist'), { recursive: true, force: true });
  });
}

function build(): boolean {
  try {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}
