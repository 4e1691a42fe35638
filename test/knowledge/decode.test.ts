import { describe, expect, it } from 'vitest';
import { decodeAcceptedUtf8, decodeUtf8, isAcceptedUtf8 } from '../../src/knowledge/decode.js';

describe('isAcceptedUtf8 and decodeAcceptedUtf8 (the fast path of a loaded index)', () => {
  const samples: [string, Uint8Array][] = [
    ['ASCII', Buffer.from('# A\n\nText.\n')],
    ['accents, dashes, emoji', Buffer.from('Café — crème brûlée 🍰\n')],
    ['a UTF-8 byte-order mark', Buffer.from('\ufeff# Title\n')],
    ['empty', new Uint8Array()],
    ['an invalid byte', new Uint8Array([0x68, 0x0a, 0xff])],
    ['an overlong form', new Uint8Array([0xc0, 0xaf])],
    ['a cut sequence', Buffer.from('é').subarray(0, 1)],
    ['a NUL byte', new Uint8Array([0x68, 0x00, 0x69])],
    ['a UTF-16 byte-order mark', new Uint8Array([0xff, 0xfe, 0x68, 0x00])],
  ];

  // The reference: the standard strict decoder (which also drops a UTF-8 byte-order mark).
  const strict = (bytes: Uint8Array): string | undefined => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };

  it.each(samples)('agree with decodeUtf8 and the strict standard decoder on %s', (_name, bytes) => {
    const decoded = decodeUtf8(bytes);
    expect(isAcceptedUtf8(bytes)).toBe('text' in decoded);
    if ('text' in decoded) {
      expect(decoded.text).toBe(strict(bytes));
      expect(decodeAcceptedUtf8(bytes)).toBe(decoded.text);
    }
  });

  it('refuses what the strict decoder refuses, with the offset of the bad byte', () => {
    expect(strict(new Uint8Array([0x68, 0x0a, 0xff]))).toBeUndefined();
    expect(decodeUtf8(new Uint8Array([0x68, 0x0a, 0xff]))).toEqual({ problem: { line: 2, message: 'invalid UTF-8: byte 0xff at offset 2' } });
  });
});
