// biome-ignore-all lint/correctness/noVoidTypeReturn: `return this.fail(…)` records the error and stops checking that element; fail returns void
/**
 * A strict Block Kit validator for tests: checks message and view payloads against the limits Slack enforces
 * (source: Slack's Block Kit reference; where sources disagree, the stricter value), so the
 * fake Slack can answer `invalid_blocks` / `msg_blocks_too_long` / `invalid_arguments` the way Slack does
 * instead of accepting anything. Lengths are `string.length` (UTF-16 code units — the stricter reading).
 *
 * Each problem is reported Slack-style: a message plus a JSON pointer into the payload.
 */

export interface Violation {
  /** JSON pointer into the payload, e.g. /blocks/0/text/text. */
  pointer: string;
  message: string;
  /** Which Slack error the whole payload earns: invalid_blocks (per-block rules) or msg_blocks_too_long. */
  code: 'invalid_blocks' | 'msg_blocks_too_long' | 'invalid_arguments';
}

export interface Report {
  errors: Violation[];
  /** Accepted by Slack but worth knowing (e.g. blocks without a fallback `text`). */
  warnings: Violation[];
}

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  blockId: 255,
  actionId: 255,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  selectOptions: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  optionText: 75,
  /** 150 in current docs, 75 in @slack/types: the stricter wins. */
  optionValue: 75,
  optionDescription: 75,
  overflowMin: 2,
  overflowMax: 5,
  checkboxOptions: 10,
  textInputLength: 3000,
  imageAltText: 2000,
  imageTitle: 2000,
  markdownText: 12_000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  viewBytes: 250 * 1024,
  messageText: 40_000,
  /** Undocumented total of all text in a message's blocks (msg_blocks_too_long); users report ~12–13k. */
  cumulativeBlockText: 12_000,
} as const;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

type Obj = Record<string, any>;
type Where = 'section' | 'actions' | 'input' | 'context';

const SELECTS = ['static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select'];
const MULTI_SELECTS = SELECTS.map((t) => `multi_${t}`);
const TEXT_INPUTS = [
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'rich_text_input',
  'file_input',
];
const PICKERS = ['datepicker', 'timepicker', 'datetimepicker'];
const CHOICES = ['checkboxes', 'radio_buttons'];

/** Which element types each container accepts (Block Kit reference, "Compatible blocks" of each element). */
const ALLOWED_ELEMENTS: Record<Where, Set<string>> = {
  section: new Set([
    'button',
    'overflow',
    'image',
    'workflow_button',
    ...SELECTS,
    ...MULTI_SELECTS,
    ...PICKERS,
    ...CHOICES,
  ]),
  actions: new Set([
    'button',
    'overflow',
    'workflow_button',
    'rich_text_input',
    ...SELECTS,
    ...MULTI_SELECTS,
    ...PICKERS,
    ...CHOICES,
  ]),
  input: new Set([...TEXT_INPUTS, ...SELECTS, ...MULTI_SELECTS, ...PICKERS, ...CHOICES]),
  context: new Set(['image', 'plain_text', 'mrkdwn']),
};

