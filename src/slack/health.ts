import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { STORAGE_ADVICE } from '../db/errors.ts';
import { type HealthProbeDeps, type IntegrityWatch, probeDatabase } from '../db/health.ts';
import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import { indexSummary } from '../services/index-summary.ts';

/**
 * GET /healthz: 200 with the index size while the database can be read and written, else 503 naming the
 * problem (full, readonly, io, corrupt, unavailable) and what to do. Damage found by the background integrity
 * check of a large file is `corrupt`; while that check runs the answer says `integrity: "checking"`. A load balancer or uptime check then sees
 * what the users would otherwise only meet as failed writes.
 */
export function healthHandler(
  base: { db: Db; logger: Logger; config: Pick<Config, 'DATABASE_PATH'>; integrity?: IntegrityWatch },
  probe: HealthProbeDeps = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    const send = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const integrity = base.integrity?.status() ?? { state: 'ok' };
    if (integrity.state === 'damaged') {
      const problem = integrity.error.problem;
      send(503, { ok: false, database: problem, error: STORAGE_ADVICE[problem] });
      return;
    }
    const health = probeDatabase(base.db, base.config.DATABASE_PATH, probe);
    if (!health.ok) {
      base.logger.error('health check: the database cannot be written', {
        problem: health.problem,
        error: health.error,
      });
      const advice =
        health.problem === 'unavailable'
          ? 'The database is not usable; see the bot’s log.'
          : STORAGE_ADVICE[health.problem];
      send(503, { ok: false, database: health.problem, error: advice });
      return;
    }
    try {
      send(200, {
        ok: true,
        database: 'ok',
        ...(integrity.state === 'checking' || integrity.state === 'unchecked' ? { integrity: integrity.state } : {}),
        ...indexSummary(base.db),
      });
    } catch (err) {
      base.logger.error('health check failed', { error: (err as Error).message });
      send(503, { ok: false, database: 'unavailable', error: 'The database is not usable; see the bot’s log.' });
    }
  };
}
