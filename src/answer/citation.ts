import { basename } from 'node:path';
import type { Passage, SourceDocument } from '../knowledge/types.js';
import type { Excerpt } from './excerpt.js';

/** Where an excerpt comes from, precisely enough to check it. */
export interface Citation {
  readonly title: string;
  /** Heading path joined with ` › `; empty before the first heading. */
  readonly section: string;
  /** 1-based paragraph within the section. */
  readonly paragraph: number;
  /** The file, as `<knowledge folder name>/<path inside it>`. */
  readonly source: string;
  /** The document's URL, pointing at the excerpt (text fragment) where possible. */
  readonly url?: string;
  /**
   * A link that keeps showing the cited text (front matter `permalink`: a MediaWiki `?oldid=`,
   * a git blob at a commit), pointing at the excerpt where possible; ingested documents only.
   */
  readonly permalink?: string;
  /** When an ingested document was fetched (front matter `fetched_at`): for a plain web page, the live URL plus this date is the record. */
  readonly fetchedAt?: string;
}

/** Words of the excerpt used at each end of a text fragment. */
const FRAGMENT_EDGE_WORDS = 5;

// Text fragments need `-`, `,` and `&` escaped on top of the usual URI component escaping.
const encodeFragmentText = (text: string): string =>
  encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/**
 * A text fragment (`:~:text=start,end`) that makes browsers scroll to and mark the excerpt.
 *
 * @example textFragment('Russia was described as remaining the top threat.')
 * // ':~:text=Russia%20was%20described%20as%20remaining,described%20as%20remaining%20the%20top%20threat'
 */
export function textFragment(excerpt: string): string {
  const words = excerpt.replace(/[…*]/g, ' ').split(/\s+/).filter(Boolean);
  // Edge punctuation would have to match exactly; words alone are safer.
  const clean = (list: string[]): string => list.join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (words.length <= FRAGMENT_EDGE_WORDS * 2) return `:~:text=${encodeFragmentText(clean(words))}`;
  const start = clean(words.slice(0, FRAGMENT_EDGE_WORDS));
  const end = clean(words.slice(-FRAGMENT_EDGE_WORDS));
  return `:~:text=${encodeFragmentText(start)},${encodeFragmentText(end)}`;
}

/** Wikipedia's anchor for a heading: spaces become underscores. */
function wikipediaAnchor(heading: string): string {
  return encodeURIComponent(heading.replace(/ /g, '_')).replace(/%2C/g, ',');
}

/**
 * The link of a citation: the document URL with the section's anchor (on Wikipedia, where
 * anchors are predictable) and a text fragment for the excerpt; undefined without a URL.
 *
 * @example citationUrl(doc, passage, excerpt)
 * // 'https://en.wikipedia.org/wiki/Foreign_interference…#Background:~:text=In%202022…'
 */
function citationUrl(document: SourceDocument, passage: Passage, excerpt: Excerpt): string | undefined {
  if (document.url === undefined) return undefined;
  const base = document.url.replace(/#.*$/, '');
  const lastHeading = passage.section.split(' › ').pop() ?? '';
  const anchor = lastHeading !== '' && /(^|\.)wikipedia\.org$/.test(new URL(base).hostname) ? wikipediaAnchor(lastHeading) : '';
  return `${base}#${anchor}${textFragment(excerpt.text)}`;
}

/**
 * The citation of an excerpt.
 *
 * @example citationFor(knowledge, passage, excerpt).section // 'Analysis'
 */
export function citationFor(knowledgeRoot: string, document: SourceDocument, passage: Passage, excerpt: Excerpt): Citation {
  const url = citationUrl(document, passage, excerpt);
  const { permalink: pinned, fetchedAt } = document.provenance ?? {};
  // The permalink shows the same page at a fixed revision: the same text fragment finds the excerpt there.
  const permalink = pinned === undefined ? undefined : `${pinned.replace(/#.*$/, '')}#${textFragment(excerpt.text)}`;
  return {
    title: document.title,
    section: passage.section,
    paragraph: passage.paragraph,
    source: `${basename(knowledgeRoot)}/${document.path}`,
    ...(url === undefined ? {} : { url }),
    ...(permalink === undefined ? {} : { permalink }),
    ...(fetchedAt === undefined ? {} : { fetchedAt }),
  };
}