/** Keys each block type may carry: Slack's schemas reject additional properties. */
const BLOCK_KEYS: Record<string, string[]> = {
  section: ['text', 'fields', 'accessory', 'expand'],
  header: ['text'],
  context: ['elements'],
  actions: ['elements'],
  divider: [],
  input: ['label', 'element', 'hint', 'optional', 'dispatch_action'],
  image: ['image_url', 'slack_file', 'alt_text', 'title'],
  rich_text: ['elements'],
  markdown: ['text'],
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly errors: Violation[] = [];
  readonly warnings: Violation[] = [];
  private readonly blockIds = new Map<string, string>();
  private readonly actionIds = new Map<string, string>();
  /** Sum of every text a message's blocks display (msg_blocks_too_long). */
  textTotal = 0;
  markdownTotal = 0;

  constructor(private readonly code: Violation['code']) {}

  fail(pointer: string, message: string, code: Violation['code'] = this.code): void {
    this.errors.push({ pointer, message, code });
  }

  warn(pointer: string, message: string): void {
    this.warnings.push({ pointer, message, code: this.code });
  }

  maxLen(v: unknown, max: number, p: string): void {
    if (typeof v === 'string' && v.length > max)
      this.fail(p, `must be less than ${max + 1} characters (is ${v.length})`);
  }

  str(o: Obj, key: string, max: number, p: string, required = false): void {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(`${p}/${key}`, 'is required');
      return;
    }
    if (typeof v !== 'string') return this.fail(`${p}/${key}`, 'must be a string');
    if (required && v.length === 0) this.fail(`${p}/${key}`, 'must be more than 0 characters');
    this.maxLen(v, max, `${p}/${key}`);
  }

  keys(o: Obj, allowed: string[], p: string): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) this.fail(`${p}/${k}`, `unknown property "${k}" (allowed: ${allowed.join(', ')})`);
  }

  /** A composition text object: plain_text | mrkdwn, 1..max chars. */
  text(v: unknown, p: string, max: number = LIMITS.textObject, only?: 'plain_text' | 'mrkdwn'): void {
    if (!isObj(v)) return this.fail(p, 'must be a text object');
    if (v.type !== 'plain_text' && v.type !== 'mrkdwn')
      return this.fail(`${p}/type`, `must be plain_text or mrkdwn (is ${JSON.stringify(v.type)})`);
    if (only && v.type !== only) this.fail(`${p}/type`, `must be ${only}`);
    this.keys(v, v.type === 'plain_text' ? ['type', 'text', 'emoji'] : ['type', 'text', 'verbatim'], p);
    if (typeof v.text !== 'string') return this.fail(`${p}/text`, 'must be a string');
    if (v.text.length === 0) this.fail(`${p}/text`, 'must be more than 0 characters');
    if (v.text.trim().length === 0 && v.text.length > 0) this.warn(`${p}/text`, 'is only whitespace');
    this.maxLen(v.text, Math.min(max, LIMITS.textObject), `${p}/text`);
    this.textTotal += v.text.length;
  }

  blockId(b: Obj, p: string): void {
    if (b.block_id === undefined) return;
    if (typeof b.block_id !== 'string' || b.block_id.length === 0)
      return this.fail(`${p}/block_id`, 'must be a non-empty string');
    this.maxLen(b.block_id, LIMITS.blockId, `${p}/block_id`);
    const seen = this.blockIds.get(b.block_id);
    if (seen) this.fail(`${p}/block_id`, `duplicate block_id "${b.block_id}" (also at ${seen})`);
    else this.blockIds.set(b.block_id, `${p}/block_id`);
  }

  /**
   * Slack documents action_id as unique within its containing block and rejects duplicates there. The same
   * action_id in different blocks (a "Details" button on every row) is documented as allowed, so that is only
   * a warning — the interaction payload still tells the rows apart by block_id and value.
   */
  actionId(e: Obj, p: string, block: string): void {
    if (e.action_id === undefined) return;
    if (typeof e.action_id !== 'string' || e.action_id.length === 0)
      return this.fail(`${p}/action_id`, 'must be a non-empty string');
    this.maxLen(e.action_id, LIMITS.actionId, `${p}/action_id`);
    const seen = this.actionIds.get(e.action_id);
    if (!seen) this.actionIds.set(e.action_id, `${p}/action_id`);
    else if (seen.startsWith(`${block}/`))
      this.fail(`${p}/action_id`, `duplicate action_id "${e.action_id}" in one block (also at ${seen})`);
    else this.warn(`${p}/action_id`, `action_id "${e.action_id}" repeats one in another block (${seen})`);
  }

  blocks(blocks: unknown, p: string, max: number): void {
    if (!Array.isArray(blocks)) return this.fail(p, 'must be an array');
    if (blocks.length > max) this.fail(p, `no more than ${max} items allowed (has ${blocks.length})`);
    for (const [i, b] of blocks.entries()) this.block(b, `${p}/${i}`);
  }

  block(b: unknown, p: string): void {
    if (!isObj(b)) return this.fail(p, 'must be an object');
    const allowed = BLOCK_KEYS[b.type as string];
    if (!allowed) return this.fail(`${p}/type`, `unknown block type ${JSON.stringify(b.type)}`);
    this.keys(b, ['type', 'block_id', ...allowed], p);
    this.blockId(b, p);
    switch (b.type) {
      case 'section':
        return this.section(b, p);
      case 'header':
        return this.text(b.text, `${p}/text`, LIMITS.headerText, 'plain_text');
      case 'context':
        return this.list(b.elements, `${p}/elements`, 1, LIMITS.contextElements, (e, q) =>
          isObj(e) && e.type === 'image' ? this.image(e, q) : this.text(e, q),
        );
      case 'actions':
        return this.list(b.elements, `${p}/elements`, 1, LIMITS.actionsElements, (e, q) =>
          this.element(e, q, 'actions'),
        );
      case 'input':
        this.text(b.label, `${p}/label`, LIMITS.inputLabel, 'plain_text');
        if (b.hint !== undefined) this.text(b.hint, `${p}/hint`, LIMITS.inputHint, 'plain_text');
        if (b.element === undefined) return this.fail(`${p}/element`, 'is required');
        return this.element(b.element, `${p}/element`, 'input');
      case 'image':
        this.str(b, 'image_url', LIMITS.url, p, b.slack_file === undefined);
        this.str(b, 'alt_text', LIMITS.imageAltText, p, true);
        if (b.title !== undefined) this.text(b.title, `${p}/title`, LIMITS.imageTitle, 'plain_text');
        return;
      case 'rich_text':
        return this.list(b.elements, `${p}/elements`, 1, Infinity, (e, q) => {
          if (!isObj(e) || typeof e.type !== 'string') this.fail(q, 'must be a rich text element');
        });
      case 'markdown':
        this.str(b, 'text', LIMITS.markdownText, p, true);
        if (typeof b.text === 'string') this.markdownTotal += b.text.length;
        return;
    }
  }

  list(v: unknown, p: string, min: number, max: number, each: (e: unknown, p: string) => void): void {
    if (!Array.isArray(v)) return this.fail(p, 'must be an array');
    if (v.length < min) this.fail(p, `must have at least ${min} items`);
    if (v.length > max) this.fail(p, `no more than ${max} items allowed (has ${v.length})`);
    for (const [i, e] of v.entries()) each(e, `${p}/${i}`);
  }

  section(b: Obj, p: string): void {
    if (b.text === undefined && b.fields === undefined) return this.fail(p, 'must provide text or fields');
    if (b.text !== undefined) this.text(b.text, `${p}/text`, LIMITS.sectionText);
    if (b.fields !== undefined)
      this.list(b.fields, `${p}/fields`, 1, LIMITS.sectionFields, (f, q) => this.text(f, q, LIMITS.fieldText));
    if (b.accessory !== undefined) this.element(b.accessory, `${p}/accessory`, 'section');
  }

  image(e: Obj, p: string): void {
    this.keys(e, ['type', 'image_url', 'slack_file', 'alt_text'], p);
    this.str(e, 'image_url', LIMITS.url, p, e.slack_file === undefined);
    this.str(e, 'alt_text', LIMITS.imageAltText, p, true);
  }

  element(e: unknown, p: string, where: Where): void {
    if (!isObj(e)) return this.fail(p, 'must be an element');
    if (!ALLOWED_ELEMENTS[where].has(e.type))
      return this.fail(`${p}/type`, `element type ${JSON.stringify(e.type)} is not allowed in ${where} blocks`);
    if (e.type === 'image') return this.image(e, p);
    this.actionId(e, p, /^(.*?\/blocks\/\d+)/.exec(p)?.[1] ?? p);
    if (e.placeholder !== undefined) this.text(e.placeholder, `${p}/placeholder`, LIMITS.placeholder, 'plain_text');
    if (e.confirm !== undefined) this.confirm(e.confirm, `${p}/confirm`);
    switch (e.type) {
      case 'button':
        return this.button(e, p);
      case 'overflow':
        return this.list(e.options, `${p}/options`, LIMITS.overflowMin, LIMITS.overflowMax, (o, q) =>
          this.option(o, q, true),
        );
      case 'checkboxes':
      case 'radio_buttons':
        return this.choices(e, p);
      case 'datepicker':
        if (e.initial_date !== undefined && !(typeof e.initial_date === 'string' && DATE.test(e.initial_date)))
          this.fail(`${p}/initial_date`, "must be in format 'YYYY-MM-DD'");
        return;
      case 'timepicker':
        if (e.initial_time !== undefined && !(typeof e.initial_time === 'string' && TIME.test(e.initial_time)))
          this.fail(`${p}/initial_time`, "must be in format 'HH:mm'");
        return;
      case 'plain_text_input':
        return this.textInput(e, p);
      case 'users_select':
        if (
          e.initial_user !== undefined &&
          !(typeof e.initial_user === 'string' && /^[UW][A-Z0-9]+$/.test(e.initial_user))
        )
          this.fail(`${p}/initial_user`, 'must be a user ID');
        return;
      case 'multi_users_select':
        if (
          e.initial_users !== undefined &&
          !(
            Array.isArray(e.initial_users) &&
            e.initial_users.every((u: unknown) => typeof u === 'string' && /^[UW][A-Z0-9]+$/.test(u))
          )
        )
          this.fail(`${p}/initial_users`, 'must be user IDs');
        return;
      case 'static_select':
      case 'multi_static_select':
        return this.staticSelect(e, p);
    }
  }

  button(e: Obj, p: string): void {
    this.keys(e, ['type', 'action_id', 'text', 'value', 'url', 'style', 'confirm', 'accessibility_label'], p);
    this.text(e.text, `${p}/text`, LIMITS.buttonText, 'plain_text');
    this.str(e, 'value', LIMITS.buttonValue, p);
    this.str(e, 'url', LIMITS.url, p);
    this.str(e, 'accessibility_label', LIMITS.accessibilityLabel, p);
    if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger')
      this.fail(`${p}/style`, `must be primary or danger (is ${JSON.stringify(e.style)})`);
  }

  option(o: unknown, p: string, overflow = false, mrkdwnOk = false): void {
    if (!isObj(o)) return this.fail(p, 'must be an option object');
    this.keys(o, ['text', 'value', 'description', ...(overflow ? ['url'] : [])], p);
    this.text(o.text, `${p}/text`, LIMITS.optionText, mrkdwnOk ? undefined : 'plain_text');
    this.str(o, 'value', LIMITS.optionValue, p, true);
    if (o.description !== undefined)
      this.text(o.description, `${p}/description`, LIMITS.optionDescription, mrkdwnOk ? undefined : 'plain_text');
    if (overflow) this.str(o, 'url', LIMITS.url, p);
  }

  /** initial options must be among the options (compared by value and text, as Slack does). */
  initialIn(initial: unknown[], options: unknown[], p: string): void {
    const known = new Set(options.filter(isObj).map((o) => JSON.stringify([o.value, o.text?.text])));
    initial.forEach((o, i) => {
      if (!isObj(o) || !known.has(JSON.stringify([o.value, o.text?.text])))
        this.fail(`${p}/${i}`, 'must match one of the options');
    });
  }

  choices(e: Obj, p: string): void {
    this.list(e.options, `${p}/options`, 1, LIMITS.checkboxOptions, (o, q) => this.option(o, q, false, true));
    const options = Array.isArray(e.options) ? e.options : [];
    if (e.type === 'checkboxes' && Array.isArray(e.initial_options))
      this.initialIn(e.initial_options, options, `${p}/initial_options`);
    if (e.type === 'radio_buttons' && e.initial_option !== undefined)
      this.initialIn([e.initial_option], options, `${p}/initial_option`);
  }

  staticSelect(e: Obj, p: string): void {
    const hasOptions = e.options !== undefined;
    const hasGroups = e.option_groups !== undefined;
    if (hasOptions === hasGroups) return this.fail(p, 'must have exactly one of options and option_groups');
    let all: unknown[] = [];
    if (hasOptions) {
      this.list(e.options, `${p}/options`, 1, LIMITS.selectOptions, (o, q) => this.option(o, q));
      all = Array.isArray(e.options) ? e.options : [];
    } else {
      this.list(e.option_groups, `${p}/option_groups`, 1, LIMITS.optionGroups, (g, q) => {
        if (!isObj(g)) return this.fail(q, 'must be an option group');
        this.text(g.label, `${q}/label`, LIMITS.optionGroupLabel, 'plain_text');
        this.list(g.options, `${q}/options`, 1, LIMITS.selectOptions, (o, r) => this.option(o, r));
        if (Array.isArray(g.options)) all = all.concat(g.options);
      });
    }
    if (e.initial_option !== undefined) this.initialIn([e.initial_option], all, `${p}/initial_option`);
    if (Array.isArray(e.initial_options)) this.initialIn(e.initial_options, all, `${p}/initial_options`);
  }

  textInput(e: Obj, p: string): void {
    const { min_length: min, max_length: max } = e;
    if (min !== undefined && !(Number.isInteger(min) && min >= 0 && min <= LIMITS.textInputLength))
      this.fail(`${p}/min_length`, `must be an integer 0–${LIMITS.textInputLength}`);
    if (max !== undefined && !(Number.isInteger(max) && max >= 1 && max <= LIMITS.textInputLength))
      this.fail(`${p}/max_length`, `must be an integer 1–${LIMITS.textInputLength}`);
    if (typeof min === 'number' && typeof max === 'number' && min > max)
      this.fail(`${p}/min_length`, 'must not exceed max_length');
    if (e.initial_value !== undefined) {
      if (typeof e.initial_value !== 'string') this.fail(`${p}/initial_value`, 'must be a string');
      else this.maxLen(e.initial_value, typeof max === 'number' ? max : LIMITS.textInputLength, `${p}/initial_value`);
    }
  }

  confirm(c: unknown, p: string): void {
    if (!isObj(c)) return this.fail(p, 'must be a confirmation dialog object');
    this.text(c.title, `${p}/title`, LIMITS.confirmTitle, 'plain_text');
    this.text(c.text, `${p}/text`, LIMITS.confirmText);
    this.text(c.confirm, `${p}/confirm`, LIMITS.confirmButton, 'plain_text');
    this.text(c.deny, `${p}/deny`, LIMITS.confirmButton, 'plain_text');
    if (c.style !== undefined && c.style !== 'primary' && c.style !== 'danger')
      this.fail(`${p}/style`, 'must be primary or danger');
  }
}

