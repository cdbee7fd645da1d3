import { chineseNumeral } from './numerals.ts';
import { normalizeText } from './normalize.ts';
import { addDays } from '../../lib/dates.ts';
import { addYears, isoDate } from './dates.ts';
import type { FrontMatter } from './markup.ts';
import { looksLikeOrganisation } from './departments.ts';
import { matchLabel } from './labels.ts';

export interface Metadata {
  title: string;
  /** Index of the last paragraph that belongs to the title block (-1 when the title came from elsewhere). */
  titleEnd: number;
  issuer: string | null;
  docNumber: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  /** Index of the signature (落款) block start, or paragraphs.length when none was found. */
  signatureStart: number;
}

const BREADCRUMB = /您现在的位置|当前位置|所在位置|首页\s*[>›»\-]|>\s*正文|^(字号|打印|关闭|分享到)[:：\s]/;
const HAN_DIGIT = '[〇○零一二三四五六七八九十]';
const DATE_LINE = new RegExp(`^(\\d{4}|${HAN_DIGIT}{4})年(\\d{1,2}|${HAN_DIGIT}{1,3})月(\\d{1,2}|${HAN_DIGIT}{1,3})日$`);
const DOC_NUMBER = /^([\u4e00-\u9fff]{1,12})[〔\[(【［]\s*(\d{4})\s*[〕\])】］]\s*(第?\d{1,5}号)$/;
const TITLE_SUFFIX_LINE = /^[（(][^（）()]{1,16}[)）]$/;

/** 2021年8月3日 or 二〇二一年八月三日 → 2021-08-03. */
function parseChineseDate(s: string): string | null {
  const m = DATE_LINE.exec(normalizeText(s).replace(/\s+/g, ''));
  if (!m) return null;
  return isoDate(chineseNumeral(m[1]!), chineseNumeral(m[2]!), chineseNumeral(m[3]!));
}

function isoFromDashed(s: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(normalizeText(s));
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function isSubstantialTitle(p: string): boolean {
  const n = normalizeText(p);
  if (BREADCRUMB.test(n)) return false;
  if (n.length < 4 || n.length > 120) return false;
  if (/^【.*】$/.test(p) || /^\[.*\]$/.test(n)) return false;
  if (parseChineseDate(p) || DOC_NUMBER.test(n) || matchLabel(p)) return false;
  if (/^(原标题|来源|发布时间|发布日期|成文日期|索引号|主题分类|发文机关|作者|编辑|责任编辑)[:：]/.test(n)) return false;
  // The red masthead of an official document (湖南省人民政府办公厅文件) is not its title.
  if (/文件$/.test(n) && n.length <= 24) return false;
  return true;
}

/**
 * Government websites put a metadata table above the text (标题：… 发文机关：… 成文日期：… 发文字号：…), with or
 * without colons (table cells arrive tab-separated). Returns the labelled value found in the first paragraphs,
 * as written.
 */
function labelledField(paras: string[], labels: string): string | null {
  const re = new RegExp(`(?:^|\\s)(?:${labels})(?:\\s*[:：]|\\s*\\t)\\s*([^\\s][^\\t]*?)(?=\\t|\\s+[\\u4e00-\\u9fff]{2,5}\\s*[:：]|\\s*$)`);
  for (const p of paras.slice(0, 25)) {
    const m = re.exec(p);
    if (m) return m[1]!.trim();
  }
  return null;
}

/** The page's <title> without the site suffix (…的通知_省府办公厅文件_广东省人民政府门户网站). */
function htmlTitleMain(htmlTitle: string | null): string | null {
  const main = htmlTitle?.split(/\s*(?:_|\||｜| - | — )\s*/)[0]?.trim();
  return main && main.length >= 6 ? main : null;
}

function findTitle(paras: string[], fm: FrontMatter, htmlTitle: string | null): { title: string; end: number } {
  if (fm.title) return { title: fm.title, end: -1 };
  const labelled = labelledField(paras, '标\\s*题|文件名称');
  if (labelled) return { title: labelled, end: -1 };
  const limit = Math.min(paras.length, 15);
  // On a web page the heading that repeats the <title> is the title; navigation links above it are not.
  const main = htmlTitleMain(htmlTitle);
  const heading = main ? paras.slice(0, 40).findIndex((p) => p.trim() === main) : -1;
  for (let i = heading >= 0 ? heading : 0; i < Math.max(limit, heading + 1); i++) {
    const p = paras[i]!;
    if (!isSubstantialTitle(p)) continue;
    let title = p;
    let end = i;
    // Long titles wrap after 关于 / 的 / 等 ; the rest is on the next line.
    while (end + 1 < paras.length && /(关于|的|等|和|及)$/.test(title) && paras[end + 1]!.length <= 60 && !/[。，]/.test(paras[end + 1]!)) {
      title += paras[++end]!;
    }
    // （征求意见稿）, （试行）, （2021—2025年） on their own line belong to the title.
    if (end + 1 < paras.length && TITLE_SUFFIX_LINE.test(paras[end + 1]!)) title += paras[++end]!;
    return { title, end };
  }
  return { title: htmlTitle ?? paras[0]!.slice(0, 60), end: -1 };
}

/** A whole line that is a doc number, written the standard way (苏政办发[2022]7号 → 苏政办发〔2022〕7号). */
function docNumberOf(line: string): string | null {
  const m = DOC_NUMBER.exec(normalizeText(line).replace(/\s+/g, ''));
  return m ? `${m[1]}〔${m[2]}〕${m[3]}` : null;
}

function findDocNumber(paras: string[], from: number): string | null {
  // Only a standalone line near the top is this document's number; numbers inside sentences are citations.
  for (let i = Math.max(0, from); i < Math.min(paras.length, from + 8); i++) {
    const own = docNumberOf(paras[i]!);
    if (own) return own;
  }
  // The page's metadata table (发文字号：…), wherever the navigation pushed it.
  const field = labelledField(paras, '发文字号|文号');
  return field ? docNumberOf(field) : null;
}

/** The issuing body's lines right above the date line at index i (up to three, e.g. joint issuers). */
function issuerAbove(paras: string[], i: number): { issuers: string[]; start: number } {
  let start = i;
  const issuers: string[] = [];
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const name = paras[j]!.trim();
    if (name.length > 40 || /[。，；：,;:]/.test(name) || !looksLikeOrganisation(name.split(/\s+/).pop()!)) break;
    issuers.unshift(name);
    start = j;
  }
  return { issuers, start };
}

