/**
 * A first look at a file's bytes before parsing: empty, binary (an image or spreadsheet renamed
 * .csv), or text in UTF-8 / UTF-16 / Windows-1252 (what Excel on Windows saves as "CSV").
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Sniffed = { ok: true; encoding: TextEncoding } | { ok: false; reason: string };

export const SNIFF_BYTES = 64 * 1024;

export function sniffBytes(head: Uint8Array, size: number): Sniffed {
  if (size === 0 || head.length === 0) return { ok: false, reason: 'The file is empty.' };
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, encoding: 'utf-16be' };
  if (isBinary(head)) {
    return { ok: false, reason: 'This is not a text file (it looks like a spreadsheet, archive or image saved with a .csv name). Export it as CSV and try again.' };
  }
  return { ok: true, encoding: isUtf8(head, size) ? 'utf-8' : 'windows-1252' };
}

function isBinary(head: Uint8Array): boolean {
  // Zip (xlsx), OLE (xls), PDF and PNG signatures, or NUL / control bytes text never has.
  const signature = Array.from(head.subarray(0, 4));
  const known = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47]];
  if (known.some((sig) => sig.every((b, i) => signature[i] === b))) return true;
  let control = 0;
  for (const byte of head.subarray(0, 8192)) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return control > 8;
}

/** Valid UTF-8, allowing the sample to end inside a multi-byte character. */
function isUtf8(head: Uint8Array, size: number): boolean {
  let end = head.length;
  if (head.length < size) {
    // Back off up to 3 continuation bytes and their lead byte, which the cut may have split.
    let back = 0;
    while (back < 3 && end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0x80) {
      end -= 1;
      back += 1;
    }
    if (end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0xc0) end -= 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