/**
 * A message body (chat.postMessage / postEphemeral / update, or a response_url post): `text`, `blocks`, and
 * whatever else the method takes (channel, thread_ts…), which is not checked here.
 */
export function validateMessage(body: Obj): Report {
  const c = new Checker('invalid_blocks');
  if (typeof body.text === 'string') c.maxLen(body.text, LIMITS.messageText, '/text');
  if (body.blocks !== undefined) {
    c.blocks(body.blocks, '/blocks', LIMITS.blocksPerMessage);
    if (c.markdownTotal > LIMITS.markdownText)
      c.fail('/blocks', `markdown blocks total ${c.markdownTotal} characters (max ${LIMITS.markdownText})`);
    const total = c.textTotal + c.markdownTotal;
    if (total > LIMITS.cumulativeBlockText)
      c.fail(
        '/blocks',
        `blocks carry ${total} characters of text (max ${LIMITS.cumulativeBlockText})`,
        'msg_blocks_too_long',
      );
    const hasBlocks = Array.isArray(body.blocks) && body.blocks.length > 0;
    if (hasBlocks && (typeof body.text !== 'string' || body.text.trim() === ''))
      c.warn('/text', 'blocks without a top-level `text` fallback (notifications and screen readers show nothing)');
  }
  return { errors: c.errors, warnings: c.warnings };
}

