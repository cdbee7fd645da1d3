import { describe, expect, it } from 'vitest';
import { namesOf } from '../../../src/slack/kit/subcommand.ts';
import { subcommands } from '../../../src/slack/subcommands/index.ts';
import { routeCommand } from '../../../src/slack/subcommands/route.ts';

const names = namesOf(subcommands);

describe('routeCommand', () => {
  it('empty text and help words give help', () => {
    for (const t of ['', '   ', '\u3000', 'help', 'HELP', '帮助', '?'])
      expect(routeCommand(t, names)).toEqual({ kind: 'help' });
  });
  it('known first words select a subcommand (any case, full-width spaces), the rest are its args', () => {
    expect(routeCommand('show abcd-4', names)).toEqual({ kind: 'subcommand', name: 'show', args: 'abcd-4' });
    expect(routeCommand('SHOW\u3000abcd-4', names)).toEqual({ kind: 'subcommand', name: 'show', args: 'abcd-4' });
    expect(routeCommand('部门 商务局 冷链', names)).toEqual({ kind: 'subcommand', name: 'dept', args: '商务局 冷链' });
    expect(routeCommand('due next 90d', names)).toEqual({ kind: 'subcommand', name: 'due', args: 'next 90d' });
  });
  it('anything else is a keyword search', () => {
    expect(routeCommand('冷链 物流', names)).toEqual({ kind: 'search', text: '冷链 物流' });
    expect(routeCommand('showroom', names)).toEqual({ kind: 'search', text: 'showroom' });
  });
  it('a first word one typo away from a subcommand is a typo, not a search', () => {
    expect(routeCommand('shwo z8wv-4', names)).toEqual({
      kind: 'typo',
      word: 'shwo',
      suggestion: 'show',
      text: 'shwo z8wv-4',
    });
    expect(routeCommand('follwups all', names)).toMatchObject({ kind: 'typo', suggestion: 'followups' });
    expect(routeCommand('assing z8wv-4.1 <@U1|wang>', names)).toMatchObject({ kind: 'typo', suggestion: 'assign' });
    // Words two edits away, Chinese and short words stay searches.
    for (const t of ['shower 冷链', '冷链', 'dues', 'sow']) expect(routeCommand(t, names).kind, t).toBe('search');
  });
  it('a bare item id shows that item', () => {
    expect(routeCommand('z8wv-4', names)).toEqual({ kind: 'subcommand', name: 'show', args: 'z8wv-4' });
    expect(routeCommand('A4BD-Q2', names)).toEqual({ kind: 'subcommand', name: 'show', args: 'a4bd-q2' });
    expect(routeCommand('z8wv-4.1.t1', names)).toEqual({ kind: 'subcommand', name: 'show', args: 'z8wv-4.1.t1' });
    expect(routeCommand('2023-2025 规划', names).kind).toBe('search');
  });
  it('refuses two subcommands claiming the same word', () => {
    expect(() =>
      namesOf([...subcommands, { name: 'x', aliases: ['show'], helpLines: () => [], run: () => undefined }]),
    ).toThrow(/used twice/);
  });
});
