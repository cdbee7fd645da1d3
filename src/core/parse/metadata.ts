import { addDays } from '../../lib/dates.ts';
import { addYears, isoDate, isStorableDate } from './dates.ts';
import { looksLikeOrganisation } from './departments.ts';
import { matchLabel } from './labels.ts';
import type { FrontMatter, PageMeta } from './markup.ts';
import { normalizeText } from './normalize.ts';
import { chineseNumeral } from './numerals.ts';

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

const BREADCRUMB = /您现在的位置|当前位置|所在位置|首页\s*[>›»-]|>\s*正文|^(字号|打印|关闭|分享到)[:：\s]/;
const HAN_DIGIT = '[〇○零一二三四五六七八九十]';
const DATE_LINE = new RegExp(
  `^(\\d{4}|${HAN_DIGIT}{4})年(\\d{1,2}|${HAN_DIGIT}{1,3})月(\\d{1,2}|${HAN_DIGIT}{1,3})日$`,
);
const DOC_NUMBER = /^([\u4e00-\u9fff]{1,12})[〔[(【［]\s*(\d{4})\s*[〕\])】］]\s*(第?\d{1,5}号)$/;
const TITLE_SUFFIX_LINE = /^[（(][^（）()]{1,16}[)）]$/;

/** 2021年8月3日 or 二〇二一年八月三日 → 2021-08-03. */
function parseChineseDate(s: string): string | null {
  // 二OO六年: a Latin O typed for 〇 (only a whole date line is read, so no other text is touched).
  const m = DATE_LINE.exec(normalizeText(s).replace(/\s+/g, '').replace(/[Oo]/g, '〇'));
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
  if (
    /^(原标题|来源|发布时间|发布日期|成文日期|索引号|主题分类|发文机关|发文机构|发布单位|发布机构|发文单位|发文字号|文件编号|文号|公开方式|有效性|时间|作者|编辑|责任编辑)\s*[:：]/.test(
      n,
    )
  )
    return false;
  // A page's metadata row holds two labelled fields (发布单位: … 成文日期: …); a title holds none.
  if (/^[\u4e00-\u9fff]{2,8}\s*[:：].*\s[\u4e00-\u9fff]{2,8}\s*[:：]/.test(n)) return false;
  // The addressees (各县、区人民政府，市人民政府有关部门：) and sentences of a cover notice are not a title: a
  // copy that starts there has the issued text's title after the notice's 落款.
  if (/[:。]$/.test(n.trim())) return false;
  // A body's name alone is a masthead or the 落款's issuer line, never a title.
  if (looksLikeOrganisation(n.trim())) return false;
  // The red masthead of an official document (湖南省人民政府办公厅文件) is not its title.
  if (/文件$/.test(n) && n.length <= 24) return false;
  return true;
}

const HAN = /[\u4e00-\u9fff]/;
const WS = /\s/;

/**
 * Where a labelled value ends: at a tab (the next table cell), at a run of spaces followed by the next
 * `标签：` (2–5 Han characters and a colon), or at the end. One scan: each run of spaces is looked past once.
 */
function valueEnd(p: string, from: number): number {
  let i = from;
  while (i < p.length) {
    const ch = p[i]!;
    if (ch === '\t') return i;
    if (!WS.test(ch)) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < p.length && WS.test(p[i]!) && p[i] !== '\t') i++;
    if (i >= p.length || p[i] === '\t') return runStart;
    let k = i;
    while (k < p.length && k - i < 6 && HAN.test(p[k]!)) k++;
    const hanCount = k - i;
    if (hanCount >= 2 && hanCount <= 5) {
      let c = k;
      while (c < p.length && p[c] === ' ') c++;
      if (p[c] === ':' || p[c] === '：') return runStart;
    }
  }
  return p.length;
}

/**
 * The longest value a metadata table's cell holds (a long title, joint issuers): past it, what follows the label
 * is body text, not a field.
 */
export const MAX_FIELD_CHARS = 100;

/**
 * Government websites put a metadata table above the text (标题：… 发文机关：… 成文日期：… 发文字号：…), with or
 * without colons (table cells arrive tab-separated). Returns the labelled value found in the first paragraphs,
 * as written.
 */
