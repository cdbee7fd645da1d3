import { isTaskTableHeaderRow, MAX_EXPANDED_COLUMNS } from './task-table.ts';

/**
 * Turns HTML, Markdown and front-matter wrapped text into plain lines. Detection is by content, not only by
 * extension. Every reader here is a single left-to-right scan: no pattern is retried from each position of an
 * unbounded input, so hostile input (100k `<` or `[`) costs what a normal page of that size costs.
 */

export interface FrontMatter {
  title: string | null;
  /** ISO date, from `date:` (ISO or RFC 2822), in China time. */
  date: string | null;
}

/** What an HTML page says about itself outside the text: `<title>`, `<meta name="ArticleTitle">`, `PubDate`. */
export interface PageMeta {
  /** <title> or first <h1>, used only when the body yields no title. */
  title: string | null;
  /** `<meta name="ArticleTitle">` (gov.cn and the provincial portals built on the same CMS). */
  articleTitle: string | null;
  /** ISO date from `<meta name="PubDate">` (or PublishDate / firstpublishedtime). */
  pubDate: string | null;
}

export interface PlainText {
  text: string;
  frontMatter: FrontMatter;
  page: PageMeta;
}

const NO_PAGE: PageMeta = { title: null, articleTitle: null, pubDate: null };

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  copy: '©',
  reg: '®',
  ensp: ' ',
  emsp: '　',
  thinsp: ' ',
  laquo: '«',
  raquo: '»',
  deg: '°',
  plusmn: '±',
};

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  // Entity names are short: bounding them keeps `&` + a long run of letters linear.
  return s.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    // An unknown name (&sp; on some government pages) is a typo for a space, never text.
    return ENTITIES[body.toLowerCase()] ?? ' ';
  });
}

