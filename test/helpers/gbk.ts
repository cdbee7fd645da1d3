/**
 * GBK's two-byte code of every character it encodes, built once by inverting TextDecoder('gb18030') over the
 * two-byte range (Node can decode GBK but has no encoder). The first pair that decodes to a character wins.
 */
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    pair[0] = hi;
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      pair[1] = lo;
      const ch = decoder.decode(pair);
      // Invalid pairs decode to U+FFFD (followed by the second byte when it is ASCII): no character of their own.
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return table;
}

/**
 * Encodes text as GBK bytes, so tests can feed the parser and ingest files saved on Chinese Windows.
 *
 * @example encodeGbk('冷链') // <Buffer c0 e4 c1 b4>
 */
export function encodeGbk(text: string): Buffer {
  const codes = gbkTable();
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code <= 0x7f) bytes.push(code);
    else {
      const pair = codes.get(c);
      if (!pair) throw new Error(`no GBK encoding for ${c}`);
      bytes.push(pair[0], pair[1]);
    }
  }
  return Buffer.from(bytes);
}
