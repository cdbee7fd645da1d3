import fs from 'node:fs';
import path from 'node:path';
import { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { slackDeps } from '../../src/slack/deps.ts';
import { ACTIONS, EVENTS, MEASURES_COMMAND, SHORTCUTS, VIEWS } from '../../src/slack/ids.ts';
import { registerListeners } from '../../src/slack/listeners/index.ts';
import { manifestUsageHint } from '../../src/slack/subcommands/help.ts';
import { subcommands } from '../../src/slack/subcommands/index.ts';
import { testDb } from '../helpers/db.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

/** What registerListeners registers, recorded by wrapping a real App's registration methods. */
function registered(): Record<'command' | 'action' | 'view' | 'shortcut' | 'event', string[]> {
  const app = new App({ token: 'xoxb-test', signingSecret: 'x', logger: undefined, tokenVerificationEnabled: false });
  const seen = {
    command: [] as string[],
    action: [] as string[],
    view: [] as string[],
    shortcut: [] as string[],
    event: [] as string[],
  };
  for (const kind of Object.keys(seen) as (keyof typeof seen)[]) {
    const original = (app as any)[kind].bind(app);
    (app as any)[kind] = (id: unknown, ...rest: unknown[]) => {
      const key =
        typeof id === 'string'
          ? id
          : ((id as { action_id?: string; callback_id?: string; type?: string }).action_id ??
            (id as { callback_id?: string }).callback_id ??
            String(id));
      seen[kind].push(key);
      return original(id, ...rest);
    };
  }
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  registerListeners(
    app,
    slackDeps({
      db: testDb(),
      clock: fixedClock('2023-03-01T00:00:00Z'),
      logger: silentLogger,
      config,
      segmenter: testSegmenter,
    }),
  );
  return seen;
}

/** Reads the ids the manifest routes on (no YAML parser in the stack: these keys are one per line). */
function manifestIds(): { commands: string[]; callbacks: string[]; events: string[] } {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8');
  const lines = text.split('\n').map((l) => l.replace(/#.*$/, ''));
  const commands = lines.flatMap((l) => l.match(/^\s*-\s*command:\s*(\S+)/)?.[1] ?? []);
  const callbacks = lines.flatMap((l) => l.match(/^\s*callback_id:\s*(\S+)/)?.[1] ?? []);
  const start = lines.findIndex((l) => /^\s*bot_events:/.test(l));
  const events: string[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = l.match(/^\s*-\s*([a-z_]+)\s*$/);
    if (m) events.push(m[1]!);
    else if (l.trim() !== '') break;
  }
  return { commands, callbacks, events };
}

describe('every routed id has a handler', () => {
  const seen = registered();
  const manifest = manifestIds();

  it('the manifest declares /measures, the shortcut and its events', () => {
    expect(manifest.commands).toEqual([MEASURES_COMMAND]);
    expect(manifest.callbacks).toEqual(Object.values(SHORTCUTS));
    expect(manifest.events.sort()).toEqual(Object.values(EVENTS).sort());
  });

  it.each(manifest.commands)('manifest command %s is registered', (c) => expect(seen.command).toContain(c));
  it.each(manifest.callbacks)('manifest shortcut %s is registered', (c) => expect(seen.shortcut).toContain(c));
  it.each(manifest.events)('manifest event %s is registered', (e) => expect(seen.event).toContain(e));
  it.each(Object.values(ACTIONS))('action %s is registered', (a) => expect(seen.action).toContain(a));
  it.each(Object.values(VIEWS))('view %s is registered', (v) => expect(seen.view).toContain(v));

  it('the manifest asks for exactly the scopes the code needs: Web API methods it calls, plus its command and events', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8');
    const bot = text.split(/\n\s*bot:\s*\n/)[1]!.split(/\n\S/)[0]!;
    const declared = [...bot.matchAll(/^\s*-\s*([a-z:._]+)\s*$/gm)].map((m) => m[1]!);
    const called = webApiMethodsCalled();
    const unknown = called.filter((m) => !(m in METHOD_SCOPES));
    expect(unknown, 'add these methods (and their scopes) to METHOD_SCOPES').toEqual([]);
    const needed = new Set(called.flatMap((m) => METHOD_SCOPES[m]!));
    if (manifest.commands.length > 0 || manifest.callbacks.length > 0) needed.add('commands');
    for (const e of manifest.events) for (const scope of EVENT_SCOPES[e] ?? []) needed.add(scope);
    expect(declared.sort()).toEqual([...needed].sort());
    expect(text).toMatch(/socket_mode_enabled:\s*true/);
    expect(text).toMatch(/usage_hint:/);
  });

  it("the manifest's usage_hint is the one the subcommand registry gives", () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8');
    const hint = text.match(/^\s*usage_hint:\s*"([^"]*)"/m)?.[1];
    expect(hint).toBe(manifestUsageHint(subcommands));
  });

  it('finds the Web API calls in the source (the scan itself works)', () => {
    expect(webApiMethodsCalled()).toEqual(expect.arrayContaining(['chat.postMessage', 'views.open', 'views.publish']));
  });
});

/**
 * Bot scopes per Web API method (https://api.slack.com/methods). chat.postMessage to a user id opens the DM
 * itself, so it needs no im:write. A method the code starts calling must be added here, with its scopes.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
  'views.push': [],
  'conversations.open': ['im:write'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.info': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'users.info': ['users:read'],
  'files.info': ['files:read'],
};

/** Scopes an event subscription needs (app_home_opened needs none). */
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  app_home_opened: [],
  file_shared: ['files:read'],
};

/** Every `client.<family>.<method>(` (or `.apiCall('x.y')`) in src/, as `family.method`. */
function webApiMethodsCalled(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(
          /\bclient\s*\.\s*(auth|chat|views|conversations|users|reactions|files|pins|bookmarks|team|usergroups|apps)\s*\.\s*(\w+)\s*\(/g,
        ))
          found.add(`${m[1]}.${m[2]}`);
        for (const m of src.matchAll(/\.apiCall\(\s*['"]([\w.]+)['"]/g)) found.add(m[1]!);
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return [...found].sort();
}
