import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.ts';

/** The bot's jieba segmenter with the shipped user dictionary, for tests that index or search. */
export const testSegmenter = createJiebaSegmenter();
