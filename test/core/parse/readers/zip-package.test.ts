import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../src/core/parse/index.ts';
import { MAX_ENTRIES, MAX_ENTRY_BYTES } from '../../../../src/core/parse/readers/zip-package.ts';
import { readRefusal } from '../helpers.ts';

/**
 * A one-entry ZIP written by hand, so its header can state a size other than the real one (as a zip bomb's
 * does) without compressing the inflated size first.
 */
function deflatedZip(name: string, inflated: Uint8Array, statedSize: number): Uint8Array {
  const data = deflateRawSync(inflated, { level: 1 });
  const nameBytes = new TextEncoder().encode(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(statedSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(statedSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const directoryAt = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

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
    const zip = new JSZip();
    zip.file('word/document.xml', DOCUMENT);
    for (let i = 0; i < MAX_ENTRIES; i++) zip.file(`word/media/p${i}.txt`, '');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const e = await readRefusal('plan.docx', bytes);
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/plan\.docx could not be opened as a Word document \(it has more than 5000 parts\)/);
  });
});
