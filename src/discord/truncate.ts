/**
 * Shortening Discord markdown without breaking it: a cut never lands inside a masked link, an
 * escape, a mention or timestamp, a `**` pair or a surrogate pair, and ends with `…`.
 */
import { ELLIPSIS } from './limits.js';

interface Token {
  readonly text: string;
  readonly kind: 'atom' | 'bold' | 'space';
}

// Tried in order at each position; the first that matches is one unbreakable token.
const MASKED_LINK = /\[(?:\\[^]|[^\\\]])*\]\([^()\s]*\)/y;
const ANGLE_TOKEN = /<[^<>\s]{1,80}>/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = (re: RegExp): string | undefined => {
      re.lastIndex = i;
      return re.exec(text)?.[0];
    };
    let piece: string | undefined;
    let kind: Token['kind'] = 'atom';
    if (text.startsWith('**', i)) {
      piece = '**';
      kind = 'bold';
    } else if (text[i] === '\\') {
      const next = text.codePointAt(i + 1);
      piece = next === undefined ? '\\' : `\\${String.fromCodePoint(next)}`;
    } else if (text[i] === '[') {
      piece = rest(MASKED_LINK);
    } else if (text[i] === '<') {
      piece = rest(ANGLE_TOKEN);
    }
    if (piece === undefined) {
      piece = String.fromCodePoint(text.codePointAt(i)!);
      if (/\s/.test(piece)) kind = 'space';
    }
    tokens.push({ text: piece, kind });
    i += piece.length;
  }
  return tokens;
}

/** Share of the budget a cut may give up to end on a word boundary. */
const WORD_BOUNDARY_SLACK = 0.3;

const lengthOf = (tokens: readonly Token[]): number => tokens.reduce((n, t) => n + t.text.length, 0);

/** The longest run of whole tokens within `budget`, ending at a word boundary when that costs little. */
function fit(tokens: readonly Token[], budget: number): Token[] {
  let taken: Token[] = [];
  let length = 0;
  for (const token of tokens) {
    if (length + token.text.length > budget) break;
    taken.push(token);
    length += token.text.length;
  }
  const lastSpace = taken.findLastIndex((t) => t.kind === 'space');
  if (lastSpace > 0 && lengthOf(taken.slice(0, lastSpace)) >= budget * (1 - WORD_BOUNDARY_SLACK)) taken = taken.slice(0, lastSpace);
  return taken;
}

/** Index of a `**` that opens a pair the tokens do not close, or -1. */
function unclosedBold(tokens: readonly Token[]): number {
  let open = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'bold') open = open < 0 ? i : -1;
  });
  return open;
}

/**
 * Returns `text` if it fits in `max` characters, else a prefix ending in `…` that fits and
 * keeps the markdown intact: an unfinished bold pair is dropped (or closed when the text opens
 * with it), a link that does not fit is left out whole, and the cut prefers a word boundary.
 *
 * @example truncateMarkdown('see **this part** and [a link](https://example.org)', 20) // 'see **this part**…'
 */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  const budget = max - ELLIPSIS.length;
  const tokens = tokenize(text);
  let taken = fit(tokens, budget);
  let open = unclosedBold(taken);
  if (open > 0) taken = taken.slice(0, open);
  else if (open === 0) {
    // The text opens with bold: keep it, closed, in the room left after the closing "**".
    taken = fit(tokens, budget - 2);
    open = unclosedBold(taken);
    while (taken.at(-1)?.kind === 'space') taken.pop();
    if (open === 0) taken = taken.length > 1 ? [...taken, { text: '**', kind: 'bold' }] : [];
  }
  return `${taken.map((t) => t.text).join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * Shortens plain text (no markdown: choice names, button labels) to `max` characters, with `…`,
 * never splitting a surrogate pair.
 *
 * @example truncatePlain('abcdef', 4) // 'abc…'
 */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - ELLIPSIS.length) break;
    out += char;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}