export function labelledField(paras: string[], labels: string): string | null {
  // The label and its colon are bounded; the value is found by valueEnd's scan, never by a lazy pattern.
  const re = new RegExp(`(?:^|\\s)(?:${labels})[ \\u3000]{0,8}(?:[:：][ \\t\\u3000]*|\\t[ \\u3000]*)`, 'g');
  const head = paras.slice(0, 30);
  for (const [k, p] of head.entries()) {
    re.lastIndex = 0;
    const m = re.exec(p);
    if (!m) continue;
    let start = m.index + m[0].length;
    while (start < p.length && WS.test(p[start]!)) start++;
    if (start < p.length) {
      const value = p.slice(start, valueEnd(p, start)).trim();
      if (value !== '' && value.length <= MAX_FIELD_CHARS) return value;
      continue;
    }
    // A label alone on its line (a list item whose value is in the next element): the next line is the value,
    // unless it is the next label.
    const next = head[k + 1];
    if (m.index === 0 && next !== undefined && !/^[\u4e00-\u9fff\s]{2,8}[:：]/.test(next)) {
      const value = next.slice(0, valueEnd(next, 0)).trim();
      return value !== '' && value.length <= MAX_FIELD_CHARS ? value : null;
    }
  }
  return null;
}

/** 标题（转载）, 【转载】 and a site name after the title are not part of it. */
export function cleanTitle(title: string): string {
  const cleaned = title.replace(/[（(【[]\s*转载\s*[）)】\]]/g, '').trim();
  // A title line wholly in book-title marks (《…实施细则》) is the title itself; marks around part of it stay.
  const quoted = /^《([^《》]+)》$/.exec(cleaned);
  return quoted ? quoted[1]!.trim() : cleaned;
}

/** The page's <title> without the site suffix (…的通知_省府办公厅文件_广东省人民政府门户网站). */
function htmlTitleMain(htmlTitle: string | null): string | null {
  const main = htmlTitle?.split(/\s*(?:_|\||｜| - | — )\s*/)[0]?.trim();
  return main && main.length >= 6 ? main : null;
}

interface FoundTitle {
  title: string;
  /** First and last paragraph of the title block (-1 when the title came from elsewhere). */
  start: number;
  end: number;
}

function findTitle(paras: string[], fm: FrontMatter, page: PageMeta): FoundTitle {
  const found = findTitleAsWritten(paras, fm, page);
  return { ...found, title: cleanTitle(found.title) || found.title };
}

function findTitleAsWritten(paras: string[], fm: FrontMatter, page: PageMeta): FoundTitle {
  if (fm.title) return { title: fm.title, start: -1, end: -1 };
  const labelled = labelledField(paras, '标\\s*题|文件名称|名[ \\u3000]{0,4}称');
  if (labelled) return { title: labelled, start: -1, end: -1 };
  if (page.articleTitle) return { title: page.articleTitle, start: -1, end: -1 };
  const htmlTitle = page.title;
  const limit = Math.min(paras.length, 15);
  // On a web page the heading that repeats the <title> is the title; navigation links above it are not.
  const main = htmlTitleMain(htmlTitle);
  const heading = main ? paras.slice(0, 40).findIndex((p) => p.trim() === main) : -1;
  for (let i = Math.max(heading, 0); i < Math.max(limit, heading + 1); i++) {
    const p = paras[i]!;
    if (!isSubstantialTitle(p)) continue;
    let title = p;
    let end = i;
    // Long titles wrap after 关于 / 的 / 等 ; the rest is on the next line.
    while (
      end + 1 < paras.length &&
      /(关于|的|等|和|及)$/.test(title) &&
      paras[end + 1]!.length <= 60 &&
      !/[。，]/.test(paras[end + 1]!)
    ) {
      title += paras[++end]!;
    }
    // （征求意见稿）, （试行）, （2021—2025年） on their own line belong to the title.
    if (end + 1 < paras.length && TITLE_SUFFIX_LINE.test(paras[end + 1]!)) title += paras[++end]!;
    return { title, start: i, end };
  }
  return { title: htmlTitle ?? paras[0]!.slice(0, 60), start: -1, end: -1 };
}

/** An order's number: 国令第706号, 河北省人民政府令第15号. */
const ORDER_NUMBER = /^([\u4e00-\u9fff]{1,12}令)(第\d{1,5}号)$/;

/** A 文号 or 令 number is at most this many characters once its spaces are dropped (12 + 〔2021〕 + 第12345号). */
const DOC_NUMBER_MAX_CHARS = 32;

/**
 * A whole line that is a doc number, its year in the standard brackets (苏政办发[2022]7号 → 苏政办发〔2022〕7号) and
 * its characters in the script they were written in (東府〔2021〕54號), or an order's number as written (国令第706号).
 */
