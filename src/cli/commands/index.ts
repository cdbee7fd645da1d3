import type { CliCommand } from '../context.ts';
import { ingestCommand } from './ingest.ts';
import { exportCommand } from './export.ts';
import { searchCommand } from './search.ts';
import { followupsCommand } from './followups.ts';
import { digestCommand } from './digest.ts';
import { docsCommand, removeCommand } from './documents.ts';

/** Every CLI command, in the order `measures help` lists them. */
export const commands: CliCommand[] = [ingestCommand, exportCommand, searchCommand, followupsCommand, digestCommand, docsCommand, removeCommand];
