import fs from 'node:fs';
import path from 'node:path';
import type { ParseErrorCode, ParseErrorParams } from '../core/parse/errors.ts';

/**
 * Paths given to `measures ingest` → the documents to read, each read with a bound. Only regular files (or
 * symbolic links to them) are read: a FIFO would block forever and a device such as /dev/zero never ends.
 * Everything in a folder that is not indexed is listed with the reason; folders are not entered recursively.
 */

/** File types read from a folder; a file named explicitly is always given to the parser, which says what it is. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.html', '.htm', '.md', '.docx', '.doc', '.pdf'];

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface FileProblem {
  path: string;
  /** In English, for the command line and the logs. */
  message: string;
  /** A parser refusal's code and parameters, so the bot can say it in its own language. */
  code?: ParseErrorCode;
  params?: ParseErrorParams;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function entryVerdict(full: string, name: string): { file: string } | { skip: string } {
  if (name.startsWith('.')) return { skip: 'hidden (its name starts with a dot)' };
  let lstat: fs.Stats;
  let stat: fs.Stats;
  try {
    lstat = fs.lstatSync(full);
    stat = fs.statSync(full);
  } catch {
    return { skip: 'a symbolic link to nothing (its target is missing)' };
  }
  const link = lstat.isSymbolicLink() ? 'a symbolic link to ' : '';
  if (stat.isDirectory())
    return { skip: `${link}a folder (folders inside a folder are not read; name it to index it)` };
  if (!stat.isFile()) return { skip: link ? `${link}${kindOf(stat)}` : kindOf(stat) };
  if (!DOCUMENT_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
    return { skip: `not a ${DOCUMENT_EXTENSIONS.join(', ')} file` };
  }
  return { file: full };
}

/** Expands folders (one level) and checks that every named path is a regular file or a folder. */
export function collectFiles(paths: string[]): { files: string[]; skipped: SkippedFile[]; problems: FileProblem[] } {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const problems: FileProblem[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      problems.push({ path: p, message: `${p}: no such file or folder.` });
      continue;
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(p).sort();
      } catch (err) {
        problems.push({ path: p, message: `${p}: the folder could not be read (${(err as Error).message}).` });
        continue;
      }
      const before = files.length;
      for (const name of names) {
        const full = path.join(p, name);
        const v = entryVerdict(full, name);
        if ('file' in v) files.push(v.file);
        else skipped.push({ file: full, reason: v.skip });
      }
      if (files.length === before) {
        problems.push({ path: p, message: `${p}: the folder holds no ${DOCUMENT_EXTENSIONS.join(', ')} files.` });
      }
    } else if (stat.isFile()) {
      files.push(p);
    } else {
      problems.push({
        path: p,
        message: `${p}: ${kindOf(stat)}, not a document file; give the path of a file or a folder.`,
      });
    }
  }
  return { files, skipped, problems };
}

export class FileReadError extends Error {
  override name = 'FileReadError';
}

/**
 * Reads at most `maxBytes` of a regular file: opened without blocking (a path swapped for a FIFO after the
 * check cannot hang the read), checked on the open descriptor, and cut at maxBytes + 1 bytes so that a file
 * growing or lying about its size cannot make the read unbounded.
 */
export function readRegularFile(filePath: string, maxBytes: number): Buffer {
  const name = path.basename(filePath);
  const fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileReadError(`${name}: ${kindOf(stat)}, not a document file.`);
    // Sized from stat (plus one byte to notice growth) but never beyond the limit: the read stops at maxBytes + 1.
    let buf = Buffer.allocUnsafe(Math.min(maxBytes, stat.size) + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (buf.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > maxBytes) {
      throw new FileReadError(
        `${name}: the file is over ${maxBytes / 1024 / 1024} MB; documents that large are refused. Split it or check that it is the right file.`,
      );
    }
    return buf.subarray(0, total);
  } finally {
    fs.closeSync(fd);
  }
}
