/**
 * The ZIP container of Office and OFD packages, read with jszip. jszip only reports an entry's size once it
 * has inflated it, so entries are streamed and counted as they inflate: a small "zip bomb" upload is refused
 * after at most one cap's worth of work instead of exhausting memory.
 */
import type JSZip from 'jszip';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** Entries larger than this once inflated are refused (a document.xml is a few megabytes at most). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** All entries read from one package together; bounds the work a package can cost. */
export const MAX_PACKAGE_BYTES = 128 * 1024 * 1024;
/** Packages with more entries are refused (a .docx has tens of parts, hundreds with many images). */
export const MAX_ENTRIES = 5000;

export class ZipPackage {
  private readBytes = 0;

  private constructor(private readonly entries: Map<string, JSZip.JSZipObject>) {}

  /** The package, or null when the bytes are not a readable ZIP. Throws ZipFormatError for too many entries. */
  static async open(bytes: Uint8Array): Promise<ZipPackage | null> {
    // Loaded on the first package, not at start-up: most documents are text or HTML.
    const { default: Zip } = await import('jszip');
    let zip: JSZip;
    try {
      zip = await Zip.loadAsync(bytes);
    } catch {
      return null;
    }
    const entries = new Map<string, JSZip.JSZipObject>();
    for (const entry of Object.values(zip.files)) {
      // Some Windows tools write names with backslashes.
      if (!entry.dir) entries.set(entry.name.replace(/\\/g, '/'), entry);
    }
    if (entries.size > MAX_ENTRIES) throw new ZipFormatError(`it has more than ${MAX_ENTRIES} parts`);
    return new ZipPackage(entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry as UTF-8 text, or null when the package has no such entry. */
  async text(name: string): Promise<string | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const bytes = await this.inflate(name, entry);
    return new TextDecoder('utf-8').decode(bytes);
  }

  private inflate(name: string, entry: JSZip.JSZipObject): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
      const fail = (why: string): void => {
        if (done) return;
        done = true;
        stream.destroy();
        reject(new ZipFormatError(why));
      };
      stream
        .on('data', (chunk: Buffer) => {
          if (done) return;
          size += chunk.length;
          this.readBytes += chunk.length;
          if (size > MAX_ENTRY_BYTES || this.readBytes > MAX_PACKAGE_BYTES) fail(`${name} is too large`);
          else chunks.push(chunk);
        })
        .on('error', () => fail(`damaged entry ${name}`))
        .on('end', () => {
          if (done) return;
          done = true;
          resolve(Buffer.concat(chunks, size));
        });
    });
  }
}

/** Whether the bytes are a readable ZIP holding `name` (false for anything that is not). */
export async function zipHas(bytes: Uint8Array, name: string): Promise<boolean> {
  try {
    return (await ZipPackage.open(bytes))?.has(name) ?? false;
  } catch (e) {
    if (e instanceof ZipFormatError) return false;
    throw e;
  }
}
