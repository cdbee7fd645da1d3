/**
 * Formats recognised only to be refused with a message naming them: WPS Office's own formats (Kingsoft .wps,
 * .et, .dps) and OFD (GB/T 33190, China's fixed-layout format). No maintained JavaScript library reads them.
 */
import { ParseError } from '../errors.ts';
import { hasExtension, startsWith, ZIP_MAGIC } from './signatures.ts';
import type { DocumentReader } from './types.ts';
import { zipHas } from './zip-package.ts';

export const wpsReader: DocumentReader = {
  accepts: (file) => hasExtension(file, '.wps', '.et', '.dps'),
  read(file) {
    throw new ParseError(
      'unsupported_format',
      `${file} is a WPS Office file (.wps), which the parser cannot read. In WPS, choose 文件 → 另存为 and save it as Word (.docx), or export it as PDF, then add that.`,
      file,
    );
  },
};

/** An OFD package is a ZIP whose root holds OFD.xml. */
async function isOfd(file: string, bytes: Uint8Array): Promise<boolean> {
  if (hasExtension(file, '.ofd')) return true;
  return startsWith(bytes, ZIP_MAGIC) && (await zipHas(bytes, 'OFD.xml'));
}

export const ofdReader: DocumentReader = {
  accepts: isOfd,
  read(file) {
    throw new ParseError(
      'unsupported_format',
      `${file} is an OFD document (版式文档), which the parser cannot read. Download the Word (.docx) or PDF version of the document, or convert the OFD to PDF with an OFD reader (e.g. 数科阅读器), and add that.`,
      file,
    );
  },
};