/**
 * The 落款: an issuing body's name followed by a date line, near the end. A 印发…的通知 carries its 落款 above
 * the plan it issues, so when the end has none, a body + date pair earlier in the text is the notice's
 * signature; the plan after it still belongs to the document (start stays at the end).
 */
function findSignature(paras: string[]): { date: string | null; issuer: string | null; start: number } {
  const from = Math.max(0, paras.length - 12);
  for (let i = paras.length - 1; i >= from; i--) {
    const date = parseChineseDate(paras[i]!);
    if (!date) continue;
    const { issuers, start } = issuerAbove(paras, i);
    return { date, issuer: issuers.length ? issuers.join(' ') : null, start };
  }
  for (let i = 0; i < from; i++) {
    const date = parseChineseDate(paras[i]!);
    if (!date) continue;
    const { issuers } = issuerAbove(paras, i);
    if (issuers.length) return { date, issuer: issuers.join(' '), start: paras.length };
  }
  return { date: null, issuer: null, start: paras.length };
}

function issuerFromTitle(title: string): string | null {
  const m = /^(.{2,40}?)关于/.exec(title);
  if (!m) return null;
  const last = m[1]!.split(/[\s、]+/).pop()!;
  return looksLikeOrganisation(last) ? m[1]!.trim() : null;
}

function findValidity(text: string, publishedOn: string | null): { effectiveOn: string | null; expiresOn: string | null } {
  const n = normalizeText(text);
  let effectiveOn: string | null = null;
  let expiresOn: string | null = null;
  if (/自(印发|发布|公布|下发|颁布)之日起(施行|实施|执行|生效)/.test(n)) effectiveOn = publishedOn;
  const from = /自(\d{4})年(\d{1,2})月(\d{1,2})日起(施行|实施|执行|生效)/.exec(n);
  if (from) effectiveOn = isoDate(Number(from[1]), Number(from[2]), Number(from[3]));
  const until = /(?:有效期)?(?:至|到|截至)?(\d{4})年(\d{1,2})月(\d{1,2})日(起)?(废止|失效|止)/.exec(n);
  if (until) {
    const d = isoDate(Number(until[1]), Number(until[2]), Number(until[3]));
    // "X日起废止" means it no longer applies from X: the last valid day is the day before.
    if (d) expiresOn = until[4] ? addDays(d, -1) : d;
  }
  const validTo = /有效期(?:至|到|截至)(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(n);
  if (!expiresOn && validTo) expiresOn = isoDate(Number(validTo[1]), Number(validTo[2]), Number(validTo[3]));
  const years = /有效期(?:为)?([\d一二三四五六七八九十两]{1,3})年/.exec(n);
  const base = effectiveOn ?? publishedOn;
  if (!expiresOn && years && base) {
    const count = chineseNumeral(years[1]!);
    if (Number.isFinite(count) && count > 0) expiresOn = addDays(addYears(base, count), -1);
  }
  return { effectiveOn, expiresOn };
}

export function extractMetadata(paras: string[], fm: FrontMatter, htmlTitle: string | null): Metadata {
  const { title, end } = findTitle(paras, fm, htmlTitle);
  const docNumber = findDocNumber(paras, Math.max(0, end + 1));
  const signature = findSignature(paras);
  const tableDate = labelledField(paras, '成文日期|发布日期|发文日期');
  const publishedOn = signature.date ?? (tableDate ? parseChineseDate(tableDate) ?? isoFromDashed(tableDate) : null) ?? fm.date;
  // Validity clauses sit in the closing paragraphs; searching only there keeps quoted rules of other documents out.
  const closing = paras.slice(Math.max(0, signature.start - 6), signature.start + 3).join('\n');
  const { effectiveOn, expiresOn } = findValidity(closing, publishedOn);
  return {
    title,
    titleEnd: end,
    issuer: signature.issuer ?? labelledField(paras, '发文机关|发布机构|发文单位') ?? issuerFromTitle(title),
    docNumber,
    publishedOn,
    effectiveOn,
    expiresOn,
    signatureStart: signature.start,
  };
}
