/**
 * Discord markdown → a small tree of nodes: the ONE reading of Discord's markdown, shared by the
 * playground page (which turns the tree into DOM nodes) and the HTML preview (which turns it into
 * escaped HTML). It has no imports, so the browser loads it as it is (esbuild emits it unchanged).
 *
 * Covered: escapes, `***`, `**`, `__`, `~~`, `||spoilers||`, `*`/`_` italics, inline code and
 * fenced blocks, masked links and bare URLs (http(s) only), `<t:…>` timestamps, user, role and
 * channel mentions, `#`-headings, `>` and `>>>` quotes, `-#` subtext, bullet and numbered lists.
 */

/** Tags an element node may have. */
export type MarkdownTag = 'strong' | 'em' | 'u' | 's' | 'span' | 'h1' | 'h2' | 'h3' | 'blockquote' | 'div' | 'ul' | 'ol' | 'li';

/** One node of rendered markdown. */
export type MarkdownNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'element'; readonly tag: MarkdownTag; readonly className?: string; readonly children: readonly MarkdownNode[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly MarkdownNode[] }
  | { readonly kind: 'code'; readonly block: boolean; readonly text: string }
  | { readonly kind: 'time'; readonly seconds: number; readonly style: string }
  | { readonly kind: 'mention'; readonly of: 'user' | 'role' | 'channel'; readonly id: string }
  | { readonly kind: 'break' };

/** Markdown nesting deeper than this is shown as text (keeps hostile input cheap). */
const MARKDOWN_DEPTH_MAX = 12;

/**
 * The URL if it is http(s), else undefined: nothing else ever becomes a link.
 *
 * @example httpUrl('javascript:alert(1)') // undefined
 */
export function httpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface Delimiter {
  readonly token: string;
  readonly tag: 'strong' | 'em' | 'u' | 's' | 'span';
  readonly className?: string;
  /** `_italics_` only open and close at word boundaries (snake_case stays as is). */
  readonly wordBound?: boolean;
}

// Longest first, as Discord matches them.
const DELIMITERS: readonly Delimiter[] = [
  { token: '***', tag: 'strong' },
  { token: '**', tag: 'strong' },
  { token: '__', tag: 'u' },
  { token: '~~', tag: 's' },
  { token: '||', tag: 'span', className: 'spoiler' },
  { token: '*', tag: 'em' },
  { token: '_', tag: 'em', wordBound: true },
];

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isEscapable = (c: string | undefined): boolean => c !== undefined && /[^\p{L}\p{N}\s]/u.test(c);

/** Index of the closing `token` at or after `from` (skipping escapes and code), or -1. */
function findClose(src: string, from: number, token: string, wordBound = false): number {
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '\\' && isEscapable(src[j + 1])) {
      j++;
      continue;
    }
    if (c === '`' && token !== '`') {
      const end = src.indexOf('`', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (src.startsWith(token, j) && (!wordBound || !isWordChar(src[j + token.length]))) return j;
  }
  return -1;
}

