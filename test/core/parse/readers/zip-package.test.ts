import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../src/core/parse/index.ts';
import { MAX_ENTRIES, MAX_ENTRY_BYTES } from '../../../../src/core/parse/readers/zip-package.ts';
import { readRefusal } from '../helpers.ts';

interface ZipEntry {
  name: string;
  /** The entry's bytes as stored: deflated when `deflated`, as they are otherwise. */
  data: Uint8Array;
  deflated: boolean;
  /** The inflated size the headers state. */
  statedSize: number;
}

/**
 * A ZIP written by hand, so a header can state a size other than the real one (as a zip bomb's does) without
 * compressing the inflated size first, and thousands of entries cost no compressor's time. CRCs are left 0:
 * the reader under test refuses these packages before it checks one.
 */
function handZip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.deflated ? 8 : 0;
    // The central directory's entry is the local header's fields (from "version needed" on) two bytes further,
    // after its "version made by".
    const fields = (at: number, into: Buffer): Buffer => {
      into.writeUInt16LE(20, at);
      into.writeUInt16LE(method, at + 4);
      into.writeUInt32LE(e.data.length, at + 14);
      into.writeUInt32LE(e.statedSize, at + 18);
      into.writeUInt16LE(name.length, at + 22);
      return into;
    };
    const local = fields(4, Buffer.alloc(30));
    local.writeUInt32LE(0x04034b50, 0);
    const central = fields(6, Buffer.alloc(46));
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A one-entry package whose part is deflated, its header stating `statedSize`. */
const deflatedZip = (name: string, inflated: Uint8Array, statedSize: number): Uint8Array =>
  handZip([{ name, data: deflateRawSync(inflated, { level: 1 }), deflated: true, statedSize }]);

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:body></w:document>`;

describe('the ZIP container of a .docx', () => {
  it('reads a small package whose header states its true size', async () => {
    const xml = new TextEncoder().encode(DOCUMENT);
    const bytes = deflatedZip('word/document.xml', xml, xml.length);
    expect((await readDocument({ file: 'plan.docx', bytes })).text).toBe('一、总体要求');
  });

  it('refuses a zip bomb, whose part inflates past the cap whatever its header says', async () => {
    const bomb = deflatedZip('word/document.xml', new Uint8Array(MAX_ENTRY_BYTES + 1).fill(0x20), 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await readRefusal('plan.docx', bomb);
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/plan\.docx could not be opened as a Word document \(word\/document\.xml is too large\)/);
  });

  it('refuses a package with more parts than any document has', async () => {
    const xml = new TextEncoder().encode(DOCUMENT);
    const empty = new Uint8Array(0);
    const bytes = handZip([
      { name: 'word/document.xml', data: xml, deflated: false, statedSize: xml.length },
      ...Array.from({ length: MAX_ENTRIES }, (_, i) => ({
        name: `word/media/p${i}.txt`,
        data: empty,
        deflated: false,
        statedSize: 0,
      })),
    ]);
    const e = await readRefusal('plan.docx', bytes);
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/plan\.docx could not be opened as a Word document \(it has more than 5000 parts\)/);
  });
});
