import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from '@slack/bolt';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { slackDeps } from '../../src/slack/deps.ts';
import { ACTIONS, EVENTS, MEASURES_COMMAND, SHORTCUTS, VIEWS } from '../../src/slack/ids.ts';
import { registerListeners } from '../../src/slack/listeners/index.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { testDb } from '../helpers/db.ts';

/** What registerListeners registers, recorded by wrapping a real App's registration methods. */
function registered(): Record<'command' | 'action' | 'view' | 'shortcut' | 'event', string[]> {
  const app = new App({ token: 'xoxb-test', signingSecret: 'x', logger: undefined, tokenVerificationEnabled: false });
  const seen = { command: [] as string[], action: [] as string[], view: [] as string[], shortcut: [] as string[], event: [] as string[] };
  for (const kind of Object.keys(seen) as (keyof typeof seen)[]) {
    const original = (app as any)[kind].bind(app);
    (app as any)[kind] = (id: unknown, ...rest: unknown[]) => {
      const key = typeof id === 'string' ? id : (id as { action_id?: string; callback_id?: string; type?: string }).action_id ?? (id as { callback_id?: string }).callback_id ?? String(id);
      seen[kind].push(key);
      return original(id, ...rest);
    };
  }
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  registerListeners(app, slackDeps({ db: testDb(), clock: fixedClock('2023-03-01T00:00:00Z'), logger: silentLogger, config }));
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

  it('the manifest declares /measures, the shortcut and both events', () => {
    expect(manifest.commands).toEqual([MEASURES_COMMAND]);
    expect(manifest.callbacks).toEqual(Object.values(SHORTCUTS));
    expect(manifest.events.sort()).toEqual(Object.values(EVENTS).sort());
  });

  it.each(manifest.commands)('manifest command %s is registered', (c) => expect(seen.command).toContain(c));
  it.each(manifest.callbacks)('manifest shortcut %s is registered', (c) => expect(seen.shortcut).toContain(c));
  it.each(manifest.events)('manifest event %s is registered', (e) => expect(seen.event).toContain(e));
  it.each(Object.values(ACTIONS))('action %s is registered', (a) => expect(seen.action).toContain(a));
  it.each(Object.values(VIEWS))('view %s is registered', (v) => expect(seen.view).toContain(v));

  it('the manifest asks only for the scopes the app uses', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8');
    const bot = text.split(/\n\s*bot:\s*\n/)[1]!.split(/\n\S/)[0]!;
    const scopes = [...bot.matchAll(/^\s*-\s*([a-z:._]+)\s*$/gm)].map((m) => m[1]);
    expect(scopes.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands']);
    expect(text).toMatch(/socket_mode_enabled:\s*true/);
    expect(text).toMatch(/usage_hint:/);
  });
});
