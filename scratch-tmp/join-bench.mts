import fs from 'node:fs';
import { createJiebaSegmenter } from '../src/search/jieba-segmenter.ts';
import { normalizeForSearch, NON_WORD_RUN } from '../src/core/search/normalize.ts';
const seg = createJiebaSegmenter();
const dir = '../shared/corpus/govcn-2019/';
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).slice(0, 40).map((f) => normalizeForSearch(fs.readFileSync(dir + f, 'utf8').replace(/<[^>]+>/g, ' ')));
const words = texts.map((t) => seg.cutForIndex(t.replace(/[a-z0-9]+/g, ' ')));
const A = new RegExp(NON_WORD_RUN.source, 'gu');
const W = NON_WORD_RUN.source.replace(/^\[\^/, '').replace(/\]\+$/, '');
const B = new RegExp(`[^${W}]{2,}|[^${W} ]`, 'gu');
console.log(A.source, B.source);
const fa = (s: string) => s.replace(A, ' ').trim();
const fb = (s: string) => s.replace(B, ' ').trim();
let same = true;
for (const w of words) if (fa(w) !== fb(w)) { same = false; }
console.log('same', same, 'chars', words.reduce((n, w) => n + w.length, 0));
for (let round = 0; round < 3; round++) {
  for (const [name, f] of [['A', fa], ['B', fb]] as const) {
    const t = performance.now();
    for (let k = 0; k < 5; k++) for (const w of words) f(w);
    console.log(name, (performance.now() - t).toFixed(1));
  }
}
const wordUnit = new Uint8Array(0x10000);
const WC = /[\p{L}\p{N}\p{Co}]/u;
let buf = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
function fc(s: string): string {
  const n = s.length;
  if (buf.length < n) buf = new Uint16Array(Math.max(n, 2 * buf.length));
  let out = 0;
  let gap = false;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return fa(s);
    let w = wordUnit[code]!;
    if (w === 0) { w = WC.test(s[i]!) ? 1 : 2; wordUnit[code] = w; }
    if (w === 1) {
      if (gap && out > 0) buf[out++] = 0x20;
      gap = false;
      buf[out++] = code;
    } else gap = true;
  }
  return UTF16.decode(buf.subarray(0, out));
}
let same2 = true;
for (const w of words) if (fa(w) !== fc(w)) same2 = false;
console.log('same C', same2);
for (let round = 0; round < 3; round++) {
  for (const [name, f] of [['A', fa], ['C', fc]] as const) {
    const t = performance.now();
    for (let k = 0; k < 5; k++) for (const w of words) f(w);
    console.log(name, (performance.now() - t).toFixed(1));
  }
}
