/**
 * An HTML page → its main content as Markdown, text only: the article is found by Mozilla's
 * Readability (navigation, cookie banners, sidebars and footers are left out) and converted by
 * turndown. Scripts, styles, forms, frames and images go; links survive only as absolute
 * http(s) links; no raw HTML reaches the output.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';
import { IngestError } from './errors.js';

/** What a page yields. */
export interface ExtractedPage {
  readonly title: string;
  /** The main content as Markdown, headings included; no title heading. */
  readonly markdown: string;
  /** The page's stated licence (`<link rel="license">`, `<meta name="license">`), if any. */
  readonly license?: string;
  /** Every http(s) link on the page (navigation included), absolute and without fragment. */
  readonly links: readonly string[];
}

/** Longest title kept (a hostile page could make it huge). */
const TITLE_MAX = 200;
/** Page furniture removed before Readability looks (on short pages it would otherwise keep a cookie banner). */
const FURNITURE = 'nav, aside, form, dialog, body > header, body > footer, [role="navigation"], [role="banner"], [role="contentinfo"], [role="dialog"], [aria-hidden="true"], [hidden], [id*="cookie" i], [class*="cookie" i], [id*="consent" i], [class*="consent" i]';
const REMOVED_ELEMENTS = ['script', 'style', 'noscript', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'canvas', 'template', 'img', 'picture', 'video', 'audio', 'link', 'meta'] as const;

// Minimal DOM shapes used here: linkedom's types are loose, and this keeps the code honest about what it touches.
interface Element {
  getAttribute(name: string): string | null;
  remove(): void;
  readonly textContent: string | null;
}
interface Document {
  querySelectorAll(selector: string): Iterable<Element>;
  querySelector(selector: string): Element | null;
  readonly title: string;
}

/**
 * Extracts a page's main content.
 *
 * @example extractHtml('<title>Guide</title><article><h2>Setup</h2><p>Run it.</p></article>', 'https://d.example/').markdown
 * // '## Setup\n\nRun it.'
 */
export function extractHtml(html: string, pageUrl: string): ExtractedPage {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const links = pageLinks(document, pageUrl);
  const license = statedLicense(document);
  for (const element of [...document.querySelectorAll(FURNITURE)]) element.remove();
  // Readability mutates the document it reads; the links and licence were taken first.
  const article = new Readability(document as never, { keepClasses: false }).parse();
  const content = article?.content ?? '';
  const markdown = toMarkdown(content, pageUrl);
  if (markdown.replace(/[#*_`>\-\s]/g, '') === '') throw new IngestError('skipped: no main content found');
  const title = oneLine(article?.title || document.title || document.querySelector('h1')?.textContent || new URL(pageUrl).pathname);
  return { title, markdown, links, ...(license === undefined ? {} : { license }) };
}

/** Absolute http(s) URL of a link, or undefined for javascript:, data:, mailto: and the like. */
export function safeLink(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function pageLinks(document: Document, pageUrl: string): string[] {
  const links = new Set<string>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    const link = safeLink(anchor.getAttribute('href') ?? '', pageUrl);
    if (link !== undefined) links.add(link);
  }
  return [...links];
}

function statedLicense(document: Document): string | undefined {
  const meta = document.querySelector('meta[name="license"], meta[name="dc.rights"], meta[name="DC.rights"]')?.getAttribute('content');
  const link = document.querySelector('[rel~="license"]');
  const stated = meta ?? (link?.textContent?.trim() || link?.getAttribute('href'));
  return stated ? oneLine(stated) : undefined;
}

function toMarkdown(html: string, pageUrl: string): string {
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  // Text that reads like a tag (`&lt;script&gt;` in the page) is escaped, so no Markdown renderer sees HTML in it.
  const escapeText = turndown.escape.bind(turndown);
  turndown.escape = (text) => escapeText(text).replace(/<(?=[A-Za-z/!?])/g, '\\<');
  // An added rule wins over turndown's own (its image rule would otherwise keep <img> as ![](src)).
  turndown.addRule('text-only', { filter: [...REMOVED_ELEMENTS], replacement: () => '' });
  turndown.addRule('safe-links', {
    filter: 'a',
    replacement: (content, node) => {
      const href = (node as unknown as Element).getAttribute('href');
      const link = href === null ? undefined : safeLink(href, pageUrl);
      const text = content.trim();
      if (text === '') return '';
      return link === undefined ? text : `[${text}](<${link.replace(/[<>]/g, encodeURIComponent)}>)`;
    },
  });
  return turndown
    .turndown(html)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line;
}
