/**
 * Ingests (or re-syncs) sources into a knowledge folder. For each source: list its items, fetch
 * each conditionally, extract, write atomically, then remove what is gone — the items the
 * previous sync wrote that the listing no longer has, or that answered 404/410. A failed item
 * keeps its previous file; a source whose listing fails changes nothing.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { addressPolicy } from './address-policy.js';
import { IngestError, reasonOf } from './errors.js';
import { HostGate } from './host-gate.js';
import { checkDocument, contentHash, removeDocument, removeStaleTemporaries, writeDocument } from './knowledge-file.js';
import { DEFAULT_HOST_DELAY_MS, DEFAULT_MAX_PAGES, MAX_CONCURRENT_PER_HOST } from './limits.js';
import { manifestPath, readManifest, writeManifest } from './manifest.js';
import type { ReportedItem, SourceReport } from './report.js';
import { RobotsRules } from './robots.js';
import { createFetcher, type Resolver } from './safe-fetch.js';
import { connectorFor } from './source-kind.js';
import type { Connector, ConnectorContext, ListedItem, ManifestEntry, SourceSpec } from './types.js';
import { userAgent } from './user-agent.js';

/** Where git working copies go unless told otherwise. */
export const DEFAULT_INGEST_CACHE = join('.footnote-cache', 'ingest');
/** Items fetched at once across hosts (each host still sees at most two requests). */
const ITEMS_IN_FLIGHT = 6;
/** Longest readable part of a file name; a hash of the item's key follows it. */
const FILE_NAME_MAX = 80;

/** Options of {@link syncSources}. */
export interface SyncOptions {
  readonly knowledgeDir: string;
  /** Working copies (git); default {@link DEFAULT_INGEST_CACHE}. */
  readonly cacheDir?: string;
  /** Allow loopback, private and link-local addresses (tests, an intranet wiki). */
  readonly allowPrivate?: boolean;
  /** Where site owners can reach the operator (`INGEST_CONTACT`), named in the User-Agent; none when absent. */
  readonly contact?: string;
  /** DNS resolver (tests map names to addresses with it). */
  readonly resolve?: Resolver;
  /** Pause between requests to one host; default {@link DEFAULT_HOST_DELAY_MS}. */
  readonly hostDelayMs?: number;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /** Items done and known so far, across all sources. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Syncs every source in turn and reports each.
 *
 * @example
 * const reports = await syncSources([{ source: 'https://docs.example.org/sitemap.xml', kind: 'sitemap' }], { knowledgeDir: 'knowledge' });
 * process.stdout.write(formatReports(reports));
 */
export async function syncSources(specs: readonly SourceSpec[], options: SyncOptions): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  let doneBefore = 0;
  let totalBefore = 0;
  for (const spec of specs) {
    let seen = 0;
    const report = await syncSource(spec, {
      ...options,
      onProgress: (done, total) => {
        seen = total;
        options.onProgress?.(doneBefore + done, totalBefore + total);
      },
    });
    doneBefore += seen;
    totalBefore += seen;
    reports.push(report);
  }
  return reports;
}

/**
 * Syncs one source (see the module comment).
 *
 * @example (await syncSource({ source: 'https://d.example/guide', kind: 'page' }, { knowledgeDir: 'knowledge' })).added
 */
export async function syncSource(spec: SourceSpec, options: SyncOptions): Promise<SourceReport> {
  const started = performance.now();
  const root = options.knowledgeDir;
  const manifestFile = manifestPath(root, spec);
  const previous = await readManifest(manifestFile, spec.source);
  await removeStaleTemporaries(spec.collection === undefined ? root : join(root, spec.collection));
  const context = connectorContext(options);
  const failure = (error: unknown): SourceReport => ({
    source: spec.source, added: [], changed: [], unchanged: 0, removed: [], failed: [], error: reasonOf(error), durationMs: performance.now() - started,
  });

  let connector: Connector;
  let listing;
  try {
    connector = connectorFor(spec);
    listing = await connector.list(context);
  } catch (error) {
    options.signal?.throwIfAborted();
    return failure(error);
  }

  const run = new SourceRun(spec, root, connector, context, previous.entries, options);
  await run.crawl(listing.items);
  // An interrupted sync removes nothing and leaves the manifest as it was; what it wrote is complete files.
  options.signal?.throwIfAborted();
  const removed = await run.removeGone(listing.goneReason);
  await writeManifest(manifestFile, { source: spec.source, entries: run.next });
  return {
    source: spec.source,
    added: run.added,
    changed: run.changed,
    unchanged: run.unchanged,
    removed,
    failed: run.failed,
    ...(run.capped ? { capped: true } : {}),
    durationMs: performance.now() - started,
  };
}

