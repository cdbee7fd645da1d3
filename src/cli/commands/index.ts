import type { CliCommand } from '../context.ts';
import { digestCommand } from './digest.ts';
import { docsCommand, removeCommand } from './documents.ts';
import { exportCommand } from './export.ts';
import { followupsCommand } from './followups.ts';
import { ingestCommand } from './ingest.ts';
import { searchCommand } from './search.ts';
import { subscriptionsCommand } from './subscriptions.ts';

/** Every CLI command, in the order `measures help` lists them. */
export const commands: CliCommand[] = [
  ingestCommand,
  exportCommand,
  searchCommand,
  followupsCommand,
  digestCommand,
  docsCommand,
  removeCommand,
  subscriptionsCommand,
];
