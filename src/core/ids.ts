import * as crypto from 'node:crypto';

/**
 * Short ids a person can type in Slack: documents get 4 characters from an alphabet without look-alikes
 * (no 0/o, 1/l/i), measures `<doc>-<n>` (n = the number the label stands for: （四） → 4, 问2 → q2, 一要 → p1),
 * tasks `<measure>.<k>`, targets `<task>.t<j>`. Stable across re-ingests because they derive from the file name
 * and the numbering; on a re-ingest ids follow content (core/ingest/assign-ids.ts), and an item that gets no old
 * id takes its preferred one only if it was never used (else `-b`, `-c`…: `z8wv-2-b`).
 */

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * sha256 of the text, in hex. Node's one-shot `crypto.hash` (20.12+) is about 3× faster than a Hash object
 * for the short texts an ingest hashes by the thousand (measures, tasks, targets); older Nodes use the object.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function hashText(text: string): string {
  return sha256Hex(text);
}

function encode(hex: string, length: number): string {
  let n = BigInt(`0x${hex}`);
  let out = '';
  const base = BigInt(ALPHABET.length);
  while (out.length < length) {
    out += ALPHABET[Number(n % base)];
    n /= base;
  }
  return out;
}

/** Extra 6-character candidates, for a file name whose shorter ids are taken or retired (removed, added again). */
const EXTRA_CANDIDATES = 32;

/** Candidate ids for a document, shortest first; the caller takes the first one not used or retired. */
export function documentIdCandidates(file: string): string[] {
  const name = file.normalize('NFC');
  const hex = hashText(name);
  const extra = Array.from({ length: EXTRA_CANDIDATES }, (_, k) => encode(hashText(`${name}#${k + 1}`), 6));
  return [...[4, 5, 6, 8, 12].map((len) => encode(hex, len)), ...extra];
}

export function measureIdBase(documentId: string, kind: 'measure' | 'answer' | 'proposal', ordinal: number): string {
  const prefix = kind === 'answer' ? 'q' : kind === 'proposal' ? 'p' : '';
  return `${documentId}-${prefix}${ordinal}`;
}

export function taskId(measureId: string, position: number): string {
  return `${measureId}.${position + 1}`;
}

export function targetId(taskIdValue: string, position: number): string {
  return `${taskIdValue}.t${position + 1}`;
}

/** Normalises what a person typed as an id: trims, lower-cases, drops surrounding brackets/backticks. */
export function normalizeIdInput(raw: string): string {
  return raw
    .trim()
    .replace(/^[`'"“”‘’[(（【]+|[`'"“”‘’\])）】]+$/g, '')
    .toLowerCase();
}

export const ID_PATTERN = /^[a-z2-9]{4,12}(-[qp]?\d+(-[a-z]\d*)?(\.\d+(\.t\d+)?)?)?$/;