const ANGLE = /^<(?:t:(-?\d{1,13})(?::([tTdDfFR]))?|@!?(\d{1,20})|@&(\d{1,20})|#(\d{1,20})|(https?:\/\/[^\s>]+))>/;
const BARE_URL = /^https?:\/\/[^\s<]*[^\s<.,:;"')\]!?*_~|]/;

const text = (t: string): MarkdownNode => ({ kind: 'text', text: t });

/**
 * Inline Discord markdown (no blocks) as nodes.
 *
 * @example parseInline('**a**') // [{ kind: 'element', tag: 'strong', children: [{ kind: 'text', text: 'a' }] }]
 */
export function parseInline(src: string, depth = 0): MarkdownNode[] {
  if (depth > MARKDOWN_DEPTH_MAX) return [text(src)];
  const out: MarkdownNode[] = [];
  let pending = '';
  const flush = (): void => {
    if (pending !== '') out.push(text(pending));
    pending = '';
  };
  let i = 0;
  scan: while (i < src.length) {
    const c = src[i]!;
    const rest = src.slice(i);
    if (c === '\\' && isEscapable(src[i + 1])) {
      pending += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const fence = /^(`+)/.exec(rest)![1]!;
      const end = src.indexOf(fence, i + fence.length);
      if (end > i + fence.length) {
        flush();
        out.push({ kind: 'code', block: false, text: src.slice(i + fence.length, end) });
        i = end + fence.length;
        continue;
      }
    }
    for (const d of DELIMITERS) {
      if (!rest.startsWith(d.token)) continue;
      if (d.wordBound && isWordChar(src[i - 1])) break;
      const close = findClose(src, i + d.token.length + 1, d.token, d.wordBound);
      if (close < 0) continue;
      flush();
      const inner = parseInline(src.slice(i + d.token.length, close), depth + 1);
      const children = d.token === '***' ? [{ kind: 'element', tag: 'em', children: inner } as const] : inner;
      out.push({ kind: 'element', tag: d.tag, ...(d.className === undefined ? {} : { className: d.className }), children });
      i = close + d.token.length;
      continue scan;
    }
    if (c === '[') {
      const closeBracket = findClose(src, i + 1, ']');
      if (closeBracket > i && src[closeBracket + 1] === '(') {
        const closeParen = src.indexOf(')', closeBracket + 2);
        const target = closeParen > 0 ? src.slice(closeBracket + 2, closeParen).replace(/\s+"[^"]*"$/, '').replace(/^<(.*)>$/, '$1') : undefined;
        const href = httpUrl(target);
        if (href !== undefined) {
          flush();
          out.push({ kind: 'link', href, children: parseInline(src.slice(i + 1, closeBracket), depth + 1) });
          i = closeParen + 1;
          continue;
        }
      }
    }
    if (c === '<') {
      const m = ANGLE.exec(rest);
      if (m) {
        flush();
        const [whole, time, style, user, role, channel, url] = m;
        if (time !== undefined) out.push({ kind: 'time', seconds: Number(time), style: style ?? 'f' });
        else if (user !== undefined) out.push({ kind: 'mention', of: 'user', id: user });
        else if (role !== undefined) out.push({ kind: 'mention', of: 'role', id: role });
        else if (channel !== undefined) out.push({ kind: 'mention', of: 'channel', id: channel });
        else {
          const href = httpUrl(url);
          out.push(href === undefined ? text(whole) : { kind: 'link', href, children: [text(url ?? '')] });
        }
        i += whole.length;
        continue;
      }
    }
    if (c === 'h') {
      const m = BARE_URL.exec(rest);
      const href = httpUrl(m?.[0]);
      if (m && href !== undefined && !isWordChar(src[i - 1])) {
        flush();
        out.push({ kind: 'link', href, children: [text(m[0])] });
        i += m[0].length;
        continue;
      }
    }
    pending += c;
    i++;
  }
  flush();
  return out;
}

type Block =
  | { kind: 'line' | 'h1' | 'h2' | 'h3' | 'blockquote' | 'subtext'; text: string }
  | { kind: 'item'; list: 'ul' | 'ol'; text: string };

function blockFor(line: string): Block {
  const heading = /^(#{1,3}) (.*)$/.exec(line);
  if (heading) return { kind: `h${heading[1]!.length}` as 'h1' | 'h2' | 'h3', text: heading[2]! };
  if (line.startsWith('> ')) return { kind: 'blockquote', text: line.slice(2) };
  if (line.startsWith('-# ')) return { kind: 'subtext', text: line.slice(3) };
  const bullet = /^\s*[-*] (.*)$/.exec(line);
  if (bullet) return { kind: 'item', list: 'ul', text: bullet[1]! };
  const numbered = /^\s*\d{1,9}\. (.*)$/.exec(line);
  if (numbered) return { kind: 'item', list: 'ol', text: numbered[1]! };
  return { kind: 'line', text: line };
}

function parseLines(src: string, out: MarkdownNode[]): void {
  if (src === '') return;
  const lines = src.split('\n');
  let needBreak = false;
  let list: { tag: 'ul' | 'ol'; items: MarkdownNode[] } | undefined;
  const quoteAllAt = lines.findIndex((l) => l.startsWith('>>> '));
  lines.forEach((line, index) => {
    const block = blockFor(index >= quoteAllAt && quoteAllAt >= 0 ? `> ${index === quoteAllAt ? line.slice(4) : line}` : line);
    if (block.kind === 'item') {
      if (!list || list.tag !== block.list) {
        list = { tag: block.list, items: [] };
        out.push({ kind: 'element', tag: block.list, children: list.items });
      }
      list.items.push({ kind: 'element', tag: 'li', children: parseInline(block.text) });
      needBreak = false;
      return;
    }
    list = undefined;
    if (block.kind === 'line') {
      if (needBreak) out.push({ kind: 'break' });
      out.push(...parseInline(block.text));
      needBreak = true;
      return;
    }
    const tag = block.kind === 'subtext' ? 'div' : block.kind;
    out.push({ kind: 'element', tag, ...(block.kind === 'subtext' ? { className: 'subtext' } : {}), children: parseInline(block.text) });
    needBreak = false;
  });
}

/**
 * Discord markdown (code blocks, headings, quotes, subtext, lists, lines) as nodes.
 *
 * @example parseMarkdown('a\nb').map((n) => n.kind) // ['text', 'break', 'text']
 */
export function parseMarkdown(src: string): MarkdownNode[] {
  const out: MarkdownNode[] = [];
  const fence = /```(?:([\w+#.-]{1,20})\n)?([^]*?)```/g;
  let last = 0;
  for (const m of src.matchAll(fence)) {
    parseLines(src.slice(last, m.index), out);
    out.push({ kind: 'code', block: true, text: (m[2] ?? '').replace(/^\n/, '').replace(/\n$/, '') });
    last = m.index + m[0].length;
  }
  parseLines(src.slice(last), out);
  return out;
}

/** Options of formatting a timestamp node. */
const TIME_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  d: { dateStyle: 'short' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
};

function relativeTime(date: Date, now: number): string {
  const seconds = (date.getTime() - now) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['day', 86_400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/**
 * A `<t:seconds:style>` timestamp as Discord shows it (English).
 *
 * @example formatTimestamp(0, 'd') // '1/1/70'
 */
export function formatTimestamp(seconds: number, style: string, now: number = Date.now()): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return String(seconds);
  return style === 'R' ? relativeTime(date, now) : new Intl.DateTimeFormat('en', TIME_STYLES[style] ?? TIME_STYLES.f).format(date);
}
