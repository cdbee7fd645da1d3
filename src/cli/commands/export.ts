import { parseArgs } from 'node:util';
import { dateInZone } from '../../lib/dates.ts';
import { exportIndex } from '../../services/export-service.ts';
import { type CliCommand, openReadIndex, printJson } from '../context.ts';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Print the whole index as JSON (documents → measures → tasks → departments, targets)',
  usage: 'measures export [--db PATH]',
  run(args, ctx) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: false });
    const db = openReadIndex(ctx, values.db);
    try {
      printJson(ctx, exportIndex(db, dateInZone(ctx.clock(), ctx.config.DIGEST_TZ)));
      return 0;
    } finally {
      db.close();
    }
  },
};
