/**
 * Strict UTF-8 decoding: a knowledge file with invalid bytes is reported, not silently patched with U+FFFD.
 */
import { isUtf8 } from 'node:buffer';
import type { LineProblem } from './errors.js';

/**
 * Decodes UTF-8 (a leading byte-order mark is dropped), or says where the first invalid byte is.
 *
 * @example decodeUtf8(new Uint8Array([0x68, 0x0a, 0xff])) // { problem: { line: 2, message: 'invalid UTF-8: byte 0xff at offset 2' } }
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: LineProblem } {
  const utf16 = utf16ByteOrderMark(bytes);
  if (utf16 !== undefined) return { problem: { line: 1, message: `UTF-16 text (byte-order mark ${utf16}); save the file as UTF-8` } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Text never holds NUL; it means a binary file or another encoding, and would reach Discord.
    return { problem: { line: countLines(bytes, nul), message: `NUL byte at offset ${nul}: not a text file (or not UTF-8)` } };
  }
  // isUtf8 checks without making a string; Buffer's decoder is then about twice as fast as TextDecoder's.
  if (isUtf8(bytes)) return { text: decodeAcceptedUtf8(bytes) };
  const offset = firstInvalidUtf8Byte(bytes);
  const hex = (bytes[offset] ?? 0).toString(16).padStart(2, '0');
  return { problem: { line: countLines(bytes, offset), message: `invalid UTF-8: byte 0x${hex} at offset ${offset}` } };
}

/** The UTF-16 byte-order mark a file starts with, as hex, if any. */
function utf16ByteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return '0xff 0xfe';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return '0xfe 0xff';
  return undefined;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (or starts a broken one). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k += 1) {
      const byte = bytes[index + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return index;
    }
    index += length;
  }
  return bytes.length;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let index = 0; index < end; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/** UTF-8's byte-order mark, which decoding drops. */
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The bytes a file's text encodes to: the file without a leading UTF-8 byte-order mark.
 *
 * @example withoutByteOrderMark(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])) // Uint8Array [0x68]
 */
export function withoutByteOrderMark(bytes: Uint8Array): Uint8Array {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte) ? bytes.subarray(UTF8_BOM.length) : bytes;
}

/**
 * Whether {@link decodeUtf8} would accept these bytes, found without decoding them (no string
 * is made, so checking a whole knowledge folder takes milliseconds).
 *
 * @example isAcceptedUtf8(Buffer.from('café')) // true
 */
export function isAcceptedUtf8(bytes: Uint8Array): boolean {
  return utf16ByteOrderMark(bytes) === undefined && bytes.indexOf(0) < 0 && isUtf8(bytes);
}

/**
 * The text of bytes that {@link isAcceptedUtf8} accepts: what {@link decodeUtf8} gives.
 *
 * @example decodeAcceptedUtf8(Buffer.from('\ufeffcafé')) // 'café'
 */
export function decodeAcceptedUtf8(bytes: Uint8Array): string {
  const text = withoutByteOrderMark(bytes);
  return Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
}
