import type { Button, KnownBlock } from '@slack/types';
import { dateInZone } from '../../lib/dates.ts';
import type { DocumentSummary } from '../../services/document-service.ts';
import { SEEDS_ADDED_BY } from '../../services/ingest-service.ts';
import { ACTIONS } from '../ids.ts';
import { button, context, header, section } from '../kit/elements.ts';
import { escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { notice, type Reply, reply } from '../kit/reply.ts';
import type { Strings } from '../strings.ts';

/** Documents per page of /measures docs: one section each, well inside a message's 50 blocks and text budget. */
export const DOCS_PER_PAGE = 10;
/** A document title in the list. */
const LIST_TITLE_CHARS = 120;

/**
 * A Slack user id is shown as a mention; the seeds and an unrecorded adder in the user's language; anything else
 * (the OS user of a CLI ingest) as written.
 */
export function addedByText(addedBy: string, s: Pick<Strings, 'docAddedBySeeds' | 'docAddedByUnknown'>): string {
  if (/^[UW][A-Z0-9]+$/.test(addedBy)) return `<@${addedBy}>`;
  if (addedBy === SEEDS_ADDED_BY) return s.docAddedBySeeds;
  if (addedBy === 'unknown' || addedBy === '') return s.docAddedByUnknown;
  return escapeMrkdwn(addedBy);
}

export interface DocsPageInput {
  documents: DocumentSummary[];
  total: number;
  offset: number;
  /** The page asked for lies beyond the last one, so the last one is shown: say so. */
  pastEnd?: boolean;
  strings: Strings;
  timeZone: string;
}

/**
 * One page of indexed documents: title, id, 文号, region, measures, in force or expired, who added it and when,
 * a Show button per document, Previous/Next buttons carrying the page's offset.
 * @example buildDocsPage({ documents, total: 12, offset: 0, strings, timeZone: 'Asia/Shanghai' }).blocks
 */
export function buildDocsPage(input: DocsPageInput): Reply {
  const { documents, total, offset, strings: s } = input;
  if (total === 0) return notice(s.docListEmpty);
  const blocks: KnownBlock[] = [header(s.docListTitle(total))];
  if (input.pastEnd) blocks.push(context([s.docOnlyPages(Math.ceil(total / DOCS_PER_PAGE))]));
  documents.forEach((d, i) => {
    const line = s.docListLine(offset + i + 1, escapeMrkdwn(truncate(d.title || d.file, LIST_TITLE_CHARS)), d.id);
    const where = [d.docNumber, d.region]
      .filter((x): x is string => Boolean(x))
      .map(escapeMrkdwn)
      .join(' · ');
    const when = d.addedAt ? dateInZone(new Date(d.addedAt), input.timeZone) : s.docNone;
    const meta = s.docListMeta(d.measures, s.status[d.status], addedByText(d.addedBy, s), when);
    blocks.push(
      section(
        [line, where, meta].filter((x) => x !== '').join('\n'),
        button(ACTIONS.SHOW_MEASURE, s.docShowDocument, d.id),
      ),
    );
  });
  const shownTo = Math.min(total, offset + documents.length);
  blocks.push(context([s.docPageOf(offset + 1, shownTo, total)]));
  const nav: Button[] = [];
  if (offset > 0) nav.push(button(ACTIONS.DOCS_PAGE, s.docPrev, String(Math.max(0, offset - DOCS_PER_PAGE))));
  if (shownTo < total) nav.push(button(ACTIONS.DOCS_PAGE, s.docNext, String(offset + DOCS_PER_PAGE)));
  if (nav.length) blocks.push({ type: 'actions', elements: nav });
  return reply(s.docListTitle(total), blocks);
}
