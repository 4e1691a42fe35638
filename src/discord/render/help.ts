/**
 * What Footnote does and how to ask (/help).
 */
import type { ReplyMessage } from '../message.js';
import { COLORS } from './style.js';

const HELP = [
  'Footnote answers questions **only from its documents**, quoting them word for word with a link to where each quote comes from. When the documents do not hold the answer it says so, and shows the closest passages instead of guessing.',
  '',
  '**Commands**',
  '`/ask query:` ask a question. Add `hide:True` to see the answer alone, or `target:` to address it to someone (only they are pinged).',
  '`/search query:` find a passage as you type, then show it whole.',
  '`/source query:` open a document or section by name.',
  '`/sources` list the documents, their licences, links and when they were fetched or revised.',
  '`/reload` re-read the documents (server managers).',
  '`/sync` re-ingest the sources of sources.yaml now (server managers).',
  '`/settings` where Footnote answers on its own, in replies or threads, and from which collections (server managers).',
  'Or mention **@Footnote** with your question in any channel.',
  'Right-click a message → **Apps** → **Find sources** to look up what it says.',
  '',
  '**Asking well**',
  'Use the words the documents would use: names, places, dates. Short, specific questions work best. Matched words are shown in **bold**; the confidence line says how well the passages match. **Next results** shows the next three, which match less well.',
].join('\n');

/** The help message, shown privately. */
export function renderHelp(): ReplyMessage {
  return { embeds: [{ color: COLORS.info, title: 'Footnote: answers with sources', description: HELP }], ephemeral: true };
}
