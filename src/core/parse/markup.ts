/** Turns HTML, Markdown and front-matter wrapped text into plain lines. Detection is by content, not only by extension. */

export interface FrontMatter {
  title: string | null;
  /** ISO date, from `date:` (ISO or RFC 2822), in China time. */
  date: string | null;
}

export interface PlainText {
  text: string;
  frontMatter: FrontMatter;
  /** <title> or first <h1> of an HTML page, used only when the body yields no title. */
  htmlTitle: string | null;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', times: '×', divide: '÷', copy: '©', reg: '®',
  ensp: ' ', emsp: '　', thinsp: ' ', laquo: '«', raquo: '»', deg: '°', plusmn: '±',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** China is UTC+8 all year: a GMT timestamp from a Chinese site is dated in Beijing time. */
export function dateFromFrontMatter(value: string): string | null {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
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

const HTML_TAG = /<\/?(p|div|br|span|a|html|body|head|table|tr|td|h[1-6]|section|article|ul|ol|li|strong|em|b|font|img|meta|style|script)\b[^>]*>/gi;

function looksLikeHtml(file: string, text: string): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  return (text.match(HTML_TAG) ?? []).length >= 2;
}

function htmlToText(html: string): { text: string; title: string | null } {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const title = titleMatch ? decodeEntities(titleMatch[1]!.replace(/<[^>]+>/g, '')).trim() || null : null;
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|head|template)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|h[1-6]|li|tr|table|section|article|ul|ol|blockquote|pre|header|footer)\b[^>]*>/gi, '\n')
    // A tab between table cells keeps 发文字号 | 浙政办发〔2024〕5号 | 有效性 apart when the labels have no colon.
    .replace(/<\/t[dh]>/gi, '\t')
    .replace(/<[^>]+>/g, '');
  return { text: decodeEntities(text), title };
}

function markdownToText(md: string): string {
  return md
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s{0,3}[-*+]\s+/, '')
        .replace(/^\s{0,3}([-*_]\s*){3,}$/, '')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/`([^`]+)`/g, '$1'),
    )
    .join('\n');
}

export function toPlainText(file: string, raw: string): PlainText {
  const { body, frontMatter } = splitFrontMatter(raw);
  if (looksLikeHtml(file, body)) {
    const { text, title } = htmlToText(body);
    return { text, frontMatter, htmlTitle: title };
  }
  if (/\.(md|markdown)$/i.test(file)) return { text: markdownToText(body), frontMatter, htmlTitle: null };
  return { text: body, frontMatter, htmlTitle: null };
}
