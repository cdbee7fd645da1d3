import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  resolve: {
    // Tests import the sources (`../../src/x.ts`, for types and navigation) and run the compiled modules that
    // `npm start` runs, loaded by Node itself: transforming the sources in every worker was a fifth of the
    // suite's time. The global setup builds dist/ first, so a test never runs an earlier build.
    alias: [{ find: /^((?:\.\.\/)+)src\/(.+)\.ts$/, replacement: '$1dist/$2.js' }],
  },
  // In watch mode a source change reruns everything (forceRerunTriggers) after the global setup rebuilds; the
  // build's own writes to dist/ would trigger a second rerun.
  server: { watch: { ignored: ['**/dist/**'] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build-dist.ts'],
    forceRerunTriggers: ['**/package.json/**', '**/vitest.config.*/**', '**/src/**'],
    server: { deps: { external: [new RegExp(`^${escapeRegExp(DIST)}${escapeRegExp(path.sep)}`)] } },
    // Every test builds its own database, clock and fake Slack, so test files share no state worth isolating;
    // without isolation each worker loads the module graph and jieba's dictionary once instead of per file
    // (the suite goes from ~100 s to ~30 s on two cores).
    isolate: false,
    // Whichever test first segments text in a worker pays for loading jieba's dictionary (1–4 s on a busy
    // two-core machine); the default 5 s would make that test fail at random.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: {
      // Several files wait on child processes and sockets: two workers overlap them even on two cores.
      forks: { minForks: 1, maxForks: Math.max(2, os.availableParallelism() - 1) },
    },
  },
});
