import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