/** China is UTC+8 all year: a GMT timestamp from a Chinese site is dated in Beijing time. */
export function dateFromFrontMatter(value: string): string | null {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  if (v.length > 64) return null;
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (ymd) return `${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`;
  const hasZone = /(GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.test(v);
  // Without a zone the written date is the date: never let the host's time zone (Date.parse) shift it.
  const lead = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!hasZone && lead) return `${lead[1]}-${lead[2]}-${lead[3]}`;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  if (!hasZone) {
    // Date.parse read it as local time, so the local calendar fields give back the date as written.
    const d = new Date(ms);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

function splitFrontMatter(raw: string): { body: string; frontMatter: FrontMatter } {
  const none = { body: raw, frontMatter: { title: null, date: null } };
  const m = /^\s*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(raw);
  if (!m) return none;
  const fields = new Map<string, string>();
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) fields.set(kv[1]!.toLowerCase(), kv[2]!.trim());
  }
  const unquote = (s: string | undefined): string | null => {
    if (!s) return null;
    const t = s.replace(/^(['"])(.*)\1$/, '$2').trim();
    return t === '' ? null : t;
  };
  const date = unquote(fields.get('date'));
  return {
    body: raw.slice(m[0].length),
    frontMatter: { title: unquote(fields.get('title')), date: date ? dateFromFrontMatter(date) : null },
  };
}

const KNOWN_TAGS =
  /<\/?(?:p|div|br|span|a|html|body|head|table|tr|td|h[1-6]|section|article|ul|ol|li|strong|em|b|font|img|meta|style|script)[\s/>]/gi;

function looksLikeHtml(file: string, text: string): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  KNOWN_TAGS.lastIndex = 0;
  return KNOWN_TAGS.exec(text) !== null && KNOWN_TAGS.exec(text) !== null;
}

/** Elements that start a new line of text. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'section',
  'article',
  'main',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'header',
  'center',
  'hr',
  'caption',
  'figure',
]);
/** Elements whose content is never document text: code, forms, page chrome. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'footer',
  'aside',
  'iframe',
  'select',
  'button',
  'textarea',
  'svg',
  'object',
  'form',
]);
/** Raw-text elements: their content may hold `<` and ends only at the matching close tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template']);
const VOID = new Set([
  'br',
  'img',
  'meta',
  'link',
  'input',
  'hr',
  'area',
  'base',
  'col',
  'embed',
  'param',
  'source',
  'track',
  'wbr',
]);
/**
 * class / id tokens of page chrome on government sites: navigation, share buttons (bdshare), related links
 * (xgwz / xglj), print and close bars, banners, footers and QR codes. A token matches at its start or after
 * `-`/`_` (de_bannerS, bdshare_t, footer-nav).
 */
const FURNITURE =
  /(?:^|[-_])(?:nav|menu|share|bdshare|footer|breadcrumb|crumb|related|xgwz|xglj|sidebar|copyright|banner|qrcode|erweima|toolbar|print)|(?:^|[-_])foot(?:$|[-_])/i;
/** Lines of page chrome that arrive as plain text (no class to recognise them by). */
const FURNITURE_LINE =
  /^(?:扫一扫在手机打开当前页|【?(?:打印|关闭|关闭窗口|打印本页|返回顶部|收藏|纠错)】?(?:\s*【?(?:打印|关闭|关闭窗口|打印本页|返回顶部|收藏|纠错)】?)*|分享到[:：]?.{0,40}|相关(?:链接|文章|阅读|新闻|文件|稿件)[:：]?|字号[:：]?\s*(?:大|中|小)?.{0,10}|.{0,60}(?:版权所有|ICP备|网站标识码|网站地图|网站识别码|公网安备).{0,60})$/;

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function attribute(tag: string, name: string): string | null {
  // Most tags (td, tr, p) are a bare name: nothing to scan. Attributes follow the name after a space or, as
  // browsers read it, a slash (<td/rowspan="2">).
  if (!/[\s/]/.test(tag)) return null;
  // tag is the inside of one tag (bounded by its `>`), so this scan is linear in the tag.
  for (const m of tag.matchAll(ATTRIBUTE)) {
    if (m[1]!.toLowerCase() === name) return m[2] ?? m[3] ?? m[4] ?? '';
  }
  return null;
}

function isFurniture(tag: string): boolean {
  const role = attribute(tag, 'role');
  if (role && /navigation|banner|contentinfo|search/i.test(role)) return true;
  for (const a of ['class', 'id']) {
    const v = attribute(tag, a);
    if (v?.split(/\s+/).some((t) => FURNITURE.test(t))) return true;
  }
  return false;
}

function collapse(s: string, pre: boolean): string {
  return pre ? s : s.replace(/[ \t\r\n\f]+/g, ' ');
}

/** Rowspans are followed over this many columns and rows at most: a task table is far smaller. */
const MAX_SPAN_COLUMNS = 200;
const MAX_ROWSPAN = 10_000;

/** Longest row whose paragraphs are joined into one line: past it, a "row" is a page laid out in a table. */
const MAX_ROW_CHARS = 3000;

/**
 * The row's text on one line: each line break with the spaces and tabs around it becomes its tabs (every tab stays,
 * so empty cells keep their place), or a space when it holds none. Index scans: each character is looked at twice
 * at most, however long a run of tabs.
 */
function oneLine(text: string): string {
  const parts: string[] = [];
  let k = 0;
  while (k < text.length) {
    const nl = text.indexOf('\n', k);
    if (nl < 0) {
      parts.push(text.slice(k));
      break;
    }
    let a = nl;
    while (a > k && (text[a - 1] === ' ' || text[a - 1] === '\t')) a--;
    let b = nl + 1;
    while (b < text.length && /\s/.test(text[b]!)) b++;
    const tabs = text.slice(a, b).replace(/[^\t]+/g, '');
    parts.push(text.slice(k, a), tabs === '' ? ' ' : tabs);
    k = b;
  }
  return parts.join('').replace(/^ +/, '');
}

/**
 * A row of a task table (task-table.ts decides by the table's header row) stays one line: paragraphs inside a cell
 * (<td><p>…</p><p>…</p></td>, <br>) are joined by a space, as the docx reader joins a cell's paragraphs. Rows of any
 * other table keep a line per paragraph: a page laid out in a table (a spacer cell beside the article) is text.
 */
function joinRow(out: string[], start: number): void {
  const text = out.slice(start).join('');
  if (text.length > MAX_ROW_CHARS) return;
  out.length = start;
  out.push(oneLine(text));
}

/** The tab after a row's last cell ends the row, it separates no cells: a row of n cells has n - 1 tabs. */
function dropFinalTab(out: string[], start: number): void {
  for (let k = out.length - 1; k >= start; k--) {
    const s = out[k]!;
    if (/^ *$/.test(s)) continue;
    if (/^\t+$/.test(s)) out[k] = s.slice(1);
    return;
  }
}

/**
 * One scan over the page: text between tags (source whitespace collapsed, as a browser shows it), a line
 * break for each block element, a tab after each table cell (发文字号 | 国发〔2019〕5号 stay apart), and the
 * page's own metadata from <title> and <meta>. Comments, scripts, styles and page chrome are dropped.
 */
function htmlToText(html: string): { text: string; page: PageMeta } {
  const lower = html.toLowerCase();
  const out: string[] = [];
  const page: PageMeta = { title: null, articleTitle: null, pubDate: null };
  let h1: string[] | null = null;
  let h1Done = false;
  let skipTag: string | null = null;
  let skipDepth = 0;
  let preDepth = 0;
  let gt = -1; // position of the next '>' at or after the cursor; -2 when there is none left
  const nextGt = (from: number): number => {
    if (gt === -2) return -1;
    if (gt < from) {
      gt = html.indexOf('>', from);
      if (gt < 0) {
        gt = -2;
        return -1;
      }
    }
    return gt;
  };
  const emit = (s: string): void => {
    if (skipTag !== null) return;
    out.push(s);
    if (h1 !== null) h1.push(s);
  };
  // Open table rows: where each starts in out, its cells so far, and whether it holds a table of its own.
  const rows: Array<{ start: number; cells: number; nested: boolean; table: number; col: number; span: number }> = [];
  let tables = 0;
  // Per open table, whether a task-table header row has been seen in it: its rows after that are one line each.
  const taskTables: boolean[] = [];
  // Per open table, how many more rows each column's rowspan cell covers: those rows get an empty cell there, as
  // Word's merged cells arrive, so the cells after it stay under their header.
  const spans: number[][] = [];
  const openCell = (tag: string): void => {
    const row = rows[rows.length - 1];
    const grid = spans[spans.length - 1];
    if (!row || !grid || row.table !== tables) return;
    while (row.col < MAX_SPAN_COLUMNS && (grid[row.col] ?? 0) > 0) {
      grid[row.col]!--;
      row.col++;
      emit('\t');
    }
    const rowspan = Math.min(Number(attribute(tag, 'rowspan') ?? 1) || 1, MAX_ROWSPAN);
    const colspan = Math.min(Number(attribute(tag, 'colspan') ?? 1) || 1, MAX_SPAN_COLUMNS);
    // A colspan cell ends with one tab per column it covers (a 责任单位 header over 牵头单位 | 配合单位), so the cells
    // after it stay under their header.
    row.span = 0;
    for (let k = 0; k < colspan && row.col < MAX_SPAN_COLUMNS; k++, row.col++) {
      if (rowspan > 1) grid[row.col] = rowspan - 1;
      if (k === 0 || row.col < MAX_EXPANDED_COLUMNS) row.span++;
    }
  };
  const closeRow = (row: (typeof rows)[number]): void => {
    if (row.table === tables) endSpans(row.col);
    dropFinalTab(out, row.start);
    if (row.cells < 2 || row.nested) return;
    const k = tables - 1;
    if (row.table === tables && k >= 0 && !taskTables[k]) {
      const text = out.slice(row.start).join('');
      if (text.length <= MAX_ROW_CHARS && isTaskTableHeaderRow(text)) taskTables[k] = true;
    }
    if (row.table === tables && taskTables[k]) joinRow(out, row.start);
  };
  // The columns a row left out at its end are covered by it too.
  const endSpans = (from: number): void => {
    const grid = spans[spans.length - 1];
    if (!grid) return;
    for (let c = from; c < grid.length; c++) if (grid[c]! > 0) grid[c]!--;
  };
  let i = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) emit(decodeEntities(collapse(html.slice(textStart, end), preDepth > 0)));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const c = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const end = html.indexOf('-->', lt + 4);
      // An unclosed comment runs to the end of the page, as in a browser.
      i = end < 0 ? html.length : end + 3;
      textStart = i;
      continue;
    }
    const isTag =
      c !== undefined &&
      (/[A-Za-z]/.test(c) || (c === '/' && /[A-Za-z]/.test(html[lt + 2] ?? '')) || c === '!' || c === '?');
    const close = isTag ? nextGt(lt) : -1;
    if (close < 0) {
      // A '<' that opens no tag is text (1 < 2, or a page cut off mid-tag).
      i = lt + 1;
      continue;
    }
    flushText(lt);
    i = close + 1;
    textStart = i;
    if (c === '!' || c === '?') continue;
    const inner = html.slice(lt + 1, close);
    const closing = inner[0] === '/';
    const name = /^\/?([A-Za-z][A-Za-z0-9-]*)/.exec(inner)![1]!.toLowerCase();
    const selfClosing = inner.endsWith('/') || VOID.has(name);
    if (skipTag !== null) {
      if (name === skipTag && !selfClosing) skipDepth += closing ? -1 : 1;
      if (skipDepth === 0) skipTag = null;
      continue;
    }
    if (!closing && RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      const contentEnd = end < 0 ? html.length : end;
      if (name === 'title' && page.title === null)
        page.title = decodeEntities(collapse(html.slice(i, contentEnd), false)).trim() || null;
      if (name === 'textarea') emit(decodeEntities(html.slice(i, contentEnd)));
      const after = end < 0 ? -1 : html.indexOf('>', end);
      i = after < 0 ? html.length : after + 1;
      textStart = i;
      continue;
    }
    if (name === 'meta') {
      const key = (attribute(inner, 'name') ?? attribute(inner, 'property') ?? '').toLowerCase();
      const content = attribute(inner, 'content');
      if (content) {
        if (key === 'articletitle' && page.articleTitle === null)
          page.articleTitle = decodeEntities(content).trim() || null;
        if (/^(pubdate|publishdate|firstpublishedtime|article:published_time)$/.test(key) && page.pubDate === null) {
          page.pubDate = dateFromFrontMatter(decodeEntities(content).trim().replace(/\s.*$/, ''));
        }
      }
      continue;
    }
    if (!closing && !selfClosing && (DROPPED.has(name) || isFurniture(inner))) {
      skipTag = name;
      skipDepth = 1;
      continue;
    }
    if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    if (name === 'h1' && !h1Done) {
      if (!closing) h1 = [];
      else if (h1 !== null) {
        h1Done = true;
        if (page.title === null) page.title = h1.join('').trim() || null;
        h1 = null;
      }
    }
    // A <tr> closes the open row of its own table, as in a browser (before the line break it starts).
    if (name === 'tr' && !closing && rows.length > 0 && rows[rows.length - 1]!.table === tables) closeRow(rows.pop()!);
    if (!closing && (name === 'td' || name === 'th')) openCell(inner);
    if (closing && (name === 'td' || name === 'th')) {
      const row = rows[rows.length - 1];
      emit('\t'.repeat(Math.max(1, row?.span ?? 1)));
      if (row) {
        row.cells++;
        row.span = 1;
      }
    } else if (name === 'tr' && closing) {
      const row = rows.pop();
      if (row) closeRow(row);
      emit('\n');
    } else if (BLOCK.has(name)) emit('\n');
    if (name === 'table') {
      if (!closing) {
        tables++;
        spans.push([]);
        taskTables.push(false);
        if (rows.length > 0) rows[rows.length - 1]!.nested = true;
      } else if (tables > 0) {
        // Rows left open (no </tr>) end with their table, so the stack is never deeper than the tables.
        while (rows.length > 0 && rows[rows.length - 1]!.table >= tables) rows.pop();
        spans.pop();
        taskTables.pop();
        tables--;
      }
    }
    if (name === 'tr' && !closing) {
      rows.push({ start: out.length, cells: 0, nested: false, table: tables, col: 0, span: 1 });
    }
  }
  flushText(html.length);
  const lines = out
    .join('')
    .split('\n')
    .filter((l) => !FURNITURE_LINE.test(l.trim()));
  return { text: lines.join('\n'), page };
}

