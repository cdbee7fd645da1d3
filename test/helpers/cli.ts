import { runCli } from '../../src/cli/run.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { testSegmenter } from './segmenter.ts';

/** Runs the CLI in process with captured output, as `measures <argv>` would. */
export async function cli(argv: string[], env: Record<string, string> = {}, now = '2026-11-22T01:00:00Z') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    config: loadConfig(env),
    clock: fixedClock(now),
    logger: silentLogger,
    segmenter: testSegmenter,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}
