/**
 * A forward-only XML tag scanner for WordprocessingML parts: tags and text in document order, linear in the
 * input. Office parts are machine-written (no DTDs, no CDATA in text runs), which is all this needs to handle.
 */

export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, body: string) => {
    if (body[0] !== '#') return ENTITY[body.toLowerCase()] ?? m;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    attrs[m[1]!] = decodeXmlEntities(m[3] ?? m[4] ?? '');
  return attrs;
}

export function* scanXml(xml: string): Generator<XmlToken> {
  const re =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    if (m[6] !== undefined) yield { kind: 'text', text: decodeXmlEntities(m[6]) };
    else if (m[1] !== undefined) yield { kind: 'text', text: m[1] };
    else if (m[3] !== undefined) {
      if (m[2] === '/') yield { kind: 'close', name: m[3] };
      else yield { kind: 'open', name: m[3], attrs: parseAttrs(m[4] ?? ''), selfClosing: m[5] === '/' };
    }
  }
}
