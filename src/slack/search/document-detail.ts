import type { KnownBlock } from '@slack/types';
import { forceStatus } from '../../core/documents/in-force.ts';
import type { DocumentRow, MeasureRow } from '../../repo/documents-repo.ts';
import { ACTIONS } from '../ids.ts';
import { button, context, fields, fitBlocks, header, section } from '../kit/elements.ts';
import { code } from '../kit/format.ts';
import { MAX_BLOCKS_PER_MESSAGE } from '../kit/limits.ts';
import { escapeAndFit, escapeMrkdwn } from '../kit/mrkdwn.ts';
import { type Reply, reply } from '../kit/reply.ts';
import type { Strings } from '../strings.ts';

/** `show <document id>`: the document's metadata and its items, each with a Details button. */
export function buildDocumentDetail(input: {
  document: DocumentRow;
  measures: MeasureRow[];
  today: string;
  strings: Strings;
}): Reply {
  const { document: d, measures, today, strings: s } = input;
  const status = forceStatus(d, today);
  const head: KnownBlock[] = [
    header(d.title),
    context([code(d.id), d.region ? escapeMrkdwn(d.region) : '', s.documentMeasures(measures.length), s.asOf(today)]),
    fields(
      [
        d.issuer ? `*${s.source}*\n${escapeMrkdwn(d.issuer)}` : '',
        d.docNumber ? `*${s.docNumber}*\n${escapeMrkdwn(d.docNumber)}` : '',
        d.publishedOn ? `*${s.published}*\n${d.publishedOn}` : '',
        d.effectiveOn ? `*${s.effective}*\n${d.effectiveOn}` : '',
        d.expiresOn ? `*${s.expires}*\n${d.expiresOn}` : '',
        status !== 'not_applicable' ? `*${s.statusLabel}*\n${s.status[status]}` : '',
      ].filter(Boolean),
    ),
  ];
  const items = measures.map((m) => [
    section(
      `*${escapeMrkdwn(m.label)}* ${escapeAndFit(m.title, 250)}  ${code(m.id)}`,
      button(ACTIONS.SHOW_MEASURE, s.details, m.id),
    ),
  ]);
  return reply(`${d.id} ${d.title}`, fitBlocks(head, items, [], MAX_BLOCKS_PER_MESSAGE, s.andMore));
}
