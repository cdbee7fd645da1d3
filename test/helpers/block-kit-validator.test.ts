import fs from 'node:fs';
import path from 'node:path';
import * as webApi from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatViolation, LIMITS, type Report, validateMessage, validateView } from './block-kit-validator.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { SHARED_DIR } from './paths.ts';

const REF = path.join(SHARED_DIR, 'slack-reference');
const load = (file: string): any => JSON.parse(fs.readFileSync(path.join(REF, file), 'utf8'));

/** Views as Slack returns them carry output fields (id, hash, state…); keep what an app sends. */
const VIEW_INPUT = [
  'type',
  'title',
  'blocks',
  'close',
  'submit',
  'private_metadata',
  'callback_id',
  'clear_on_close',
  'notify_on_close',
  'external_id',
];
const asInput = (view: any) => Object.fromEntries(Object.entries(view).filter(([k]) => VIEW_INPUT.includes(k)));

const errorsOf = (r: Report) => r.errors.map(formatViolation);

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const btn = (extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'a',
  text: pt('Go'),
  value: 'v',
  ...extra,
});
const opt = (text: string, value: string) => ({ text: pt(text), value });
const msg = (...blocks: unknown[]) => ({ text: 'fallback', blocks });
const modal = (...blocks: unknown[]) => ({ type: 'modal', title: pt('Title'), submit: pt('OK'), blocks });
const input = (element: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'input',
  label: pt('Label'),
  element,
  ...extra,
});

describe('valid payloads from Slack pass', () => {
  it.each([
    ['payloads/view-submission.json', (d: any) => d.view],
    ['payloads/view-submission.multi-input.json', (d: any) => d.view],
    ['web-api/examples/views.open.success.json', (d: any) => d.view],
    ['web-api/examples/views.publish.success.json', (d: any) => d.view],
    ['web-api/examples/views.update.success.json', (d: any) => d.view],
  ])('view in %s', (file, get) => {
    const view = get(load(file));
    expect(view.blocks.length).toBeGreaterThan(0);
    expect(errorsOf(validateView(asInput(view)))).toEqual([]);
  });

  it.each([
    ['payloads/block-actions.message-button.json', (d: any) => d.message],
    ['payloads/app-mention.real-anon.json', (d: any) => d.event],
  ])('message in %s', (file, get) => {
    const m = get(load(file));
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(errorsOf(validateMessage({ text: m.text, blocks: m.blocks }))).toEqual([]);
  });

  it('a message at every limit at once is still valid', () => {
    const r = validateMessage({
      text: 'x'.repeat(LIMITS.messageText),
      blocks: [
        { type: 'header', text: pt('h'.repeat(150)) },
        {
          type: 'section',
          block_id: 'b'.repeat(255),
          text: md('s'.repeat(3000)),
          accessory: btn({
            action_id: 'a'.repeat(255),
            text: pt('t'.repeat(75)),
            value: 'v'.repeat(2000),
            style: 'danger',
          }),
        },
        { type: 'section', fields: Array.from({ length: 10 }, () => md('f'.repeat(100))) },
        { type: 'context', elements: Array.from({ length: 10 }, () => md('c')) },
        { type: 'actions', elements: Array.from({ length: 25 }, (_, i) => btn({ action_id: `a${i}` })) },
        { type: 'divider' },
        ...Array.from({ length: 44 }, () => ({ type: 'divider' })),
      ],
    });
    expect(errorsOf(r)).toEqual([]);
  });
});

