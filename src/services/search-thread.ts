import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open.ts';
import { runSearchPlan, type SearchPlan } from './search-service.ts';
import { reportedError, type ThreadData, type ThreadReply } from './search-threads.ts';

/**
 * A search thread (started by search-threads.ts): runs planned searches on its own read-only connection, one at a
 * time, and answers each with its result or its error. Runs only as a worker.
 */
const port = parentPort;
if (port) {
  const { databaseFile } = workerData as ThreadData;
  const db = openDatabase(databaseFile, { readonly: true });
  port.postMessage({ ready: true } satisfies ThreadReply);
  port.on('message', ({ id, plan }: { id: number; plan: SearchPlan }) => {
    let reply: ThreadReply;
    const began = performance.now();
    try {
      reply = { id, result: runSearchPlan(db, plan), elapsedMs: performance.now() - began };
    } catch (err) {
      reply = { id, error: reportedError(err) };
    }
    port.postMessage(reply);
  });
}
