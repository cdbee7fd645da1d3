import { parseArgs } from 'node:util';
import type { FollowupListItem } from '../../core/followups/model.ts';
import { allFollowups } from '../../services/followup-service.ts';
import { type CliCommand, openReadIndex, printJson, UsageError } from '../context.ts';

/** `measures followups`: every follow-up as JSON (default) or CSV for a spreadsheet. */

export const FOLLOWUP_FIELDS = [
  'id',
  'targetId',
  'taskId',
  'measureId',
  'assignee',
  'createdBy',
  'due',
  'status',
  'note',
  'channel',
  'threadTs',
  'createdAt',
  'updatedAt',
  'measureTitle',
  'measureRemoved',
  'documentTitle',
] as const;

type ExportedFollowup = Record<(typeof FOLLOWUP_FIELDS)[number], string | null>;

/**
 * One row: the follow-up's own fields, then what it is about. A follow-up whose measure a revision dropped (or
 * whose document was removed) keeps the title the measure had, with measureRemoved saying why.
 */
function exported(f: FollowupListItem): ExportedFollowup {
  return {
    id: f.id,
    targetId: f.targetId,
    taskId: f.taskId,
    measureId: f.measureId,
    assignee: f.assignee,
    createdBy: f.createdBy,
    due: f.due,
    status: f.status,
    note: f.note,
    channel: f.channel,
    threadTs: f.threadTs,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    measureTitle: f.measureTitle ?? f.removed?.measureTitle ?? null,
    measureRemoved: f.removed?.reason ?? (f.measureMissing ? 'missing' : null),
    documentTitle: f.removed?.documentTitle ?? null,
  };
}

/**
 * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end with CRLF. Notes are
 * typed by any Slack user: a cell starting with = + - @ (or a tab/CR) would run as a spreadsheet formula, so it
 * gets a leading ' (OWASP's CSV-injection advice).
 */
export function csvField(value: string | null): string {
  const raw = value ?? '';
  const v = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** With a UTF-8 byte-order mark, so Excel shows the Chinese text instead of mojibake. */
export function toCsv(rows: ExportedFollowup[]): string {
  const lines = [FOLLOWUP_FIELDS.join(','), ...rows.map((r) => FOLLOWUP_FIELDS.map((k) => csvField(r[k])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const followupsCommand: CliCommand = {
  name: 'followups',
  summary: 'List follow-ups as JSON or CSV (--csv, for a spreadsheet)',
  usage: 'measures followups [--json] [--csv] [--db PATH]',
  run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, csv: { type: 'boolean' }, db: { type: 'string' } },
      allowPositionals: false,
    });
    if (values.json && values.csv) throw new UsageError('Choose one of --json and --csv.');
    const db = openReadIndex(ctx, values.db);
    try {
      const rows = allFollowups(db).map(exported);
      if (values.csv) ctx.stdout(toCsv(rows));
      else printJson(ctx, { followups: rows });
      return 0;
    } finally {
      db.close();
    }
  },
};
