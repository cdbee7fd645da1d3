import { describe, expect, it } from 'vitest';
import { isStorableDate } from '../../../src/core/parse/dates.ts';
import { parseResponsibility } from '../../../src/core/parse/departments.ts';
import { MAX_QUOTE_CHARS } from '../../../src/core/parse/targets.ts';
import { MAX_NOTES_PER_ITEM, readTasks } from '../../../src/core/parse/tasks.ts';
import { mulberry32 } from '../../helpers/random.ts';

/** Fragments of the genre and of hostile input, glued at random. */
const FRAGMENTS = [
  '到',
  '2025年',
  '二〇二五年',
  '0000年',
  '9999年',
  '年底前',
  '6月30日',
  '十二月三十一日',
  '前',
  '内',
  '3年内',
  '自2024年起',
  '印发之日起',
  '60日内',
  '每年',
  '至',
  '—',
  '（',
  '）',
  '(',
  ')',
  '〔',
  '〕',
  '【责任单位】',
  '牵头单位：',
  '配合单位：',
  '、',
  '，',
  '；',
  '。',
  '\n',
  ' ',
  '市商务局',
  '省发展改革委',
  '各省级人民政府',
  '各有关部门和单位',
  '和',
  '会同',
  '等',
  '负责',
  '牵头',
  '配合',
  '指导',
  '列第一位者为牵头单位',
  '下同',
  '以下均需试点城市政府落实',
  '不再列出',
  '《',
  '》',
  '建成',
  '5万个',
  '“十四五”期间',
  '完成时限：',
  '适用范围：',
  'x',
  '0',
  '年',
  '月',
  '日',
  '第三季度',
  '上半年',
];

function generate(next: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 60);
  for (let i = 0; i < n; i++) {
    const f = FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!;
    parts.push(next() < 0.05 ? f.repeat(1 + Math.floor(next() * 200)) : f);
  }
  return parts.join('');
}

describe('task reading on generated input (fixed seed)', () => {
  it('never throws, stores only real dates, bounds quotes and notes', () => {
    const next = mulberry32(20240315);
    // Each broken rule is collected with its input, so one run reports them all.
    const broken: string[] = [];
    const check = (ok: boolean, what: string, text: string): void => {
      if (!ok) broken.push(`${what} in “${text.slice(0, 200)}”`);
    };
    for (let i = 0; i < 2000; i++) {
      const text = generate(next);
      const anchor = next() < 0.5 ? '2024-03-15' : null;
      const { tasks, notes } = readTasks(text, { anchor, label: '（一）' });
      for (const t of tasks) {
        for (const target of t.targets) {
          check(isStorableDate(target.due), `due ${target.due}`, text);
          if (target.periodStart !== null)
            check(isStorableDate(target.periodStart), `period ${target.periodStart}`, text);
          check(target.text.length <= MAX_QUOTE_CHARS, `quote of ${target.text.length} characters`, text);
          check(
            text.includes(target.text) || (t.responsibility ?? '').includes(target.text),
            `quote “${target.text}” not in its task`,
            text,
          );
        }
        for (const d of t.departments) check(text.includes(d.name), `unit ${d.name} not as written`, text);
      }
      for (const kind of ['unread_bracket', 'unclassified_time'] as const) {
        const n = notes.filter((x) => x.kind === kind).length;
        check(n <= MAX_NOTES_PER_ITEM + 1, `${n} ${kind} notes`, text);
      }
      for (const n of notes) check((n.excerpt ?? '').length <= 120, `excerpt of ${n.excerpt?.length}`, text);
      try {
        parseResponsibility(text);
      } catch (error) {
        check(false, `parseResponsibility threw ${String(error)}`, text);
      }
    }
    expect(broken).toEqual([]);
  });
});
