/**
 * A document or one of its sections, looked up by name with /source.
 */
import type { APIEmbed } from 'discord.js';
import { viewPassage } from '../../answer/passage-view.js';
import { sectionParagraphs, type SectionEntry } from '../../answer/sections.js';
import { escapeText, maskedLink, safeUrl } from '../escape.js';
import { EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX } from '../limits.js';
import type { ReplyMessage } from '../message.js';
import { truncateMarkdown } from '../truncate.js';
import { documentFooter } from './passage.js';
import { COLORS, oneLine } from './style.js';

/** Room the lead text of a document may take before its list of sections. */
const DOCUMENT_LEAD_MAX = 1500;

function sectionList(entry: SectionEntry): string {
  const lines = entry.document.sections.map((path) => `${'  '.repeat(Math.max(0, path.length - 1))}• ${escapeText(oneLine(path.at(-1) ?? ''))}`);
  return lines.length === 0 ? '' : `**Sections**\n${lines.join('\n')}`;
}

/**
 * A document (its lead and its sections) or a section (its text), titled with a link.
 *
 * @example renderSection(entry, 'knowledge').embeds?.[0]?.title // 'Title › Background'
 */
export function renderSection(entry: SectionEntry, knowledgeRoot: string): ReplyMessage {
  const first = entry.passages[0];
  const view = first && viewPassage(knowledgeRoot, entry.document, first);
  const url = safeUrl(entry.kind === 'document' ? entry.document.url : view?.citation.url);
  // Verbatim from the document's text, paragraph by paragraph (passages overlap; never join them).
  const texts = sectionParagraphs(entry).map(escapeText);
  let description: string;
  if (entry.kind === 'document') {
    const lead = texts.length > 0 ? truncateMarkdown(texts.join('\n\n'), DOCUMENT_LEAD_MAX) : '';
    description = [lead, sectionList(entry)].filter(Boolean).join('\n\n');
  } else {
    description = texts.join('\n\n');
  }
  const permalink = entry.document.provenance?.permalink;
  const links = [entry.document.url && maskedLink('Read the source', entry.document.url), permalink && maskedLink('Permanent link', permalink)].filter(Boolean);
  const link = links.length === 0 ? '' : `\n\n${links.join(' · ')}`;
  const embed: APIEmbed = {
    color: COLORS.info,
    title: truncateMarkdown(escapeText(entry.label), EMBED_TITLE_MAX),
    ...(url === undefined ? {} : { url }),
    description: truncateMarkdown(description || '(no text)', EMBED_DESCRIPTION_MAX - link.length) + link,
    footer: { text: documentFooter(entry.document) },
  };
  return { embeds: [embed] };
}
