/**
 * A whole passage with its citation (what /search shows), and a passage in its surroundings
 * (what "More context" shows).
 */
import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { PassageContext } from '../../answer/context.js';
import type { PassageView } from '../../answer/passage-view.js';
import { encodeAskButton } from '../custom-id.js';
import { escapeText, maskedLink, safeUrl } from '../escape.js';
import { EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX } from '../limits.js';
import type { ReplyMessage } from '../message.js';
import { truncateMarkdown } from '../truncate.js';
import { citationLabel, COLORS, oneLine } from './style.js';

/** Share of the description the cited paragraphs may use before neighbours get any. */
const CITED_SHARE = 0.6;

/**
 * The footer members see: the document's title, licence and link; never the file's path (that
 * is for logs, validate-knowledge and `ask --json`). Ingested documents add their permanent link
 * (MediaWiki `?oldid=`, a git blob at a commit), else the date they were fetched.
 *
 * @example documentFooter({ title: 'Bees', license: 'CC0', url: 'https://example.org/bees' }) // 'Bees · CC0 · https://example.org/bees'
 */
export function documentFooter(document: {
  readonly title: string;
  readonly license?: string;
  readonly url?: string;
  readonly provenance?: { readonly permalink?: string; readonly fetchedAt?: string };
}): string {
  const url = safeUrl(document.url);
  return [oneLine(document.title), document.license ?? 'licence not stated', url, pinnedOf(document.provenance)]
    .filter((s): s is string => s !== undefined)
    .join(' · ');
}

// Footers are plain text: the permanent link is shown as text, else the fetch date.
const pinnedOf = ({ permalink, fetchedAt }: { readonly permalink?: string; readonly fetchedAt?: string } = {}): string | undefined => {
  const pinned = safeUrl(permalink);
  return pinned !== undefined ? `permalink ${pinned}` : fetchedAt === undefined ? undefined : `fetched ${fetchedAt.slice(0, 10)}`;
};

const footerOf = (view: PassageView): string => documentFooter(view.document);

function titled(view: PassageView, prefix = ''): APIEmbed {
  const url = safeUrl(view.citation.url);
  return {
    title: truncateMarkdown(escapeText(`${prefix}${citationLabel(view.citation)}`), EMBED_TITLE_MAX),
    ...(url === undefined ? {} : { url }),
  };
}

/**
 * A passage shown whole, its title linking to the source.
 *
 * @example renderPassage(view, { heading: 'Best match for “…”' }).embeds?.[0]?.title // 'Title › Section ¶2'
 */
export function renderPassage(view: PassageView, options: { readonly note?: string; readonly ephemeral?: boolean } = {}): ReplyMessage {
  const text = escapeText(view.passage.text);
  const note = options.note === undefined ? '' : `${options.note}\n\n`;
  const embed: APIEmbed = {
    ...titled(view),
    color: COLORS.info,
    description: note + truncateMarkdown(text, EMBED_DESCRIPTION_MAX - note.length),
    footer: { text: footerOf(view) },
  };
  return {
    embeds: [embed],
    buttons: [[{ customId: encodeAskButton({ action: 'more', passageId: view.passage.id }), label: 'More context', style: ButtonStyle.Primary }]],
    ...(options.ephemeral === true ? { ephemeral: true } : {}),
  };
}

/**
 * The paragraphs around a passage, the cited one(s) marked, shown privately.
 *
 * @example renderContext(context, { expands: message.url }).embeds?.[0]?.description // '…\n\n▶ **¶2** The cited paragraph …'
 */
export function renderContext(context: PassageContext, options: { readonly expands?: string } = {}): ReplyMessage {
  const cited = context.paragraphs.filter((p) => p.cited).length || 1;
  const others = Math.max(1, context.paragraphs.length - cited);
  const citedRoom = Math.floor((EMBED_DESCRIPTION_MAX * CITED_SHARE) / cited) - 40;
  const otherRoom = Math.floor((EMBED_DESCRIPTION_MAX * (1 - CITED_SHARE)) / others) - 80;
  let section: string | undefined;
  const parts: string[] = [];
  for (const p of context.paragraphs) {
    if (p.section !== section) {
      section = p.section;
      parts.push(`__${escapeText(section === '' ? context.document.title : oneLine(section))}__`);
    }
    const text = truncateMarkdown(escapeText(p.text), p.cited ? citedRoom : otherRoom);
    parts.push(p.cited ? `▶ **¶${p.paragraph}** ${text}` : `¶${p.paragraph} ${text}`);
  }
  const embed: APIEmbed = {
    ...titled(context, 'Context: '),
    color: COLORS.info,
    description: truncateMarkdown(parts.join('\n\n'), EMBED_DESCRIPTION_MAX),
    footer: { text: footerOf(context) },
  };
  const back = options.expands === undefined ? undefined : safeUrl(options.expands);
  return { ...(back === undefined ? {} : { content: `-# ↩ More context for ${maskedLink('this message', back)}` }), embeds: [embed], ephemeral: true };
}
