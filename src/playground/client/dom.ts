/**
 * The page's DOM helpers and its reading of untrusted JSON. Every string from the bot or the
 * person is untrusted: nodes are built with createElement/textContent only (never innerHTML),
 * and links are made only for http(s) URLs. Only type imports from outside the client folder
 * except the shared markdown parser: the browser loads these files as they are built.
 */
import type { BrowserGlobals, DomAnchor, DomElement, DomTags } from '../browser.js';

/** The browser globals, typed with the slice of the DOM the page uses (see browser.ts). */
export const { document, window, WebSocket } = globalThis as unknown as BrowserGlobals;

/** A JSON object of unknown shape. */
export type Json = Record<string, unknown>;

/** The value as a JSON object, or undefined. */
export const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
/** The value as a string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** The value as a finite number, or undefined. */
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** The value as an array, or empty. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A new element with a class and text.
 *
 * @example el('span', 'name', 'Alice')
 */
export function el<K extends keyof DomTags & string>(tag: K, className?: string, text?: string): DomTags[K] {
  const node = document.createElement(tag) as DomTags[K];
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The element with this id; throws when page.html lacks it (a bug). */
export function byId<T extends DomElement = DomElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from page.html`);
  return node as T;
}

/** A link that opens in a new tab and tells the target nothing. */
export function link(href: string, children: (parent: DomElement) => void): DomAnchor {
  const a = el('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer nofollow';
  a.title = href;
  children(a);
  return a;
}
