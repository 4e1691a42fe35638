/**
 * The list of documents Footnote answers from (/sources).
 */
import { TimestampStyles, time, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { DocumentDate, DocumentSummary } from '../../answer/documents.js';
import { escapeText, maskedLink, safeUrl } from '../escape.js';
import { EMBED_FIELD_NAME_MAX, EMBED_FIELDS_MAX, EMBED_TOTAL_MAX } from '../limits.js';
import type { ReplyMessage } from '../message.js';
import { truncateMarkdown } from '../truncate.js';
import { COLORS } from './style.js';

/** Characters kept for the "…and N more" field. */
const MORE_FIELD_ROOM = 100;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A link named for where it leads (`en.wikipedia.org`), or undefined without a usable URL.
 *
 * @example namedLink('https://en.wikipedia.org/wiki/Bee') // '[en.wikipedia.org](https://en.wikipedia.org/wiki/Bee)'
 */
export function namedLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return safeUrl(url) === undefined ? undefined : maskedLink(new URL(url).hostname.replace(/^www\./, ''), url);
  } catch {
    return undefined;
  }
}

/** When the text was fetched or revised, and how that is known. */
export function dateLine(date: DocumentDate): string {
  const seconds = Math.floor(date.ms / 1000);
  switch (date.kind) {
    case 'fetched': {
      const revision = date.revision === undefined ? '' : ` (revision ${escapeText(date.revision)})`;
      return `fetched ${time(seconds, TimestampStyles.LongDate)}${revision}`;
    }
    case 'committed':
      return `last revised ${time(seconds, TimestampStyles.LongDate)} (git)`;
    case 'file':
      return `file changed ${time(seconds, TimestampStyles.RelativeTime)}`;
  }
}

function documentField(doc: DocumentSummary): APIEmbedField {
  const permalink = doc.permalink === undefined ? undefined : maskedLink('this version', doc.permalink);
  const parts = [
    // Members see where the text comes from, never the bot's file path.
    namedLink(doc.url) ?? 'no link',
    ...(permalink === undefined || safeUrl(doc.permalink) === undefined ? [] : [permalink]),
    doc.license === undefined ? 'licence not stated' : escapeText(doc.license),
    plural(doc.sections, 'section'),
    plural(doc.passages, 'passage'),
    dateLine(doc.date),
  ];
  return { name: truncateMarkdown(escapeText(doc.title), EMBED_FIELD_NAME_MAX), value: parts.join(' · ') };
}

/**
 * One field per document (title, named link, licence, sections, passages, when fetched or
 * revised). With the `collections` a channel sees, a line says so.
 *
 * @example renderSources(summaries).embeds?.[0]?.title // 'Sources (1 document)'
 */
export function renderSources(documents: readonly DocumentSummary[], collections: readonly string[] = []): ReplyMessage {
  if (documents.length === 0) {
    return {
      embeds: [{ color: COLORS.none, title: 'Sources (none yet)', description: 'The knowledge folder is empty. Add Markdown or text files to it, then run `/reload`.' }],
    };
  }
  const passages = documents.reduce((n, d) => n + d.passages, 0);
  const title = `Sources (${plural(documents.length, 'document')})`;
  const seen = collections.length === 0 ? '' : `\nThis channel sees the collection${collections.length === 1 ? '' : 's'} ${collections.map((c) => `**${escapeText(c)}**`).join(', ')} (and documents outside any collection).`;
  const description = `Footnote answers only from these documents (${plural(passages, 'passage')} in all), quoting them word for word.${seen}`;
  // Fill fields while they fit, keeping room for a last "…and N more" field.
  let room = EMBED_TOTAL_MAX - title.length - description.length - MORE_FIELD_ROOM;
  const fields: APIEmbedField[] = [];
  for (const doc of documents) {
    const field = documentField(doc);
    if (fields.length === EMBED_FIELDS_MAX - 1 || field.name.length + field.value.length > room) break;
    fields.push(field);
    room -= field.name.length + field.value.length;
  }
  const left = documents.length - fields.length;
  if (left > 0) fields.push({ name: 'More', value: `…and ${plural(left, 'more document')}. Use \`/source\` to look one up.` });
  const embed: APIEmbed = { color: COLORS.info, title, description, fields };
  return { embeds: [embed] };
}
