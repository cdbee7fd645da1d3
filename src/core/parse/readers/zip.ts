/**
 * Reads entries of a ZIP package (.docx, .ofd) from memory. Only what Office packages use: stored and
 * deflated entries found through the central directory; no ZIP64, no encryption. Every entry's inflated size
 * is capped, so a small "zip bomb" upload cannot exhaust memory.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** Entries larger than this once inflated are refused (a document.xml is a few megabytes at most). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-central-directory record sits in the last 22 + 65535 bytes (it may carry a comment).
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipFormatError('no ZIP directory');
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const decoder = new TextDecoder('utf-8');
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
        throw new ZipFormatError('damaged ZIP directory');
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      this.entries.set(name.replace(/\\/g, '/'), {
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localOffset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, or null when the package has no such entry. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (e.localOffset + 30 > this.bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50)
      throw new ZipFormatError(`damaged entry ${name}`);
    const start =
      e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const data = this.bytes.subarray(start, start + e.compressedSize);
    if (e.size > MAX_ENTRY_BYTES) throw new ZipFormatError(`${name} is too large`);
    if (e.method === 0) return data;
    if (e.method !== 8) throw new ZipFormatError(`unsupported compression in ${name}`);
    try {
      return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
    } catch {
      throw new ZipFormatError(`damaged entry ${name}`);
    }
  }

  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : new TextDecoder('utf-8').decode(b);
  }
}

/** The package, or null when the bytes are not a readable ZIP. */
export function openZip(bytes: Uint8Array): ZipPackage | null {
  try {
    return new ZipPackage(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) return null;
    throw e;
  }
}
