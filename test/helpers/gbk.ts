/**
 * Encodes text as GBK bytes by inverting TextDecoder('gb18030') over the two-byte range (Node can decode GBK but
 * has no encoder), so tests can feed the parser and ingest files saved on Chinese Windows.
 */
export function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const needed = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  const map = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe && map.size < needed.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (needed.has(ch) && !map.has(ch)) map.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code <= 0x7f) bytes.push(code);
    else {
      const pair = map.get(c);
      if (!pair) throw new Error(`no GBK encoding for ${c}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
