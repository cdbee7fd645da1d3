import { readFileSync, readdirSync } from 'node:fs';
import { normalizeText } from './src/core/parse/normalize.ts';
const files = [...readdirSync('src/core/parse').filter(f=>f.endsWith('.ts')).map(f=>'src/core/parse/'+f), ...readdirSync('/work/shared/seeds').map(f=>'/work/shared/seeds/'+f)];
const changed = new Map<string, string>();
for (const f of files) { let t; try { t = readFileSync(f, 'utf8'); } catch { continue; }
  for (const ch of new Set(t)) { if (/[\u4e00-\u9fff]/.test(ch)) { const n = normalizeText(ch); if (n !== ch) changed.set(ch, `${n} (${f})`); } } }
console.log([...changed].map(([a,b])=>`${a}→${b}`).join('\n'));
