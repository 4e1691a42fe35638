import { ConfigError } from '../config.js';
import { KnowledgeError } from '../knowledge/errors.js';

/** A mistake in how a command was called: shown as is, with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Runs a command-line entry point: known errors become a clear message on stderr and an exit
 * code (2 for usage, 1 for bad knowledge or configuration); anything else is a bug and shows its stack.
 */
export async function runCli(main: (argv: string[]) => Promise<void>): Promise<void> {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof KnowledgeError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
