import { parseArgs } from 'node:util';
import { dateInZone } from '../../lib/dates.ts';
import { listIndexedDocuments, MAX_DOCS_PAGE_SIZE, removeDocument } from '../../services/document-service.ts';
import { type CliCommand, openIndex, openReadIndex, printJson, UsageError } from '../context.ts';
import { cliUser } from './ingest.ts';

export const docsCommand: CliCommand = {
  name: 'docs',
  summary: 'List the indexed documents (id, title, 文号, region, measures, in force, added by and when)',
  usage: `measures docs [--limit N (1–${MAX_DOCS_PAGE_SIZE})] [--offset N] [--db PATH]`,
  run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
      allowPositionals: false,
    });
    const limit = values.limit === undefined ? MAX_DOCS_PAGE_SIZE : Number(values.limit);
    const offset = values.offset === undefined ? 0 : Number(values.offset);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DOCS_PAGE_SIZE)
      throw new UsageError(`--limit must be a whole number from 1 to ${MAX_DOCS_PAGE_SIZE}.`);
    if (!Number.isInteger(offset) || offset < 0) throw new UsageError('--offset must be a whole number, 0 or more.');
    const db = openReadIndex(ctx, values.db);
    try {
      printJson(ctx, listIndexedDocuments(db, { today: dateInZone(ctx.clock(), ctx.config.DIGEST_TZ), limit, offset }));
      return 0;
    } finally {
      db.close();
    }
  },
};

export const removeCommand: CliCommand = {
  name: 'remove',
  summary: 'Remove a document and its measures from the index; its follow-ups stay, marked as orphaned',
  usage: 'measures remove <docId> [--db PATH]',
  run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('Give the id of one document (see `measures docs`).');
    const db = openIndex(ctx, values.db);
    try {
      const outcome = removeDocument({ db, clock: ctx.clock }, positionals[0]!, cliUser());
      if (!outcome.ok) {
        ctx.stderr(`No indexed document has the id "${outcome.documentId}"; \`measures docs\` lists them.\n`);
        return 1;
      }
      printJson(ctx, outcome);
      return 0;
    } finally {
      db.close();
    }
  },
};