function docNumberOf(line: string): string | null {
  // Most lines near a title are sentences: ruled out by their length before any character-by-character work.
  if (line.length > DOC_NUMBER_MAX_CHARS && line.replace(/\s+/g, '').length > DOC_NUMBER_MAX_CHARS) return null;
  // Matched on the normalised line, sliced from the written one (東府〔2021〕54號 keeps its script); the two
  // have the same length, and whitespace is dropped from both alike.
  const normalized = normalizeText(line);
  let written = '';
  let n = '';
  for (let i = 0; i < normalized.length; i++) {
    if (/\s/.test(normalized[i]!)) continue;
    n += normalized[i];
    written += line[i];
  }
  const m = DOC_NUMBER.exec(n);
  if (m) {
    const issuer = written.slice(0, m[1]!.length);
    const serial = written.slice(n.length - m[3]!.length).normalize('NFKC');
    return `${issuer}〔${m[2]}〕${serial}`;
  }
  const order = ORDER_NUMBER.exec(n);
  return order ? written.normalize('NFKC') : null;
}

/** A metadata row whose label is spaced out and has no colon: 发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号. */
const SPACED_NUMBER_FIELD = /(?:^|\s)(?:发文字号|文[ \u3000]{0,6}号)[:：]?[ \t\u3000]{1,8}([^\s:：]{3,30}?号)(?=\s|$)/;

/** How far from the title block a standalone 文号 line is looked for, below it and above it. */
const DOC_NUMBER_REACH = 8;

function findDocNumber(paras: string[], titleStart: number, from: number): string | null {
  // Only a standalone line near the title is this document's number; numbers inside sentences are citations.
  // Below the title first (a masthead's number, then the title), then above it: a red-header document prints it
  // between the masthead and the title, and a copy may start with it.
  for (let i = Math.max(0, from); i < Math.min(paras.length, from + DOC_NUMBER_REACH); i++) {
    const own = docNumberOf(paras[i]!);
    if (own) return own;
  }
  for (let i = titleStart - 1; i >= Math.max(0, titleStart - DOC_NUMBER_REACH); i--) {
    const own = docNumberOf(paras[i]!);
    if (own) return own;
  }
  // The page's metadata table (发文字号：… / 文件编号：…), wherever the navigation pushed it.
  const field = labelledField(paras, '发文字号|文件编号|文号');
  const own = field ? docNumberOf(field) : null;
  if (own) return own;
  for (const p of paras.slice(0, 30)) {
    const m = SPACED_NUMBER_FIELD.exec(p);
    if (m) return docNumberOf(m[1]!);
  }
  return null;
}

/** The issuing body's lines right above the date line at index i (up to three, e.g. joint issuers). */
function issuerAbove(paras: string[], i: number): { issuers: string[]; start: number } {
  let start = i;
  const issuers: string[] = [];
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    // Double-escaped entities (&amp;sp; shows as &sp;) trail some issuer lines on saved pages.
    const name = paras[j]!.trim()
      .replace(/(?:\s*&[a-z]{2,8};)+$/i, '')
      .trim();
    if (name.length > 40 || /[。，；：,;:]/.test(name) || !looksLikeOrganisation(name.split(/\s+/).pop()!)) break;
    issuers.unshift(name);
    start = j;
  }
  return { issuers, start };
}

