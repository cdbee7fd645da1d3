import { parseArgs } from 'node:util';
import { openSearchIndex, printJson, UsageError, type CliCommand } from '../context.ts';
import { dateInZone } from '../../lib/dates.ts';
import {
  searchMeasures,
  SearchInputError,
  snippetToMarkdown,
  type SearchFilters,
} from '../../services/search-service.ts';

const KINDS = ['policy', 'qa', 'commentary'] as const;

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search measures by Chinese keywords, with optional filters',
  usage:
    'measures search <query> [--json] [--limit N] [--dept D] [--region R] [--due-from D] [--due-to D] [--kind policy|qa|commentary] [--in-force] [--db PATH]',
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
    const query = positionals.join(' ');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !Number.isInteger(limit)) throw new UsageError(`--limit must be a whole number, not "${values.limit}".`);
    if (values.kind !== undefined && !(KINDS as readonly string[]).includes(values.kind)) {
      throw new UsageError(`--kind must be one of ${KINDS.join(', ')}.`);
    }
    const filters: SearchFilters = {
      department: values.dept,
      region: values.region,
      kind: values.kind as SearchFilters['kind'],
      dueFrom: values['due-from'],
      dueTo: values['due-to'],
      inForce: values['in-force'],
    };
    const db = openSearchIndex(ctx, values.db);
    try {
      const today = dateInZone(ctx.clock(), ctx.config.DIGEST_TZ);
      let result;
      try {
        result = searchMeasures(db, { query, filters, limit, today }, ctx.segmenter);
      } catch (err) {
        if (!(err instanceof SearchInputError)) throw err;
        ctx.stderr(`${err.message}\n`);
        return 1;
      }
      if (values.json) {
        printJson(ctx, {
          query: result.query,
          total: result.total,
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
      const lines = [`${result.total} measure${result.total === 1 ? '' : 's'} found; showing ${result.hits.length}.`, ''];
      for (const h of result.hits) {
        lines.push(`${h.measureId}  ${h.label} ${h.title}  [${h.file}]`);
        lines.push(`    ${snippetToMarkdown(h.snippet)}`);
        if (h.leadDepartments.length > 0) lines.push(`    牵头: ${h.leadDepartments.join('、')}`);
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
