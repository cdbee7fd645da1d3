import { describe, expect, it } from 'vitest';
import { stripBotMention } from '../../../src/slack/mention/strip-mention.ts';

describe('stripBotMention', () => {
  it('removes the bot mention wherever it is, when its id is known', () => {
    expect(stripBotMention('<@UBOT> done', 'UBOT')).toBe('done');
    expect(stripBotMention('<@UBOT|measures> assign <@U1>', 'UBOT')).toBe('assign <@U1>');
    expect(stripBotMention('please <@UBOT> done', 'UBOT').split(/\s+/)).toEqual(['please', 'done']);
  });

  it('otherwise removes only the leading mention and the punctuation after it', () => {
    expect(stripBotMention('<@UBOT> assign <@U1>')).toBe('assign <@U1>');
    expect(stripBotMention('<@W23456789>： 冷链')).toBe('冷链');
    expect(stripBotMention('<@UOTHER>, 冷链', 'UBOT')).toBe('冷链');
  });
});
