import os from 'node:os';
import { parseArgs } from 'node:util';
import { type IngestedFile, ingest } from '../../services/ingest-service.ts';
import { type CliCommand, type CliContext, openIndex, printJson, UsageError } from '../context.ts';

/** Who runs the CLI, for `added_by`: the OS user, or `cli` when the system cannot say. */
export function cliUser(): string {
  try {
    return os.userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

/** One line per revised document on stderr (stdout stays JSON): what changed for the people following it. */
function reportChanges(ctx: CliContext, r: IngestedFile): void {
  if (r.duplicateOf)
    ctx.stderr(`${r.file}: already indexed as ${r.duplicateOf} (${r.documentId}); not indexed again.\n`);
  const c = r.changes;
  if (!c || !r.revisionOf) return;
  const via = { file: 'same file name', doc_number: 'same 文号', title: 'same title' }[r.revisionOf.matchedBy];
  const list = (items: { id: string; label: string }[]) => items.map((m) => `${m.label} ${m.id}`).join(', ');
  ctx.stderr(`${r.file}: revision of ${r.revisionOf.file} (${via}), document ${r.documentId}\n`);
  if (c.added.length) ctx.stderr(`  added: ${list(c.added)}\n`);
  if (c.removed.length) ctx.stderr(`  removed: ${list(c.removed)}\n`);
  for (const m of c.changed) ctx.stderr(`  changed: ${m.label} ${m.id} (${m.what.join(', ') || 'tasks'})\n`);
  if (c.relabelled.length)
    ctx.stderr(`  renumbered, same text: ${c.relabelled.map((m) => `${m.from}→${m.to} ${m.id}`).join(', ')}\n`);
  if (r.affectedFollowups.length) {
    ctx.stderr(`  follow-ups to tell: ${r.affectedFollowups.map((f) => `${f.followupId} (${f.change})`).join(', ')}\n`);
  }
}

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary:
    'Index policy documents (files or folders of .txt/.html/.htm/.md/.docx/.doc/.pdf); a revision keeps the ids of unchanged measures',
  usage: 'measures ingest <file|dir>... [--db PATH]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('Give at least one file or folder to ingest.');
    const db = openIndex(ctx, values.db);
    try {
      const { indexed, skipped } = await ingest(
        { db, logger: ctx.logger, clock: ctx.clock, segmenter: ctx.segmenter },
        positionals,
        {
          addedBy: cliUser(),
        },
      );
      for (const r of indexed) reportChanges(ctx, r);
      printJson(ctx, { indexed, skipped });
      return 0;
    } finally {
      db.close();
    }
  },
};
