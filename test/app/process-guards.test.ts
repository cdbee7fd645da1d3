import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distFile } from '../helpers/dist.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * In a real Node process, since an unhandled rejection's default is to end the process; plain `node` on the
 * compiled modules, as the bot runs.
 */
function run(script: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
}

const REJECT_THEN_SERVE = `
  Promise.reject(new Error('boom in a callback'));
  setImmediate(() => setImmediate(() => process.stdout.write('still serving\\n')));
`;

describe('keepServingOnUnhandledRejection', () => {
  it('logs an unhandled rejection and the process keeps running', () => {
    const r = run(`
      import { keepServingOnUnhandledRejection } from '${pathToFileURL(distFile('app/process-guards.js'))}';
      import { createLogger } from '${pathToFileURL(distFile('lib/logger.js'))}';
      keepServingOnUnhandledRejection(process, createLogger('error'));
      ${REJECT_THEN_SERVE}
    `);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('still serving\n');
    expect(r.stderr).toMatch(/ERROR unhandled promise rejection .*boom in a callback/);
  }, 30_000);

  it('without it the same process dies (what the bot did on a signed `null` body)', () => {
    const r = run(REJECT_THEN_SERVE);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
  }, 30_000);
});
