/**
 * What a sync did, per source and in total: added, changed, unchanged, removed and failed, with reasons.
 */

/** A page that was removed or failed, and why. */
export interface ReportedItem {
  readonly url: string;
  readonly reason: string;
}

/** The outcome of one source's sync. */
export interface SourceReport {
  readonly source: string;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly unchanged: number;
  readonly removed: readonly ReportedItem[];
  readonly failed: readonly ReportedItem[];
  /** Set when the whole source failed (listing it did not work): nothing was changed or removed. */
  readonly error?: string;
  /** Set when `--max-pages` cut the listing: pages beyond it were neither fetched nor removed. */
  readonly capped?: boolean;
  readonly durationMs: number;
}

/** Whether any knowledge file was written or removed (then the index must be rebuilt). */
export function changedFiles(reports: readonly SourceReport[]): boolean {
  return reports.some((report) => report.added.length + report.changed.length + report.removed.length > 0);
}

/** Reasons listed per source before "and N more". */
const ITEMS_LISTED = 20;

/**
 * The summary printed at the end of `npm run ingest` / `sync`.
 *
 * @example formatReports([report]) // 'https://d.example/sitemap.xml: 3 added, 0 changed, 0 unchanged, 0 removed, 0 failed (1.2 s)\n'
 */
export function formatReports(reports: readonly SourceReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.error !== undefined) {
      lines.push(`${report.source}: failed, nothing changed — ${report.error}`);
      continue;
    }
    lines.push(
      `${report.source}: ${report.added.length} added, ${report.changed.length} changed, ${report.unchanged} unchanged, ` +
        `${report.removed.length} removed, ${report.failed.length} failed (${(report.durationMs / 1000).toFixed(1)} s)` +
        (report.capped === true ? ' — stopped at --max-pages; pages beyond it were kept' : ''),
    );
    const listed = [
      ...report.removed.map((item) => `  removed ${item.url} — ${item.reason}`),
      ...report.failed.map((item) => `  failed  ${item.url} — ${item.reason}`),
    ];
    lines.push(...listed.slice(0, ITEMS_LISTED));
    if (listed.length > ITEMS_LISTED) lines.push(`  …and ${listed.length - ITEMS_LISTED} more`);
  }
  return `${lines.join('\n')}\n`;
}