/** Lines that may follow a 落款 without being more text: （此件公开发布）, （本文有删减）, page furniture. */
const AFTER_SIGNATURE = /^[（(]?(此件|本文有删减|此页无正文|删减)|^扫一扫|^抄送|^(责任编辑|来源|编辑)[:：]/;
/** A notice that issues, forwards or promulgates another text (the text follows its 落款). */
const WRAPPER_TITLE = /印发|转发|批转|颁布|公布/;
const WRAPPER_BODY = /(印发|转发|公布)给你们|现予(印发|公布)|现将.{0,80}(印发|转发|公布)|现公布|现发布/;

/**
 * An approval (批复) that approves the text attached to it (同意建立…联席会议制度 / 附件：…制度): the attached
 * 方案, 制度 or 规则 is what the approval puts in force, so it is read like a text a notice issues. Other
 * attachments (a report, a coordinate table, a list) stay attachments.
 */
const APPROVED_TEXT = /^附件[:：]\s*(?!\d{1,2}[.、]).{0,60}(方案|制度|规则|办法|章程|规划)$/;

function approvesAttachedText(title: string, body: string[]): boolean {
  if (!/批复$/.test(normalizeText(title).trim()) || !/同意/.test(title + body.join(''))) return false;
  return body.some((p) => APPROVED_TEXT.test(normalizeText(p).trim()));
}

interface DateLine {
  index: number;
  date: string;
  issuers: string[];
  start: number;
}

/**
 * The 落款: an issuing body's name followed by a date line. Which one ends the document depends on what
 * follows it:
 * - a 落款 with nothing after it but （此件公开发布） and the like ends the document;
 * - a notice that issues or forwards a text (印发…的通知, 转发…, 国务院令 现公布…) carries its 落款 above that
 *   text: the text still belongs to the document, up to its own 落款 if it has one;
 * - otherwise what follows the first 落款 is an attachment (附件: tables, lists, reports), not the document's
 *   own items.
 * The date and issuer are always the document's own (the first 落款's for a notice that issues a text).
 */
function findSignature(paras: string[], title: string): { date: string | null; issuer: string | null; start: number } {
  const lines: DateLine[] = [];
  for (let i = 0; i < paras.length; i++) {
    const date = parseChineseDate(paras[i]!);
    if (!date) continue;
    const { issuers, start } = issuerAbove(paras, i);
    lines.push({ index: i, date, issuers, start });
  }
  const none = { date: null, issuer: null, start: paras.length };
  if (lines.length === 0) return none;
  const issuerOf = (l: DateLine): string | null => (l.issuers.length ? l.issuers.join(' ') : null);
  const last = lines[lines.length - 1]!;
  const trailing = paras.slice(last.index + 1).filter((p) => !AFTER_SIGNATURE.test(normalizeText(p))).length;
  const signed = lines.filter((l) => l.issuers.length > 0);
  const own = signed[0] ?? null;
  const endsHere = trailing <= 2 && (last.issuers.length > 0 || last.index >= paras.length - 4);
  const body = paras.slice(0, (own ?? lines[0]!).index);
  const wrapper = WRAPPER_TITLE.test(title) || WRAPPER_BODY.test(body.join('')) || approvesAttachedText(title, body);
  if (wrapper) {
    const head = own ?? lines[0]!;
    // The issued text's own 落款 (转发 a ministry's report signed by the ministry) closes it.
    const inner = signed.find((l) => l.index > head.index) ?? (endsHere && last !== head ? last : null);
    return { date: head.date, issuer: issuerOf(head), start: inner ? inner.start : paras.length };
  }
  // Anything after the document's own 落款 is an attachment, however it is signed.
  if (own) return { date: own.date, issuer: issuerOf(own), start: own.start };
  return endsHere ? { date: last.date, issuer: null, start: last.start } : none;
}

/** 河北省人民政府令 / 中华人民共和国国务院令: the masthead of an order names its issuer. */
function issuerFromMasthead(paras: string[]): string | null {
  for (const p of paras.slice(0, 40)) {
    const m = /^(.{2,20}?(?:人民政府|国务院))令$/.exec(normalizeText(p).replace(/\s+/g, ''));
    if (m) return m[1]!.replace(/^中华人民共和国/, '');
  }
  return null;
}

/** 发文机关：国务院办公厅, or joint issuers separated by spaces or 、: each an organisation's name. */
function issuerFromTable(paras: string[]): string | null {
  const value = labelledField(paras, '发文机关|发文机构|发布机构|发文单位');
  if (value === null || /[。；;，,：:！？!?]/.test(value)) return null;
  return value.split(/[\s、]+/).every(looksLikeOrganisation) ? value : null;
}

function issuerFromTitle(title: string): string | null {
  const m = /^(.{2,40}?)关于/.exec(title);
  if (!m) return null;
  const last = m[1]!.split(/[\s、]+/).pop()!;
  return looksLikeOrganisation(last) ? m[1]!.trim() : null;
}

function findValidity(
  text: string,
  publishedOn: string | null,
): { effectiveOn: string | null; expiresOn: string | null } {
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
  // A computed date (有效期5年 from 2099) can leave the years documents mean; such a date is not stored.
  const storable = (d: string | null): string | null => (d !== null && isStorableDate(d) ? d : null);
  return { effectiveOn: storable(effectiveOn), expiresOn: storable(expiresOn) };
}

export function extractMetadata(paras: string[], fm: FrontMatter, page: PageMeta): Metadata {
  const { title, start, end } = findTitle(paras, fm, page);
  const docNumber = findDocNumber(paras, start, Math.max(0, end + 1));
  const signature = findSignature(paras, title);
  // 2024年04月06日 16:40: the table may add the time of day.
  const tableDate =
    labelledField(paras, '成文日期|发布日期|发文日期')?.replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, '') ?? null;
  const publishedOn =
    signature.date ??
    (tableDate ? (parseChineseDate(tableDate) ?? isoFromDashed(tableDate)) : null) ??
    page.pubDate ??
    fm.date;
  // Validity clauses sit in the closing paragraphs; searching only there keeps quoted rules of other documents out.
  const closing = paras.slice(Math.max(0, signature.start - 6), signature.start + 3).join('\n');
  const { effectiveOn, expiresOn } = findValidity(closing, publishedOn);
  return {
    title,
    titleEnd: end,
    issuer: signature.issuer ?? issuerFromTable(paras) ?? issuerFromMasthead(paras) ?? issuerFromTitle(title),
    docNumber,
    publishedOn,
    effectiveOn,
    expiresOn,
    signatureStart: signature.start,
  };
}
