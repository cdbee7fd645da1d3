/**
 * Plans of numbered measures made up for tests and benchmarks that need many of them: a title, a preamble,
 * then sections (一、二、…, numbered again after 九十九) of 20 measures each（一）…（二十）, each led by 市商务局.
 */

const NUMERALS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals, as plans number sections and items. */
export function hanNumber(n: number): string {
  if (n < 10) return NUMERALS[n]!;
  return `${n >= 20 ? NUMERALS[Math.floor(n / 10)] : ''}十${n % 10 ? NUMERALS[n % 10] : ''}`;
}

/**
 * A plan of `measures` measures (sections of 20, the last may be shorter) whose texts come from `text(k)`,
 * k counting the measures from 1.
 *
 * @example numberedPlan('关于推进消费试点的实施方案', 40, (k) => `推进第${k}项试点建设，完善配套政策`)
 */
export function numberedPlan(title: string, measures: number, text: (k: number) => string): string {
  const lines = [title, '', '为扩大消费，制定本方案。'];
  for (let k = 1; k <= measures; k++) {
    const section = Math.ceil(k / 20);
    const item = k - (section - 1) * 20;
    if (item === 1) lines.push(`${hanNumber(((section - 1) % 99) + 1)}、重点任务第${section}组`);
    lines.push(`（${hanNumber(item)}）${text(k)}。（牵头单位：市商务局）`);
  }
  return lines.join('\n');
}
