import type { ParsedMeasure } from '../model.ts';
import { matchLabel } from './labels.ts';
import { normalizeText } from './normalize.ts';
import { extractTargets } from './targets.ts';

const QUESTION = /^(?:问|Q)[:：]\s*/i;
const ANSWER = /^(?:答|A)[:：]\s*/i;
/** Web-page furniture after the last answer. */
const PAGE_END =
  /^(责任编辑|编辑|来源|原标题|作者|记者|校对|审核|监制|版权|声明)[:：]|海量资讯|扫描二维码|二维码|下载.{0,6}APP|APP$|^【纠错】|^分享到/i;

/** A guide's numbered question (1.如何申请补贴？ / 一、哪些企业可以申报？): a short labelled line ending in a question mark. */
function numberedQuestion(p: string): string | null {
  if (p.length > 120) return null;
  const label = matchLabel(p);
  if (!label || !/[?？]$/.test(label.rest)) return null;
  return label.rest;
}

function hasPairs(paras: string[]): boolean {
  const q = paras.filter((p) => QUESTION.test(normalizeText(p))).length;
  const a = paras.filter((p) => ANSWER.test(normalizeText(p))).length;
  return q >= 2 && a >= 2;
}

/**
 * At least two 问：/答： pairs; or, when the title says it is a Q&A or a guide (常见问题, 问答, 指南), at least two
 * numbered questions.
 */
export function isQa(paras: string[], titleSaysQa = false): boolean {
  if (hasPairs(paras)) return true;
  return titleSaysQa && paras.filter((p) => numberedQuestion(p) !== null).length >= 2;
}

/** Each 问：… / 答：… pair is one answer item: title = the question, text = the answer. */
export function parseQa(paras: string[], anchor: string | null): ParsedMeasure[] {
  const out: ParsedMeasure[] = [];
  let question: string | null = null;
  let answer: string[] = [];
  const flush = (): void => {
    if (question === null || answer.length === 0) return;
    // 答： alone on its line, or an answer cut short by page furniture, leaves nothing to index.
    const text = answer.join('\n').trim();
    if (text === '') return;
    const ordinal = out.length + 1;
    out.push({
      kind: 'answer',
      section: null,
      label: `问${ordinal}`,
      ordinal,
      title: question,
      text,
      author: null,
      tasks: [
        {
          text,
          responsibility: null,
          departments: [],
          departmentsIncomplete: false,
          targets: extractTargets(text, anchor),
        },
      ],
    });
  };
  const pairs = hasPairs(paras);
  for (const p of paras) {
    const n = normalizeText(p);
    const q = pairs ? QUESTION.exec(n) : null;
    const numbered = pairs ? null : numberedQuestion(p);
    if (q || numbered) {
      flush();
      question = q ? p.slice(q[0].length).trim() : numbered!;
      answer = [];
      continue;
    }
    if (question === null) continue;
    if (PAGE_END.test(n)) {
      flush();
      question = null;
      continue;
    }
    const a = ANSWER.exec(n);
    const line = a ? p.slice(a[0].length).trim() : p;
    if (line !== '') answer.push(line);
  }
  flush();
  return out;
}
