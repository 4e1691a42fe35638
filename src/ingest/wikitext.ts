/**
 * MediaWiki wikitext → the plain MediaWiki-style text Footnote reads: `== Section ==` headings kept
 * exactly, paragraphs as their readable text. Templates, references, tables, files, categories,
 * comments and markup go; links keep their label.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&ndash;': '–', '&mdash;': '—', '&minus;': '−', '&thinsp;': ' ',
};
const NON_TEXT_LINK = /^\[\[\s*:?\s*(?:file|image|category|media)\s*:/i;
const MAGIC_WORD = /__[A-Z]+__/g;
const HEADING = /^(={2,6})\s*(.*?)\s*\1\s*$/;

/**
 * Removes every balanced `open … close` span (nested ones included), or only those `keep` rejects.
 *
 * @example removeNested('a {{b {{c}} d}} e', '{{', '}}') // 'a  e'
 */
export function removeNested(text: string, open: string, close: string, remove: (span: string) => boolean = () => true): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf(open, index);
    if (start === -1) break;
    let depth = 0;
    let cursor = start;
    let end = -1;
    while (cursor < text.length) {
      if (text.startsWith(open, cursor)) {
        depth += 1;
        cursor += open.length;
      } else if (text.startsWith(close, cursor)) {
        depth -= 1;
        cursor += close.length;
        if (depth === 0) {
          end = cursor;
          break;
        }
      } else cursor += 1;
    }
    if (end === -1) break; // unbalanced: keep the rest as it is
    const span = text.slice(start, end);
    out += text.slice(index, start) + (remove(span) ? '' : span);
    index = end;
  }
  return out + text.slice(index);
}

/**
 * Converts wikitext to plain MediaWiki-style text.
 *
 * @example wikitextToText("'''Footnote''' cites.<ref>x</ref>\n\n== Use ==\nSee [[Discord|the app]].")
 * // 'Footnote cites.\n\n== Use ==\nSee the app.'
 */
export function wikitextToText(wikitext: string): string {
  let text = wikitext.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  text = text.replace(/<ref\b[^>]*\/>/gi, '').replace(/<ref\b[^>]*>[\s\S]*?<\/ref\s*>/gi, '');
  text = text.replace(/<(gallery|math|score|syntaxhighlight|timeline|templatedata)\b[\s\S]*?<\/\1\s*>/gi, '');
  text = removeNested(text, '{{', '}}');
  text = removeNested(text, '{|', '|}');
  text = removeNested(text, '[[', ']]', (span) => NON_TEXT_LINK.test(span));
  text = text
    .replace(/\[\[[^\]|]*\|([^\]]*)\]\]/g, '$1')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/\[(?:https?:)?\/\/[^\s\]]+\s+([^\]]*)\]/g, '$1')
    .replace(/\[(?:https?:)?\/\/[^\s\]]+\]/g, '')
    .replace(/'{2,5}/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&[a-z]+;/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(MAGIC_WORD, '');
  const lines = text.split('\n').map((line) => {
    const heading = HEADING.exec(line);
    if (heading?.[1] !== undefined) return `${heading[1]} ${heading[2] ?? ''} ${heading[1]}`;
    return line.replace(/[ \t]+/g, ' ').trim();
  });
  return lines
    .filter((line) => !/^[|!}{]/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
