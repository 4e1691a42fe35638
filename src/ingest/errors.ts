/**
 * Why a page or a source could not be ingested: a reason safe to print in the report.
 */

/** A page (or a whole source) that ingestion gave up on, with a short reason for the report. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}

/**
 * The reason to report for any error: an {@link IngestError}'s message, or a short description of another.
 *
 * @example reasonOf(new IngestError('HTTP 500')) // 'HTTP 500'
 */
export function reasonOf(error: unknown): string {
  if (error instanceof IngestError) return error.message;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (error instanceof Error) return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  return String(error);
}