/** `](` links and images: the position of the `]` and `)` that close the one opened at `open`, or null. */
function markdownLink(
  line: string,
  open: number,
  next: { bracket: number; paren: number },
): { textEnd: number; end: number } | null {
  if (next.bracket !== -2 && next.bracket <= open) next.bracket = line.indexOf(']', open + 1);
  if (next.bracket < 0) {
    next.bracket = -2;
    return null;
  }
  const textEnd = next.bracket;
  if (line[textEnd + 1] !== '(') return null;
  if (next.paren !== -2 && next.paren <= textEnd + 1) next.paren = line.indexOf(')', textEnd + 2);
  if (next.paren < 0) {
    next.paren = -2;
    return null;
  }
  return { textEnd, end: next.paren + 1 };
}

/**
 * Inline Markdown of one line: images dropped, [text](url) → text, **bold** / __bold__ → bold, `code` → code.
 * One pass; the next closing `]`, `)`, `**`, `__` and backquote are remembered so an unclosed opener is never
 * searched for again.
 */
function markdownInline(line: string): string {
  const out: string[] = [];
  const link = { bracket: -1, paren: -1 };
  const closer: Record<string, number> = { '**': -1, __: -1, '`': -1 };
  const find = (delim: string, from: number): number => {
    const known = closer[delim]!;
    if (known === -2) return -1;
    if (known < from) closer[delim] = line.indexOf(delim, from);
    if (closer[delim]! < 0) closer[delim] = -2;
    return closer[delim]! < 0 ? -1 : closer[delim]!;
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '!' && line[i + 1] === '[') {
      const m = markdownLink(line, i + 1, link);
      if (m) {
        i = m.end;
        continue;
      }
    } else if (ch === '[') {
      const m = markdownLink(line, i, link);
      if (m && m.textEnd > i + 1) {
        out.push(line.slice(i + 1, m.textEnd));
        i = m.end;
        continue;
      }
    } else if ((ch === '*' || ch === '_') && line[i + 1] === ch) {
      const delim = ch + ch;
      const end = find(delim, i + 3);
      if (end >= 0) {
        out.push(line.slice(i + 2, end));
        i = end + 2;
        continue;
      }
    } else if (ch === '`') {
      const end = find('`', i + 2);
      if (end >= 0) {
        out.push(line.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    out.push(ch);
    i++;
  }
  return out.join('');
}

/** A Markdown table row (`| 序号 | 重点任务 |`) → its cells tab-separated, as HTML rows arrive; its `|---|` rule → ''. */
function markdownRow(raw: string): string | null {
  const t = raw.trim();
  if (t.length < 3 || t[0] !== '|' || t.indexOf('|', 1) < 0) return null;
  if (/^[|:\-\s]+$/.test(t)) return '';
  const inner = t.endsWith('|') ? t.slice(1, -1) : t.slice(1);
  return inner
    .split('|')
    .map((c) => markdownInline(c.trim()))
    .join('\t');
}

function markdownToText(md: string): string {
  return md
    .split(/\r?\n/)
    .map((raw) => {
      const row = markdownRow(raw);
      if (row !== null) return row;
      const line = raw
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s{0,3}[-*+]\s+/, '');
      // A thematic break (---, * * *): markers and spaces only.
      const bare = raw.replace(/\s/g, '');
      if (bare.length >= 3 && /^[-*_]+$/.test(bare) && raw.length - raw.trimStart().length <= 3) return '';
      return markdownInline(line);
    })
    .join('\n');
}

export function toPlainText(file: string, raw: string): PlainText {
  const { body, frontMatter } = splitFrontMatter(raw);
  if (looksLikeHtml(file, body)) {
    const { text, page } = htmlToText(body);
    return { text, frontMatter, page };
  }
  if (/\.(md|markdown)$/i.test(file)) return { text: markdownToText(body), frontMatter, page: NO_PAGE };
  return { text: body, frontMatter, page: NO_PAGE };
}
