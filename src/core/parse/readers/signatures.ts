/** Leading bytes that identify a file whatever its name says. */
export const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];
export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: Word 97–2003, WPS, old Excel/PowerPoint. */
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

export function hasExtension(file: string, ...exts: string[]): boolean {
  const lower = file.toLowerCase();
  return exts.some((e) => lower.endsWith(e));
}