/** Each rule: a payload that breaks it, and the JSON pointer and wording Slack would name. */
describe('each rule rejects what Slack rejects', () => {
  const cases: [string, Report, RegExp][] = [
    [
      'more than 50 blocks in a message',
      validateMessage(msg(...Array.from({ length: 51 }, () => ({ type: 'divider' })))),
      /no more than 50 items.*\/blocks\]/,
    ],
    [
      'more than 100 blocks in a modal',
      validateView(modal(...Array.from({ length: 101 }, () => ({ type: 'divider' })))),
      /no more than 100 items.*\/view\/blocks\]/,
    ],
    [
      'more than 100 blocks in a home tab',
      validateView({ type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }),
      /no more than 100 items/,
    ],
    ['an unknown block type', validateMessage(msg({ type: 'table' })), /unknown block type "table".*\/blocks\/0\/type/],
    [
      'an unknown block property',
      validateMessage(msg({ type: 'divider', text: md('x') })),
      /unknown property "text".*\/blocks\/0\/text/,
    ],
    [
      'a 256-char block_id',
      validateMessage(msg({ type: 'divider', block_id: 'b'.repeat(256) })),
      /less than 256.*\/blocks\/0\/block_id/,
    ],
    [
      'a duplicate block_id',
      validateMessage(msg({ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' })),
      /duplicate block_id "x".*\/blocks\/1\/block_id/,
    ],
    [
      'a 256-char action_id',
      validateMessage(msg({ type: 'actions', elements: [btn({ action_id: 'a'.repeat(256) })] })),
      /less than 256.*action_id/,
    ],
    [
      'a duplicate action_id in one block',
      validateMessage(msg({ type: 'actions', elements: [btn(), btn()] })),
      /duplicate action_id "a" in one block.*\/blocks\/0\/elements\/1\/action_id/,
    ],
    ['a section without text or fields', validateMessage(msg({ type: 'section' })), /must provide text or fields/],
    [
      'an empty section text',
      validateMessage(msg({ type: 'section', text: md('') })),
      /more than 0 characters.*\/blocks\/0\/text\/text/,
    ],
    [
      'a 3001-char section text',
      validateMessage(msg({ type: 'section', text: md('x'.repeat(3001)) })),
      /less than 3001 characters.*\/blocks\/0\/text\/text\]/,
    ],
    [
      '11 section fields',
      validateMessage(msg({ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) })),
      /no more than 10 items.*fields/,
    ],
    [
      'a 2001-char field',
      validateMessage(msg({ type: 'section', fields: [md('f'.repeat(2001))] })),
      /less than 2001.*fields\/0\/text/,
    ],
    [
      'an input element as a section accessory',
      validateMessage(msg({ type: 'section', text: md('x'), accessory: { type: 'plain_text_input', action_id: 'i' } })),
      /not allowed in section/,
    ],
    [
      'a mrkdwn header',
      validateMessage(msg({ type: 'header', text: md('x') })),
      /must be plain_text.*\/blocks\/0\/text\/type/,
    ],
    ['a 151-char header', validateMessage(msg({ type: 'header', text: pt('h'.repeat(151)) })), /less than 151/],
    ['an empty context', validateMessage(msg({ type: 'context', elements: [] })), /at least 1 items/],
    [
      '11 context elements',
      validateMessage(msg({ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) })),
      /no more than 10 items/,
    ],
    [
      'a 3001-char context element',
      validateMessage(msg({ type: 'context', elements: [md('c'.repeat(3001))] })),
      /less than 3001/,
    ],
    ['an empty actions block', validateMessage(msg({ type: 'actions', elements: [] })), /at least 1 items/],
    [
      '26 actions elements',
      validateMessage(
        msg({ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => btn({ action_id: `a${i}` })) }),
      ),
      /no more than 25 items/,
    ],
    [
      'a 76-char button label',
      validateMessage(msg({ type: 'actions', elements: [btn({ text: pt('t'.repeat(76)) })] })),
      /less than 76.*elements\/0\/text\/text/,
    ],
    [
      'a mrkdwn button label',
      validateMessage(msg({ type: 'actions', elements: [btn({ text: md('t') })] })),
      /must be plain_text/,
    ],
    [
      'a 2001-char button value',
      validateMessage(msg({ type: 'actions', elements: [btn({ value: 'v'.repeat(2001) })] })),
      /less than 2001.*\/value/,
    ],
    [
      'a 3001-char button url',
      validateMessage(msg({ type: 'actions', elements: [btn({ url: 'u'.repeat(3001) })] })),
      /less than 3001.*\/url/,
    ],
    [
      'a "default" button style',
      validateMessage(msg({ type: 'actions', elements: [btn({ style: 'default' })] })),
      /primary or danger/,
    ],
    [
      'an unknown text object type',
      validateMessage(msg({ type: 'section', text: { type: 'markdown', text: 'x' } })),
      /plain_text or mrkdwn/,
    ],
    [
      'emoji on mrkdwn',
      validateMessage(msg({ type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } })),
      /unknown property "emoji"/,
    ],
    [
      'an input without label',
      validateMessage(msg({ type: 'input', element: { type: 'plain_text_input', action_id: 'i' } })),
      /must be a text object.*\/label\]/,
    ],
    [
      'a 2001-char input label',
      validateView(modal(input({ type: 'plain_text_input', action_id: 'i' }, { label: pt('l'.repeat(2001)) }))),
      /less than 2001.*label/,
    ],
    [
      'a 2001-char input hint',
      validateView(modal(input({ type: 'plain_text_input', action_id: 'i' }, { hint: pt('l'.repeat(2001)) }))),
      /less than 2001.*hint/,
    ],
    ['a button as an input element', validateView(modal(input(btn()))), /not allowed in input/],
    [
      '101 select options',
      validateView(
        modal(
          input({
            type: 'static_select',
            action_id: 's',
            options: Array.from({ length: 101 }, (_, i) => opt(`o${i}`, `${i}`)),
          }),
        ),
      ),
      /no more than 100 items.*options/,
    ],
    [
      'a 76-char option text',
      validateView(modal(input({ type: 'static_select', action_id: 's', options: [opt('o'.repeat(76), '1')] }))),
      /less than 76.*options\/0\/text\/text/,
    ],
    [
      'a 76-char option value (75 per @slack/types)',
      validateView(modal(input({ type: 'static_select', action_id: 's', options: [opt('o', 'v'.repeat(76))] }))),
      /less than 76.*options\/0\/value/,
    ],
    [
      'options and option_groups together',
      validateView(
        modal(input({ type: 'static_select', action_id: 's', options: [opt('a', '1')], option_groups: [] })),
      ),
      /exactly one of options and option_groups/,
    ],
    [
      'an initial_option not among the options',
      validateView(
        modal(
          input({ type: 'static_select', action_id: 's', options: [opt('a', '1')], initial_option: opt('b', '2') }),
        ),
      ),
      /must match one of the options/,
    ],
    [
      'a datepicker date as 2023/03/01',
      validateView(modal(input({ type: 'datepicker', action_id: 'd', initial_date: '2023/03/01' }))),
      /'YYYY-MM-DD'.*initial_date/,
    ],
    [
      'a datepicker date 2023-13-01',
      validateView(modal(input({ type: 'datepicker', action_id: 'd', initial_date: '2023-13-01' }))),
      /'YYYY-MM-DD'/,
    ],
    [
      'a timepicker time 9:5',
      validateView(modal(input({ type: 'timepicker', action_id: 't', initial_time: '9:5' }))),
      /'HH:mm'/,
    ],
    [
      'a users_select initial_user that is a name',
      validateView(modal(input({ type: 'users_select', action_id: 'u', initial_user: '@alice' }))),
      /must be a user ID/,
    ],
    [
      'a text input max_length of 3001',
      validateView(modal(input({ type: 'plain_text_input', action_id: 'i', max_length: 3001 }))),
      /integer 1–3000.*max_length/,
    ],
    [
      'a text input min_length above max_length',
      validateView(modal(input({ type: 'plain_text_input', action_id: 'i', min_length: 10, max_length: 5 }))),
      /must not exceed max_length/,
    ],
    [
      'an initial_value longer than max_length',
      validateView(modal(input({ type: 'plain_text_input', action_id: 'i', max_length: 3, initial_value: 'abcd' }))),
      /less than 4.*initial_value/,
    ],
    [
      'a 151-char placeholder',
      validateView(modal(input({ type: 'plain_text_input', action_id: 'i', placeholder: pt('p'.repeat(151)) }))),
      /less than 151.*placeholder/,
    ],
    [
      'an overflow with 1 option (older docs: 2–5)',
      validateMessage(
        msg({ type: 'actions', elements: [{ type: 'overflow', action_id: 'o', options: [opt('a', '1')] }] }),
      ),
      /at least 2 items/,
    ],
    [
      'an overflow with 6 options',
      validateMessage(
        msg({
          type: 'actions',
          elements: [
            { type: 'overflow', action_id: 'o', options: Array.from({ length: 6 }, (_, i) => opt(`o${i}`, `${i}`)) },
          ],
        }),
      ),
      /no more than 5 items/,
    ],
    [
      '11 checkboxes',
      validateView(
        modal(
          input({
            type: 'checkboxes',
            action_id: 'c',
            options: Array.from({ length: 11 }, (_, i) => opt(`o${i}`, `${i}`)),
          }),
        ),
      ),
      /no more than 10 items/,
    ],
    [
      'a 31-char confirm button',
      validateMessage(
        msg({
          type: 'actions',
          elements: [btn({ confirm: { title: pt('t'), text: md('x'), confirm: pt('c'.repeat(31)), deny: pt('d') } })],
        }),
      ),
      /less than 31.*confirm\/confirm/,
    ],
    [
      'an image without alt_text',
      validateMessage(msg({ type: 'image', image_url: 'https://example.com/a.png' })),
      /alt_text.*is required|is required.*alt_text/,
    ],
    [
      'a 12,001-char markdown block',
      validateMessage(msg({ type: 'markdown', text: 'm'.repeat(12_001) })),
      /less than 12001/,
    ],
    [
      'a modal without title',
      validateView({ type: 'modal', blocks: [{ type: 'divider' }] }),
      /is required.*\/view\/title\]/,
    ],
    [
      'a 25-char modal title',
      validateView({ ...modal({ type: 'divider' }), title: pt('t'.repeat(25)) }),
      /less than 25.*\/view\/title\/text/,
    ],
    [
      'a 25-char submit',
      validateView({ ...modal({ type: 'divider' }), submit: pt('s'.repeat(25)) }),
      /less than 25.*\/view\/submit/,
    ],
    [
      'a 25-char close',
      validateView({ ...modal({ type: 'divider' }), close: pt('c'.repeat(25)) }),
      /less than 25.*\/view\/close/,
    ],
    [
      'an input modal without submit',
      validateView({ type: 'modal', title: pt('T'), blocks: [input({ type: 'plain_text_input', action_id: 'i' })] }),
      /required when the view has input blocks/,
    ],
    [
      'a 3001-char private_metadata',
      validateView({ ...modal({ type: 'divider' }), private_metadata: 'p'.repeat(3001) }),
      /less than 3001.*private_metadata/,
    ],
    [
      'a 256-char callback_id',
      validateView({ ...modal({ type: 'divider' }), callback_id: 'c'.repeat(256) }),
      /less than 256.*callback_id/,
    ],
    [
      'a home tab with submit',
      validateView({ type: 'home', submit: pt('OK'), blocks: [{ type: 'divider' }] }),
      /home views cannot have submit/,
    ],
    [
      'a home tab with close',
      validateView({ type: 'home', close: pt('X'), blocks: [{ type: 'divider' }] }),
      /home views cannot have close/,
    ],
    [
      'a view over 250 kB',
      validateView(modal(...Array.from({ length: 90 }, () => ({ type: 'section', text: md('爱'.repeat(1000)) })))),
      /bytes \(max 256000\)/,
    ],
    ['a 40,001-char message text', validateMessage({ text: 'x'.repeat(40_001) }), /less than 40001.*\/text\]/],
    [
      'a duplicate block_id in a view',
      validateView(modal({ type: 'divider', block_id: 'd' }, { type: 'divider', block_id: 'd' })),
      /duplicate block_id/,
    ],
  ];
  it.each(cases)('%s', (_name, report, expected) => {
    expect(errorsOf(report).join('\n')).toMatch(expected);
  });

  it('more than 12,000 characters of block text in one message is msg_blocks_too_long, though each block is valid', () => {
    const r = validateMessage(
      msg(...Array.from({ length: 5 }, () => ({ type: 'section', text: md('x'.repeat(2500)) }))),
    );
    expect(r.errors).toEqual([expect.objectContaining({ code: 'msg_blocks_too_long', pointer: '/blocks' })]);
    expect(
      errorsOf(
        validateMessage(msg(...Array.from({ length: 4 }, () => ({ type: 'section', text: md('x'.repeat(2500)) })))),
      ),
    ).toEqual([]);
  });

  it('counts UTF-16 units: 1,501 emoji are 3,002 units, over the 3,000 limit', () => {
    expect(errorsOf(validateMessage(msg({ type: 'section', text: md('😀'.repeat(1501)) })))).toEqual([
      expect.stringMatching(/less than 3001/),
    ]);
    expect(errorsOf(validateMessage(msg({ type: 'section', text: md('😀'.repeat(1500)) })))).toEqual([]);
  });

  it('blocks without a fallback text are only a warning; the same action_id in different blocks too (Slack allows it)', () => {
    const r = validateMessage({
      blocks: [
        { type: 'section', text: md('x'), accessory: btn() },
        { type: 'section', text: md('y'), accessory: btn() },
      ],
    });
    expect(r.errors).toEqual([]);
    const warnings = r.warnings.map(formatViolation).join('\n');
    expect(warnings).toMatch(/without a top-level `text` fallback/);
    expect(warnings).toMatch(/action_id "a" repeats one in another block/);
  });
});

