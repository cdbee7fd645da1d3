/**
 * Which indexed document an incoming one revises: the one with the same file name; else the only one of the
 * same kind with the same 文号; else the only one of the same kind and region whose title is the same once draft
 * markers are dropped (a 征求意见稿 replaced by the final text). More than one candidate means no revision: a
 * guess could move follow-ups onto another document's measures.
 */
import { foldToSimplified } from '../../lib/simplified.ts';
import type { DocumentKind } from '../model.ts';

export interface IndexedDocument {
  id: string;
  file: string;
  kind: DocumentKind;
  title: string;
  region: string | null;
  docNumber: string | null;
}

export interface IncomingDocument {
  file: string;
  kind: DocumentKind;
  title: string;
  region: string | null;
  docNumber: string | null;
}

export type RevisionMatch = 'file' | 'doc_number' | 'title';

/** Draft stages written after a title: （征求意见稿）, (送审稿), 【草案】… */
const DRAFT_MARKER =
  /[（(【[]\s*(?:公开)?(?:征求意见稿|征求意见|送审稿|草案|讨论稿|修订稿|代拟稿|草稿|初稿)\s*[）)】\]]/g;

/**
 * A title as revisions are matched on: without draft markers and spaces, half-width, in simplified script (a
 * traditional copy of the same plan is the same plan).
 * @example revisionTitle('天津市加快发展新型消费实施方案（征求意见稿）') // '天津市加快发展新型消费实施方案'
 */
export function revisionTitle(title: string): string {
  return revisionDocNumber(title.replace(DRAFT_MARKER, ''));
}

/**
 * A 文号 as revisions are matched on: documents keep it as written (東府〔2021〕54號), the match ignores script,
 * width and spaces.
 * @example revisionDocNumber('東府〔2021〕54號') // '东府〔2021〕54号'
 */
export function revisionDocNumber(docNumber: string): string {
  return foldToSimplified(docNumber.replace(/\s+/g, '').normalize('NFKC'));
}

export function findRevisionOf(
  incoming: IncomingDocument,
  indexed: {
    byFile(file: string): IndexedDocument | undefined;
    /** Documents whose revisionDocNumber is this. */
    byDocNumber(docNumber: string): IndexedDocument[];
    /** Documents whose revisionTitle is this. */
    byTitle(title: string): IndexedDocument[];
  },
): { document: IndexedDocument; matchedBy: RevisionMatch } | undefined {
  const same = indexed.byFile(incoming.file);
  if (same) return { document: same, matchedBy: 'file' };
  if (incoming.docNumber) {
    const byNumber = indexed.byDocNumber(revisionDocNumber(incoming.docNumber)).filter((d) => d.kind === incoming.kind);
    if (byNumber.length === 1) return { document: byNumber[0]!, matchedBy: 'doc_number' };
    if (byNumber.length > 1) return undefined;
  }
  const title = revisionTitle(incoming.title);
  if (title === '') return undefined;
  const byTitle = indexed
    .byTitle(title)
    .filter((d) => d.kind === incoming.kind && d.region === incoming.region && (!d.docNumber || !incoming.docNumber));
  return byTitle.length === 1 ? { document: byTitle[0]!, matchedBy: 'title' } : undefined;
}
