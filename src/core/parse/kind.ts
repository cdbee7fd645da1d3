import type { DocumentKind } from '../model.ts';
import { commentarySignals } from './commentary.ts';
import { matchLabel } from './labels.ts';
import { normalizeText } from './normalize.ts';
import { isQa } from './qa.ts';
import { excerpt } from './structure.ts';
import { hasResponsibilityBracket } from './tasks.ts';

/**
 * The genre a document's title names. Regulations, plans and opinions are all stored as kind 'policy'; the
 * genre only explains the choice (the kind note) and names the real reason when a document is refused.
 */
export type Genre =
  | 'regulation'
  | 'plan'
  | 'opinion'
  | 'measures'
  | 'notice'
  | 'decision'
  | 'approval'
  | 'reply'
  | 'bulletin'
  | 'order'
  | 'appointments'
  | 'qa'
  | 'commentary'
  | 'document';

/** What the title says the text is; the first rule that matches wins (a 印发…办法的通知 issues a regulation). */
const GENRES: Array<{ genre: Genre; re: RegExp; name: string }> = [
  { genre: 'qa', re: /答记者问|答问|问答|常见问题|答疑|热点问题|百问/, name: 'questions and answers' },
  { genre: 'appointments', re: /组成人员|人员组成|成员名单|任免/, name: 'a notice of appointments' },
  {
    genre: 'regulation',
    re: /(办法|细则|条例|规定|规则|章程|准则)(?:[（(][^（）()]{1,12}[）)])?》?(?:的通知|的函)?$/,
    name: 'a regulation',
  },
  { genre: 'order', re: /国务院令|^中华人民共和国.{0,6}令$|^第\d+号令/, name: 'an order' },
  {
    genre: 'plan',
    re: /(方案|计划|规划|纲要|预案|行动)(?:[（(][^（）()]{1,16}[）)])?》?(?:的通知|的函)?$/,
    name: 'a plan',
  },
  {
    genre: 'measures',
    re: /(措施|举措|政策)(?:[（(][^（）()]{1,12}[）)])?》?(?:的通知|的函)?$/,
    name: 'a set of measures',
  },
  { genre: 'opinion', re: /意见(?:[（(][^（）()]{1,12}[）)])?》?(?:的通知|的函)?$/, name: 'an opinion' },
  { genre: 'approval', re: /批复$/, name: 'an approval (批复)' },
  { genre: 'reply', re: /复函$|答复$|的函$|办理情况的函$/, name: 'a reply letter (复函)' },
  { genre: 'decision', re: /决定$/, name: 'a decision (决定)' },
  { genre: 'bulletin', re: /通报$/, name: 'a bulletin (通报)' },
  { genre: 'notice', re: /通知$/, name: 'a notice (通知)' },
  { genre: 'qa', re: /指南$/, name: 'a service guide' },
];

export function genreOf(title: string): { genre: Genre; name: string } {
  const t = normalizeText(title).replace(/\s+/g, '');
  for (const g of GENRES) if (g.re.test(t)) return { genre: g.genre, name: g.name };
  return { genre: 'document', name: 'a document' };
}

export interface Classification {
  kind: DocumentKind;
  genre: Genre;
  /** The genre in words (a regulation, a plan…). */
  genreName: string;
  /** Why this kind, in one sentence for the kind note. */
  reason: string;
}

export interface OfficialSigns {
  title: string;
  docNumber: string | null;
  /** The issuer read from the 落款 or the page's metadata table. */
  issuer: string | null;
}

function articleCount(paras: string[]): number {
  let n = 0;
  for (const p of paras) if (matchLabel(p)?.scheme === 'article') n++;
  return n;
}

/**
 * Q&A when it has 问：/答： pairs (or a guide's numbered questions); commentary when it reads like a newspaper
 * page (bylines, 编者按, 作者单位…) and nothing marks it as an official document (a document number, an issuing
 * body's 落款, a genre named in the title, articles, responsibility brackets) — so a regulation or plan that says
 * 一是…二是… is never commentary; otherwise a policy.
 */
export function classify(paras: string[], signs: OfficialSigns): Classification {
  const { genre, name } = genreOf(signs.title);
  if (isQa(paras, genre === 'qa')) {
    return {
      kind: 'qa',
      genre: 'qa',
      genreName: 'questions and answers',
      reason: 'it is written as questions and answers (问：/答：), so each pair is an answer',
    };
  }
  const articles = articleCount(paras);
  const official: string[] = [];
  if (signs.docNumber) official.push(`document number ${signs.docNumber}`);
  if (signs.issuer) official.push(`issued by ${excerpt(signs.issuer)}`);
  if (genre !== 'document' && genre !== 'qa') official.push(`the title names ${name}`);
  if (articles >= 2) official.push('articles 第一条…');
  const signals = commentarySignals(paras);
  if (signals >= 1 && official.length === 0 && !hasResponsibilityBracket(paras.join('\n'))) {
    return {
      kind: 'commentary',
      genre: 'commentary',
      genreName: 'newspaper commentary',
      reason:
        'it reads like a newspaper page (bylines, 编者按, 作者单位…) with no document number, issuer, or responsibility bracket',
    };
  }
  if (genre === 'regulation' || (articles >= 2 && genre === 'document')) {
    const why = genre === 'regulation' ? `the title names ${name}` : 'the text is numbered in articles (第一条…)';
    return { kind: 'policy', genre: 'regulation', genreName: 'a regulation', reason: `it is a regulation: ${why}` };
  }
  const because = official.length
    ? official.join(', ')
    : 'it has numbered paragraphs and no signs of a Q&A or a newspaper page';
  return { kind: 'policy', genre, genreName: name, reason: `it is ${name} (${because})` };
}

/** Why a document of this genre has nothing to index, in the uploader's terms. */
export function refusalReason(genre: Genre, genreName: string, kind: DocumentKind): string {
  if (kind === 'qa') return 'no question-and-answer pairs were found in it';
  if (kind === 'commentary')
    return 'it reads as newspaper commentary, but no numbered recommendations (一是…/一要…/首先…) were found in it';
  switch (genre) {
    case 'reply':
    case 'approval':
    case 'decision':
    case 'bulletin':
    case 'order':
      return `it is ${genreName} with no numbered items of its own, so there are no measures to index`;
    case 'appointments':
      return 'it is a notice of appointments (a list of members): its numbered headings, if any, introduce names, not measures, so it has no numbered items of its own to index';
    default:
      return `it is ${genreName} with no numbered items (一、…, （一）…, 1.…, 第一条…), so there are no measures to index`;
  }
}