/**
 * The Web API client logs every refused call as an error; these tests expect the refusals, so the client logs
 * into this list (checked below) instead of printing [ERROR] lines into a passing run.
 */
function capturingLogger(lines: string[]) {
  const keep = (...msg: unknown[]) => void lines.push(msg.map(String).join(' '));
  let level = webApi.LogLevel.ERROR;
  return {
    debug: () => {},
    info: () => {},
    warn: keep,
    error: keep,
    setLevel: (l: webApi.LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

describe('the fake Slack answers invalid payloads as Slack does and records them', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  let logged: string[];
  beforeEach(async () => {
    fake = await startFakeSlack();
    logged = [];
    client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      logger: capturingLogger(logged),
    });
  });
  afterEach(async () => {
    fake.takeViolations();
    await fake.stop();
  });

  const tooLong = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];

  it.each(['chat.postMessage', 'chat.postEphemeral', 'chat.update'])(
    '%s: ok:false invalid_blocks with the json-pointer errors',
    async (method) => {
      const args = { channel: 'C1', user: 'U1', ts: '1.2', text: 'fallback', blocks: tooLong };
      const call =
        method === 'chat.postMessage'
          ? client.chat.postMessage(args)
          : method === 'chat.postEphemeral'
            ? client.chat.postEphemeral(args)
            : client.chat.update(args);
      const err: any = await call.catch((e) => e);
      expect(err.code).toBe(webApi.ErrorCode.PlatformError);
      expect(err.data).toMatchObject({
        ok: false,
        error: 'invalid_blocks',
        errors: ['must be less than 3001 characters (is 3001) [json-pointer:/blocks/0/text/text]'],
      });
      expect(fake.violations).toEqual([expect.objectContaining({ method, error: 'invalid_blocks' })]);
      expect(logged.join('\n')).toContain('must be less than 3001 characters');
    },
  );

  it('too much text in total is msg_blocks_too_long', async () => {
    const blocks = Array.from({ length: 5 }, () => ({
      type: 'section',
      text: { type: 'mrkdwn', text: 'x'.repeat(2500) },
    }));
    const err: any = await client.chat.postMessage({ channel: 'C1', text: 'f', blocks }).catch((e) => e);
    expect(err.data.error).toBe('msg_blocks_too_long');
  });

  it.each(['views.open', 'views.update', 'views.push', 'views.publish'])(
    '%s: invalid_arguments naming the view',
    async (method) => {
      const view = {
        type: 'modal',
        title: { type: 'plain_text', text: 'A title longer than 24 chars' },
        blocks: [{ type: 'divider' }],
      } as any;
      const args = { trigger_id: '1.2.abc', view_id: 'V1', user_id: 'U1', view };
      const call =
        method === 'views.open'
          ? client.views.open(args)
          : method === 'views.update'
            ? client.views.update(args)
            : method === 'views.push'
              ? client.views.push(args)
              : client.views.publish(args);
      const err: any = await call.catch((e) => e);
      expect(err.data).toMatchObject({ ok: false, error: 'invalid_arguments' });
      expect(err.data.response_metadata.messages).toEqual([
        '[ERROR] must be less than 25 characters (is 28) [json-pointer:/view/title/text]',
      ]);
    },
  );

  it('a response_url post is refused with HTTP 400 invalid_blocks', async () => {
    const res = await fetch(fake.responseUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'f', blocks: tooLong }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('invalid_blocks');
    expect(fake.violations.map((v) => v.method)).toEqual(['response_url']);
  });

  it('valid payloads succeed and leave no violations', async () => {
    await client.chat.postMessage({
      channel: 'C1',
      text: 'hi',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
    });
    const res = await fetch(fake.responseUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ delete_original: true }),
    });
    expect(res.status).toBe(200);
    expect(fake.violations).toEqual([]);
    expect(() => fake.assertNoViolations()).not.toThrow();
  });

  it('assertNoViolations and stop() fail loudly, each violation reported once; reset() keeps them', async () => {
    await client.chat.postMessage({ channel: 'C1', text: 'f', blocks: tooLong }).catch(() => undefined);
    fake.reset();
    expect(() => fake.assertNoViolations()).toThrow(
      /Slack would reject 1 payload[\s\S]*chat\.postMessage[\s\S]*json-pointer:\/blocks\/0\/text\/text/,
    );
    expect(() => fake.assertNoViolations()).not.toThrow();
    await client.chat.postMessage({ channel: 'C1', text: 'f', blocks: tooLong }).catch(() => undefined);
    const other = await startFakeSlack();
    await new webApi.WebClient('x', {
      slackApiUrl: other.apiUrl,
      retryConfig: { retries: 0 },
      logger: capturingLogger(logged),
    }).chat
      .postMessage({ channel: 'C1', text: 'f', blocks: tooLong })
      .catch(() => undefined);
    await expect(other.stop()).rejects.toThrow(/invalid Block Kit/);
  });
});
