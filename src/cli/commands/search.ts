import { parseArgs } from 'node:util';
import { kindOf, parseSearchText } from '../../core/search/query-text.ts';
import { dateInZone } from '../../lib/dates.ts';
import { indexSummary } from '../../services/index-summary.ts';
import {
  type SearchFilters,
  SearchInputError,
  searchMeasures,
  snippetToMarkdown,
} from '../../services/search-service.ts';
import { type CliCommand, openReadIndex, printJson, UsageError } from '../context.ts';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search measures with the words /measures takes (冷链 部门:商务 年:2023 现行), or with flags',
  usage:
    'measures search <query> [--json] [--limit N] [--dept D] [--region R] [--due-from D] [--due-to D] [--kind measure|answer|proposal] [--in-force] [--db PATH]',
  run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: 'boolean' },
        limit: { type: 'string' },
        dept: { type: 'string' },
        region: { type: 'string' },
        'due-from': { type: 'string' },
        'due-to': { type: 'string' },
        kind: { type: 'string' },
        'in-force': { type: 'boolean' },
        db: { type: 'string' },
      },
      allowPositionals: true,
    });
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !Number.isInteger(limit))
      throw new UsageError(`--limit must be a whole number, not "${values.limit}".`);
    const kind = values.kind === undefined ? undefined : kindOf(values.kind);
    if (values.kind !== undefined && !kind) {
      throw new UsageError('--kind must be measure, answer or proposal (policy, qa and commentary also work).');
    }
    const today = dateInZone(ctx.clock(), ctx.config.DIGEST_TZ);
    const parsed = parseSearchText(positionals.join(' '), today);
    if (!parsed.ok) {
      throw new UsageError(
        parsed.problem === 'bad_kind'
          ? `Unknown kind "${parsed.value}"; use measure, answer or proposal.`
          : `"${parsed.value}" is not a due date; use 2023, 2023-06, 2023-06-30, next 90d or overdue.`,
      );
    }
    const { query } = parsed.search;
    // Flags add to (and override) what the text says.
    const filters: SearchFilters = { ...parsed.search.filters };
    if (values.dept !== undefined) filters.department = values.dept;
    if (values.region !== undefined) filters.region = values.region;
    if (kind !== undefined) filters.kind = kind;
    if (values['due-from'] !== undefined) filters.dueFrom = values['due-from'];
    if (values['due-to'] !== undefined) filters.dueTo = values['due-to'];
    if (values['in-force']) filters.inForce = true;
    const db = openReadIndex(ctx, values.db, { search: true });
    try {
      // "No measures found" would be a lie about an index that holds nothing to search.
      if (indexSummary(db).documents === 0) {
        ctx.stderr(
          `The index at ${values.db ?? ctx.config.DATABASE_PATH} has no documents yet: index some first with \`measures ingest <folder>\`.\n`,
        );
        return 1;
      }
      let result: ReturnType<typeof searchMeasures>;
      try {
        result = searchMeasures(db, { query, filters, limit, today }, ctx.segmenter);
      } catch (err) {
        if (!(err instanceof SearchInputError)) throw err;
        ctx.stderr(`${err.message}\n`);
        return 1;
      }
      if (result.unsupported.length > 0) {
        ctx.stderr(
          `Note: ${result.unsupported.join(' ')} is not supported; its words were searched as plain keywords. Words are ANDed; use OR, -word to exclude and "a phrase".\n`,
        );
      }
      if (values.json) {
        printJson(ctx, {
          query: result.query,
          total: result.total,
          totalIsLowerBound: result.totalIsLowerBound,
          results: result.hits.map((h) => ({
            id: h.measureId,
            file: h.file,
            label: h.label,
            title: h.title,
            snippet: snippetToMarkdown(h.snippet),
            score: h.score,
            documentId: h.documentId,
            documentTitle: h.documentTitle,
            region: h.region,
            kind: h.kind,
            departments: h.departments,
            leadDepartments: h.leadDepartments,
            targets: h.targets,
            documentStatus: h.documentStatus,
          })),
        });
        return 0;
      }
      if (result.hits.length === 0) {
        ctx.stdout(`No measures found${query ? ` for "${query}"` : ''}.\n`);
        return 0;
      }
      const lines = [
        `${result.totalIsLowerBound ? `More than ${result.total.toLocaleString('en')}` : result.total} measure${result.total === 1 ? '' : 's'} found; showing ${result.hits.length}.`,
        '',
      ];
      for (const h of result.hits) {
        lines.push(`${h.measureId}  ${h.label} ${h.title}  [${h.file}]`);
        lines.push(`    ${snippetToMarkdown(h.snippet)}`);
        if (h.leadDepartments.length > 0) lines.push(`    lead: ${h.leadDepartments.join(', ')}`);
        for (const t of h.targets) lines.push(`    ${t.due}  ${t.text}`);
        lines.push('');
      }
      ctx.stdout(lines.join('\n'));
      return 0;
    } finally {
      db.close();
    }
  },
};
