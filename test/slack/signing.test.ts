import fs from 'node:fs';
import path from 'node:path';
import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../helpers/paths.ts';
import { slackSignature } from '../helpers/slack-request.ts';

/**
 * Our tests sign requests with test/helpers/slack-request.ts; this checks that helper against Slack's own
 * published vector, and that the verifier the receiver uses accepts it and rejects tampering and stale times.
 */
const vector = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'slack-reference', 'signing-vector.json'), 'utf8')) as {
  official: { signing_secret: string; timestamp: string; body: string; expected_signature: string };
  derived: { name: string; timestamp: string; body: string; expected_signature: string }[];
};
const { official } = vector;

const verify = (body: string, signature: string, timestamp: number, nowMs: number) =>
  isValidSlackRequest({
    signingSecret: official.signing_secret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });

describe('request signing', () => {
  it('matches Slack’s official test vector', () => {
    expect(slackSignature(official.signing_secret, official.timestamp, official.body)).toBe(
      official.expected_signature,
    );
  });

  it('matches the derived vectors for JSON events, interactivity payloads and empty bodies', () => {
    for (const v of vector.derived) {
      expect(slackSignature(official.signing_secret, v.timestamp, v.body), v.name).toBe(v.expected_signature);
    }
  });

  it('is accepted by Bolt’s verifier, which rejects a tampered body, a wrong version and a stale timestamp', () => {
    const ts = Number(official.timestamp);
    const now = ts * 1000;
    expect(verify(official.body, official.expected_signature, ts, now)).toBe(true);
    expect(verify(`${official.body}------`, official.expected_signature, ts, now)).toBe(false);
    expect(verify(official.body, official.expected_signature.replace('v0=', 'v1='), ts, now)).toBe(false);
    expect(verify(official.body, official.expected_signature, ts, now + 600_000)).toBe(false);
  });
});
