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
  it('refuses two subcommands claiming the same word', () => {
    expect(() =>
      namesOf([...subcommands, { name: 'x', aliases: ['show'], helpLines: () => [], run: () => undefined }]),
    ).toThrow(/used twice/);
  });
});
