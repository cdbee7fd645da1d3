import { describe, expect, it } from 'vitest';
import { slackErrorCode } from '../../src/slack/web-api.ts';

describe('slackErrorCode', () => {
  it("reads the Web API client's data.error, else the message", () => {
    expect(
      slackErrorCode(Object.assign(new Error('An API error occurred: x'), { data: { error: 'channel_not_found' } })),
    ).toBe('channel_not_found');
    expect(slackErrorCode(new Error('socket hang up'))).toBe('socket hang up');
    expect(slackErrorCode('boom')).toBe('boom');
  });
});
