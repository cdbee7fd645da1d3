/** Whether a document is in force on a date (时效性), computed as of the query date rather than stored. */

import type { DocumentRef } from '../model.ts';

export type ForceStatus = 'in_force' | 'expired' | 'not_yet' | 'not_applicable';

export function forceStatus(
  doc: { kind: string; effectiveOn: string | null; publishedOn: string | null; expiresOn: string | null },
  today: string,
): ForceStatus {
  if (doc.kind !== 'policy') return 'not_applicable';
  const start = doc.effectiveOn ?? null;
  if (start && today < start) return 'not_yet';
  if (doc.expiresOn && today > doc.expiresOn) return 'expired';
  return 'in_force';
}

export function isInForce(
  doc: { kind: string; effectiveOn: string | null; publishedOn: string | null; expiresOn: string | null },
  today: string,
): boolean {
  return forceStatus(doc, today) === 'in_force';
}

/** forceStatus for a joined row that carries its document (search hits, digest targets). */
export function refStatus(
  ref: Pick<DocumentRef, 'documentKind' | 'effectiveOn' | 'publishedOn' | 'expiresOn'>,
  today: string,
): ForceStatus {
  return forceStatus(
    { kind: ref.documentKind, effectiveOn: ref.effectiveOn, publishedOn: ref.publishedOn, expiresOn: ref.expiresOn },
    today,
  );
}
