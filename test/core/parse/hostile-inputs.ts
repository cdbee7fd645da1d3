import fs from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR } from '../../helpers/paths.ts';

/**
 * The hostile inputs that once made the parser slow or its output explode, built to a requested size in UTF-8
 * bytes. Each comes as the issue reported it (`asReported`) and placed inside a small hand-written policy
 * (`inDocument`), since some of them reach the faulty step only inside a numbered measure. Shared by the
 * regression tests (hostile-inputs.test.ts) and the benchmark (test/bench/hostile-inputs.bench.ts).
 */

export interface HostileInput {
  name: string;
  /** File name given to the parser; the extension matches the content. */
  file: string;
  /** The step that was slow or unbounded. */
  fault: string;
  asReported(bytes: number): string;
  inDocument(bytes: number): string;
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** `unit` repeated until the repetition alone reaches `bytes` UTF-8 bytes (at least once). */
export function repeatToBytes(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.ceil(bytes / utf8Bytes(unit))));
}

/** The hand-written policy the payloads are placed in: three measures （一）（二）（三）, each with its unit. */
export const POLICY_TITLE = '某市促进新型消费若干措施';
export const POLICY_MEASURES = [
  '（一）发展直播电商。到2025年底建成直播电商基地5个。（市商务局负责）',
  '（二）培育夜间经济。打造夜间消费街区。（市文化和旅游局牵头，各区人民政府配合）',
  '（三）完善物流配送体系。（市交通运输局负责）',
] as const;
export const POLICY_LABELS = ['（一）', '（二）', '（三）'];

/** The policy with measure （二） replaced by `second`, and `before` / `after` lines around it. */
function policy(opts: { before?: string; second?: string; after?: string } = {}): string {
  const [first, second, third] = POLICY_MEASURES;
  return [opts.before, POLICY_TITLE, first, opts.second ?? second, third, opts.after]
    .filter((l) => l !== undefined)
    .join('\n');
}

/** Room for the document around a payload, so `inDocument(bytes)` is about `bytes` long in all. */
const FRAME_BYTES = utf8Bytes(policy());
const payloadBytes = (bytes: number): number => Math.max(16, bytes - FRAME_BYTES);

/** The unit of the clause-separator case: a dated target with nothing that ends its clause. */
export const DATE_UNIT = '到2022年底x';
/** The unit of the article case: every article numbered 1. */
export const ARTICLE_UNIT = '第一条\n';

export const HOSTILE_INPUTS: HostileInput[] = [
  {
    name: '标题：a + spaces + b',
    file: 'field-spaces.txt',
    fault: 'labelledField (metadata.ts)',
    asReported: (bytes) => `标题：a${' '.repeat(bytes - 11)}b`,
    inDocument: (bytes) => policy({ before: `标题：a${' '.repeat(payloadBytes(bytes))}b` }),
  },
  {
    name: '（二）加强2022 + spaces + x。',
    file: 'year-spaces.txt',
    fault: 'mask (targets.ts)',
    asReported: (bytes) => `（二）加强2022${' '.repeat(bytes - 23)}x。`,
    inDocument: (bytes) => policy({ second: `（二）加强2022${' '.repeat(payloadBytes(bytes))}x。（市商务局负责）` }),
  },
  {
    name: '.md of [',
    file: 'brackets.md',
    fault: 'markdownToText (markup.ts)',
    asReported: (bytes) => '['.repeat(bytes),
    inDocument: (bytes) => [`# ${POLICY_TITLE}`, ...POLICY_MEASURES, '['.repeat(payloadBytes(bytes))].join('\n\n'),
  },
  {
    name: '.html of <',
    file: 'angles.html',
    fault: 'htmlToText (markup.ts)',
    asReported: (bytes) => '<'.repeat(bytes),
    inDocument: (bytes) =>
      [
        `<!doctype html><html><head><meta charset="utf-8"><title>${POLICY_TITLE}</title></head><body>`,
        `<h1>${POLICY_TITLE}</h1>`,
        ...POLICY_MEASURES.map((m) => `<p>${m}</p>`),
        `<p>${'<'.repeat(payloadBytes(bytes))}</p>`,
        '</body></html>',
      ].join('\n'),
  },
  {
    name: `${DATE_UNIT} repeated`,
    file: 'dates.txt',
    fault: 'target quotes (targets.ts)',
    asReported: (bytes) => repeatToBytes(DATE_UNIT, bytes),
    inDocument: (bytes) => policy({ second: `（二）${repeatToBytes(DATE_UNIT, payloadBytes(bytes))}（市商务局负责）` }),
  },
  {
    name: '第一条\\n repeated',
    file: 'articles.txt',
    fault: 'measure ids (ingest; the parser must stay linear)',
    asReported: (bytes) => repeatToBytes(ARTICLE_UNIT, bytes),
    inDocument: (bytes) => `${POLICY_TITLE}\n${repeatToBytes('第一条 加强市场监管。\n', payloadBytes(bytes))}`,
  },
];

/**
 * A normal document of about `bytes` UTF-8 bytes: the Tianjin plan from the seeds, its title block once, its
 * body (from the first section to the closing clause) repeated, its closing clause once. Numbering restarts with
 * each repetition, as it does per section in real documents.
 */
export function normalDocument(bytes: number): string {
  const text = fs.readFileSync(path.join(SEEDS_DIR, '004_f12b47b876523609.txt'), 'utf8');
  const lines = text.split('\n');
  const bodyStart = lines.findIndex((l) => l.startsWith('一、'));
  const closing = lines.findIndex((l) => l.startsWith('本实施方案自印发之日起施行'));
  const head = lines.slice(0, bodyStart).join('\n');
  const body = lines.slice(bodyStart, closing).join('\n');
  const tail = lines.slice(closing).join('\n');
  const parts = [head];
  let size = utf8Bytes(head) + utf8Bytes(tail);
  while (size < bytes) {
    // Whole lines of the body, until the size is reached.
    for (const line of body.split('\n')) {
      parts.push(line);
      size += utf8Bytes(line) + 1;
      if (size >= bytes) break;
    }
  }
  parts.push(tail);
  return parts.join('\n');
}
