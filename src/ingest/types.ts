/**
 * The shapes every connector shares: a source is listed, each item fetched (conditionally),
 * extracted and written, and the run reported. A sync is the difference between two listings.
 */
import type { RenderedDocument } from './knowledge-file.js';
import type { RobotsRules } from './robots.js';
import type { Fetcher, Resolver } from './safe-fetch.js';
import type { AddressPolicy } from './address-policy.js';

/** The kinds of source Footnote ingests. */
export type SourceKind = 'page' | 'sitemap' | 'mediawiki' | 'git';

/** One source, as given on the command line or in `sources.yaml`. */
export interface SourceSpec {
  /** The URL (page, sitemap, wiki page, repository). */
  readonly source: string;
  readonly kind: SourceKind;
  /** Collection subfolder of the knowledge folder; absent: the top level (every collection). */
  readonly collection?: string;
  /** Page sources: same-site links followed this many clicks deep. */
  readonly depth?: number;
  /** Cap on items (pages, files). */
  readonly maxPages?: number;
  /** Git sources: only Markdown under this folder of the repository. */
  readonly path?: string;
  /** Git sources: the branch (default: the remote's default branch). */
  readonly branch?: string;
  /** MediaWiki sources: the API endpoint (default `<origin>/w/api.php`). */
  readonly api?: string;
  /** `sources.yaml`: how often the bot syncs it (`30m`, `6h`, `1d`). */
  readonly schedule?: string;
}

/** One item of a listing. */
export interface ListedItem {
  /** Stable identity across syncs: the page URL, the wiki title, the repository path. */
  readonly key: string;
  /** The live URL, or the key when the item has none. */
  readonly url: string;
  /** Clicks from the start page (page sources). */
  readonly depth: number;
}

/** What the previous sync recorded about an item. */
export interface ManifestEntry {
  /** The document file, relative to the knowledge folder, `/` separators. */
  readonly file: string;
  readonly url: string;
  /** Hash of what was written (not of the fetch time): a re-fetched but equal page is "unchanged". */
  readonly hash: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** The connector's own change token: a wiki revision id, a git blob id. */
  readonly version?: string;
  /** Same-site links of the page, so a page answered with 304 still leads to the pages below it. */
  readonly links?: readonly string[];
}

/** Validators to remember for the next conditional fetch. */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
  readonly version?: string;
}

/** What fetching one item gave. Failures are thrown (an `IngestError` with the reason). */
export type ItemOutcome =
  | { readonly kind: 'unchanged'; readonly validators?: Validators }
  | { readonly kind: 'gone'; readonly reason: string }
  | {
      readonly kind: 'document';
      /** A readable base for the file name (the hash of the key is added). */
      readonly name: string;
      readonly rendered: RenderedDocument;
      readonly hash: string;
      readonly validators: Validators;
      readonly links?: readonly string[];
    };

/** The listing of a source. */
export interface Listing {
  readonly items: readonly ListedItem[];
  /** Items that disappear from a complete listing are removed; say why in the report. */
  readonly goneReason: string;
}

/** What connectors may use. */
export interface ConnectorContext {
  readonly fetchPage: Fetcher;
  readonly robots: RobotsRules;
  readonly policy: AddressPolicy;
  /** The resolver the fetcher uses (git remotes are checked with it too). */
  readonly resolve?: Resolver;
  /** Folder for working copies (git clones). */
  readonly cacheDir: string;
  /** The fetch time written as `fetched_at`. */
  readonly now: () => Date;
  readonly signal?: AbortSignal;
}

/** One kind of source: list → fetch (conditional) → extract; the sync writes and reports. */
export interface Connector {
  list(context: ConnectorContext): Promise<Listing>;
  fetch(item: ListedItem, previous: ManifestEntry | undefined, context: ConnectorContext): Promise<ItemOutcome>;
  /** Whether a discovered link (from {@link ItemOutcome} links) belongs to the source. */
  follows?(link: string): boolean;
}
