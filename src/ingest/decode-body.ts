/**
 * Bytes of a response → text, in the charset the server declared (header, or `<meta charset>` in HTML).
 */

/** How far into an HTML page a `<meta charset>` is looked for (the HTML standard says 1024 bytes). */
const META_SNIFF_BYTES = 1024;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i;

/**
 * The charset a response declares: the Content-Type parameter, else an HTML `<meta charset>`,
 * else UTF-8. Labels are the WHATWG ones (`latin1` and `iso-8859-1` decode as windows-1252, as browsers do).
 *
 * @example declaredCharset('text/html; charset=ISO-8859-1', new Uint8Array()) // 'iso-8859-1'
 */
export function declaredCharset(contentType: string, bytes: Uint8Array): string {
  const fromHeader = HEADER_CHARSET.exec(contentType)?.[1];
  if (fromHeader !== undefined) return fromHeader.toLowerCase();
  if (/html/i.test(contentType)) {
    const head = Buffer.from(bytes.subarray(0, META_SNIFF_BYTES)).toString('latin1');
    const fromMeta = META_CHARSET.exec(head)?.[1];
    if (fromMeta !== undefined) return fromMeta.toLowerCase();
  }
  return 'utf-8';
}

/**
 * Decodes a body in its declared charset; an unknown label falls back to UTF-8. A UTF-8 byte order mark is dropped.
 *
 * @example decodeBody(Uint8Array.of(0x63, 0x61, 0x66, 0xe9), 'text/html; charset=latin1') // 'café'
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const charset = declaredCharset(contentType, bytes);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
