import { z } from 'zod';
import { listIndexedDocuments } from '../../services/document-service.ts';
import { type SlackDeps, todayOf } from '../deps.ts';
import type { Reply } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { buildDocsPage, DOCS_PER_PAGE } from './docs-blocks.ts';

/** A page offset from a button value or `/measures docs 2` (a page number): untrusted, so checked. */
export const docsOffsetSchema = z.coerce.number().int().min(0).max(1_000_000);

/** The page of indexed documents starting at `offset`. */
export function docsPage(offset: number, deps: SlackDeps): Reply {
  const today = todayOf(deps);
  let page = listIndexedDocuments(deps.db, { today, limit: DOCS_PER_PAGE, offset });
  // Past the end (documents were removed since the buttons were drawn): the last page instead.
  if (page.documents.length === 0 && page.total > 0 && offset > 0) {
    offset = Math.floor((page.total - 1) / DOCS_PER_PAGE) * DOCS_PER_PAGE;
    page = listIndexedDocuments(deps.db, { today, limit: DOCS_PER_PAGE, offset });
  }
  return buildDocsPage({ ...page, offset, strings: deps.strings, timeZone: deps.timeZone });
}

/** `/measures docs [page]` — the indexed documents, DOCS_PER_PAGE at a time, with Previous/Next buttons. */
export const docsCommand: Subcommand = {
  name: 'docs',
  aliases: ['documents', '文件列表'],
  helpLines: (s) => [s.docHelpDocs, s.docHelpUpload],
  run(inv, deps) {
    const page = docsOffsetSchema.safeParse(inv.args.trim().split(/\s+/)[0] || '1');
    const n = page.success ? Math.max(1, page.data) : 1;
    return docsPage((n - 1) * DOCS_PER_PAGE, deps);
  },
};