/** A view as passed to views.open / update / push / publish (the `view` argument). */
export function validateView(view: unknown): Report {
  const c = new Checker('invalid_arguments');
  const p = '/view';
  if (!isObj(view)) {
    c.fail(p, 'must be a view object');
    return { errors: c.errors, warnings: c.warnings };
  }
  if (view.type !== 'modal' && view.type !== 'home')
    c.fail(`${p}/type`, `must be modal or home (is ${JSON.stringify(view.type)})`);
  c.keys(
    view,
    [
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
      'submit_disabled',
    ],
    p,
  );
  if (!Array.isArray(view.blocks)) c.fail(`${p}/blocks`, 'is required');
  else c.blocks(view.blocks, `${p}/blocks`, LIMITS.blocksPerView);
  // Slack echoes absent submit/close as null in the views it returns: null counts as absent.
  const has = (k: string) => view[k] !== undefined && view[k] !== null;
  if (view.type === 'modal') {
    if (!has('title')) c.fail(`${p}/title`, 'is required');
    else c.text(view.title, `${p}/title`, LIMITS.modalTitle, 'plain_text');
    if (has('submit')) c.text(view.submit, `${p}/submit`, LIMITS.modalButton, 'plain_text');
    if (has('close')) c.text(view.close, `${p}/close`, LIMITS.modalButton, 'plain_text');
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && !has('submit')) c.fail(`${p}/submit`, 'is required when the view has input blocks');
  }
  if (view.type === 'home') {
    if (has('submit')) c.fail(`${p}/submit`, 'home views cannot have submit');
    if (has('close')) c.fail(`${p}/close`, 'home views cannot have close');
    if (has('title')) c.text(view.title, `${p}/title`, LIMITS.modalTitle, 'plain_text');
  }
  c.str(view, 'private_metadata', LIMITS.privateMetadata, p);
  c.str(view, 'callback_id', LIMITS.callbackId, p);
  c.str(view, 'external_id', LIMITS.externalId, p);
  const bytes = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (bytes > LIMITS.viewBytes) c.fail(p, `view is ${bytes} bytes (max ${LIMITS.viewBytes})`);
  return { errors: c.errors, warnings: c.warnings };
}

/** Slack's wording: "<message> [json-pointer:<pointer>]". */
export function formatViolation(v: Violation): string {
  return `${v.message} [json-pointer:${v.pointer}]`;
}
