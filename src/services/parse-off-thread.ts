import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../core/model.ts';
import { ParseError, type ParseErrorCode, type ParseErrorParams } from '../core/parse/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { type Prepared, prepareSource } from './prepare-source.ts';

/**
 * prepareSource in a worker thread, so the bot's event loop answers other people while a large upload is read
 * and parsed (about 0.4 s a megabyte here, all of it synchronous). One short-lived worker per file: uploads
 * are rare, and nothing is left running between them. The worker imports this module's sibling, compiled or
 * (under tsx, whose loader workers inherit) as source.
 */

/** The worker: loads prepare-source and answers one message. Plain CommonJS evaluated in the worker. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.moduleUrl).then(
  async (m) => {
    const { file, bytes } = workerData.source;
    try {
      const prepared = await m.prepareSource({ file, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, workerData.maxBytes);
      parentPort.postMessage({ ok: true, prepared });
    } catch (err) {
      parentPort.postMessage({
        ok: false,
        error: { parse: err && err.name === 'ParseError', message: String((err && err.message) || err), code: err && err.code, file: (err && err.file) || null, params: (err && err.params) || {} },
      });
    }
  },
  (err) => parentPort.postMessage({ ok: false, unavailable: String((err && err.message) || err) }),
);`;

const MODULE_URL = new URL(`./prepare-source${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

type Reply =
  | { ok: true; prepared: Prepared }
  | {
      ok: false;
      error?: { parse: boolean; message: string; code?: ParseErrorCode; file: string | null; params: ParseErrorParams };
      unavailable?: string;
    };

/**
 * prepareSource(source, maxBytes) off the main thread: the same Prepared, or the same ParseError (code, file,
 * params and message). Should no worker start (or the module not load in one), the file is prepared here,
 * and a warning says why.
 *
 * @example const p = await prepareOffThread({ file: 'plan.docx', bytes }, MAX_DOCUMENT_BYTES, logger)
 */
export function prepareOffThread(source: SourceFile, maxBytes: number, logger: Logger): Promise<Prepared> {
  const onMainThread = (why: string) => {
    logger.warn('could not parse in a worker thread; parsing on the main thread', { file: source.file, why });
    return prepareSource(source, maxBytes);
  };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { moduleUrl: MODULE_URL, source: { file: source.file, bytes: source.bytes }, maxBytes },
    });
  } catch (err) {
    return onMainThread((err as Error).message);
  }
  return new Promise<Prepared>((resolve, reject) => {
    let settled = false;
    const settle = (run: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate().catch(() => {});
      run();
    };
    worker.once('message', (reply: Reply) =>
      settle(() => {
        if (reply.ok) return resolve(reply.prepared);
        if (reply.unavailable !== undefined) return onMainThread(reply.unavailable).then(resolve, reject);
        const e = reply.error!;
        reject(e.parse ? new ParseError(e.code!, e.message, e.file, e.params) : new Error(e.message));
      }),
    );
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) =>
      settle(() => onMainThread(`the worker exited with code ${code} before answering`).then(resolve, reject)),
    );
  });
}