function connectorContext(options: SyncOptions): ConnectorContext {
  const gate = new HostGate(MAX_CONCURRENT_PER_HOST, options.hostDelayMs ?? DEFAULT_HOST_DELAY_MS);
  const policy = addressPolicy(options.allowPrivate ?? false);
  const fetchPage = createFetcher({
    policy,
    around: (url, request) => gate.run(url.host, request),
    userAgent: userAgent(options.contact),
    ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });
  return {
    fetchPage,
    robots: new RobotsRules(fetchPage, (host, delayMs) => gate.slowDown(host, delayMs)),
    policy,
    ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
    cacheDir: options.cacheDir ?? DEFAULT_INGEST_CACHE,
    now: options.now ?? (() => new Date()),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

/**
 * The knowledge-relative file of an item: the source's collection folder, a readable name and a
 * hash of the item's key (the same item always lands in the same file, even after a lost manifest).
 *
 * @example documentFile({ collection: 'docs' }, 'd.example/guide/install', 'https://d.example/guide/install', '.md') // 'docs/d-example-guide-install-1a2b3c.md'
 */
export function documentFile(spec: Pick<SourceSpec, 'collection'>, name: string, key: string, extension: string): string {
  const readable = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, FILE_NAME_MAX).replace(/-+$/, '') || 'page';
  const file = `${readable}-${contentHash(key).slice(0, 6)}${extension}`;
  return spec.collection === undefined ? file : `${spec.collection}/${file}`;
}

/** The mutable state of one source's sync. */
class SourceRun {
  readonly next: Record<string, ManifestEntry> = {};
  readonly added: string[] = [];
  readonly changed: string[] = [];
  readonly failed: ReportedItem[] = [];
  unchanged = 0;
  capped = false;
  private readonly gone = new Map<string, string>();
  private readonly failedKeys = new Set<string>();
  private readonly queued = new Set<string>();
  private done = 0;

  constructor(
    private readonly spec: SourceSpec,
    private readonly root: string,
    private readonly connector: Connector,
    private readonly context: ConnectorContext,
    private readonly previous: Readonly<Record<string, ManifestEntry>>,
    private readonly options: SyncOptions,
  ) {}

  /** Processes the listing, then the links found, one depth at a time. */
  async crawl(items: readonly ListedItem[]): Promise<void> {
    let level = this.admit(items);
    const maxDepth = this.spec.depth ?? 0;
    while (level.length > 0) {
      const discovered: ListedItem[] = [];
      await inPool(level, ITEMS_IN_FLIGHT, async (item) => {
        const links = await this.process(item);
        if (item.depth < maxDepth && this.connector.follows !== undefined) {
          for (const link of links) if (this.connector.follows(link)) discovered.push({ key: link, url: link, depth: item.depth + 1 });
        }
        this.done += 1;
        this.options.onProgress?.(this.done, this.queued.size);
      });
      this.options.signal?.throwIfAborted();
      level = this.admit(discovered);
    }
  }

  /** Removes what the previous sync wrote that is gone now; returns what was removed and why. */
  async removeGone(goneReason: string): Promise<ReportedItem[]> {
    const removed: ReportedItem[] = [];
    for (const [key, entry] of Object.entries(this.previous)) {
      if (key in this.next || this.failedKeys.has(key)) continue;
      // Past the page cap, an unvisited page may well still exist: keep it.
      const reason = this.gone.get(key) ?? (this.capped ? undefined : goneReason);
      if (reason === undefined) {
        this.next[key] = entry;
        continue;
      }
      await removeDocument(join(this.root, entry.file));
      removed.push({ url: entry.url, reason });
    }
    for (const [key, reason] of this.gone) {
      if (!(key in this.previous)) this.failed.push({ url: key, reason });
    }
    return removed;
  }

  /** New items not seen before, up to the page cap. */
  private admit(items: readonly ListedItem[]): ListedItem[] {
    const admitted: ListedItem[] = [];
    const maxPages = this.spec.maxPages ?? DEFAULT_MAX_PAGES;
    for (const item of items) {
      if (this.queued.has(item.key)) continue;
      if (this.queued.size >= maxPages) {
        this.capped = true;
        break;
      }
      this.queued.add(item.key);
      admitted.push(item);
    }
    return admitted;
  }

  /** Fetches, extracts and writes one item; returns its same-site links. */
  private async process(item: ListedItem): Promise<readonly string[]> {
    const previous = this.previous[item.key];
    try {
      // A file deleted by hand since the last sync is fetched afresh (a 304 would not bring it back).
      const held = previous !== undefined && (await exists(join(this.root, previous.file))) ? previous : undefined;
      const outcome = await this.connector.fetch(item, held, this.context);
      if (outcome.kind === 'gone') {
        this.gone.set(item.key, outcome.reason);
        return [];
      }
      if (outcome.kind === 'unchanged') {
        if (previous === undefined || held === undefined) throw new IngestError('server says unchanged, but nothing was ingested before');
        this.next[item.key] = { ...previous, ...outcome.validators };
        this.unchanged += 1;
        return previous.links ?? [];
      }
      const file = previous?.file ?? documentFile(this.spec, outcome.name, item.key, outcome.rendered.extension);
      const entry: ManifestEntry = {
        file,
        url: item.url,
        hash: outcome.hash,
        ...outcome.validators,
        ...(outcome.links === undefined || outcome.links.length === 0 ? {} : { links: [...outcome.links] }),
      };
      const absolute = join(this.root, file);
      if (previous?.hash === outcome.hash && (await exists(absolute))) {
        // Fetched again (no validators, or they changed) but the same text: the file stays as it is.
        this.next[item.key] = { ...entry, file: previous.file };
        this.unchanged += 1;
        return entry.links ?? [];
      }
      checkDocument(file, outcome.rendered);
      await writeDocument(absolute, outcome.rendered);
      this.next[item.key] = entry;
      (previous === undefined ? this.added : this.changed).push(item.url);
      return entry.links ?? [];
    } catch (error) {
      this.options.signal?.throwIfAborted();
      this.failed.push({ url: item.url, reason: reasonOf(error) });
      this.failedKeys.add(item.key);
      if (previous !== undefined) this.next[item.key] = previous;
      // The pages below a failed page are still reached through its remembered links.
      return previous?.links ?? [];
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

/** Runs `task` over `items` with at most `limit` at once. */
async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
