/**
 * Making text safe to echo in Discord markdown: user questions and document text are shown as
 * written, never as formatting, links or mentions.
 */
import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';
const MARKDOWN_OPTIONS = { heading: true, bulletedList: true, numberedList: true } as const;

/**
 * Escapes Discord markdown (also headings, lists, quotes, subtext and link brackets) and breaks
 * mention syntax with a zero-width space after `@`, so `@everyone` or `<@123>` show as text
 * even where mentions would be parsed.
 *
 * @example escapeText('**hi** @everyone') // '\\*\\*hi\\*\\* @\u200beveryone'
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, MARKDOWN_OPTIONS)
    .replace(/[[\]]/g, '\\$&')
    .replace(/^([ \t]*)(>|-#)/gm, '$1\\$2')
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`);
}

/**
 * Undoes {@link escapeText} (to recover a question shown in an embed).
 *
 * @example unescapeText(escapeText('a_b **c** <@1>')) // 'a_b **c** <@1>'
 */
export function unescapeText(text: string): string {
  return text.replaceAll(`@${ZERO_WIDTH_SPACE}`, '@').replace(/\\([^0-9A-Za-z\s])/g, '$1');
}

/**
 * An http(s) URL made safe inside a masked link (parentheses, angle brackets and spaces
 * percent-encoded), or undefined for anything else.
 *
 * @example safeUrl('https://en.wikipedia.org/wiki/A_(b)') // 'https://en.wikipedia.org/wiki/A_%28b%29'
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * `[label](url)` with the label escaped, or just the escaped label when the URL is not usable.
 *
 * @example maskedLink('A › B ¶2', 'https://example.org') // '[A › B ¶2](https://example.org)'
 */
export function maskedLink(label: string, url: string | undefined): string {
  const safe = safeUrl(url);
  const text = escapeText(label.replace(/\s+/g, ' ').trim());
  return safe === undefined ? text : `[${text}](${safe})`;
}
