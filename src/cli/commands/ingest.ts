import { parseArgs } from 'node:util';
import { openIndex, printJson, UsageError, type CliCommand } from '../context.ts';
import { ingest } from '../../services/ingest-service.ts';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'Index policy documents (files or folders of .txt/.html/.htm/.md)',
  usage: 'measures ingest <file|dir>... [--db PATH]',
  run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('Give at least one file or folder to ingest.');
    const db = openIndex(ctx, values.db);
    try {
      const { indexed, skipped } = ingest({ db, logger: ctx.logger, clock: ctx.clock, segmenter: ctx.segmenter }, positionals);
      printJson(ctx, { indexed, skipped });
      return 0;
    } finally {
      db.close();
    }
  },
};
