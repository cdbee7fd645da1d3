/**
 * How alike two item texts are: the Dice coefficient of their character bigrams (whitespace ignored), from 0
 * (nothing shared) to 1 (same bigrams). Chinese has no spaces to split words on, and a revision typically edits a
 * phrase or a number inside a long sentence, which leaves most bigrams in place.
 */

/** Only this many characters of an item take part: enough to tell items apart, bounded cost per comparison. */
export const MAX_COMPARED_CHARS = 4000;

export type Bigrams = Set<string>;

export function bigrams(text: string): Bigrams {
  const chars = Array.from(text.replace(/\s+/g, '').slice(0, MAX_COMPARED_CHARS));
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * @example dice(bigrams('到2022年底建成5万个'), bigrams('到2023年底建成5万个')) // ≈ 0.8
 */
export function dice(a: Bigrams, b: Bigrams): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}
