/**
 * The list of documents Footnote answers from (/sources).
 */
import { TimestampStyles, time, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { DocumentSummary } from '../../answer/documents.js';
import { escapeText, maskedLink } from '../escape.js';
import { EMBED_FIELD_NAME_MAX, EMBED_FIELDS_MAX, EMBED_TOTAL_MAX } from '../limits.js';
import type { ReplyMessage } from '../message.js';
import { truncateMarkdown } from '../truncate.js';
import { COLORS } from './style.js';

/** Characters kept for the "…and N more" field. */
const MORE_FIELD_ROOM = 100;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function documentField(doc: DocumentSummary): APIEmbedField {
  const parts = [
    doc.url === undefined ? escapeText(doc.path) : maskedLink('link', doc.url),
    doc.license === undefined ? 'licence not stated' : escapeText(doc.license),
    plural(doc.sections, 'section'),
    plural(doc.passages, 'passage'),
    `changed ${time(Math.floor(doc.modifiedMs / 1000), TimestampStyles.RelativeTime)}`,
  ];
  return { name: truncateMarkdown(escapeText(doc.title), EMBED_FIELD_NAME_MAX), value: parts.join(' · ') };
}

/**
 * One field per document (title, link, licence, sections, passages, last change). With the
 * `collections` a channel sees, a line says so.
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
