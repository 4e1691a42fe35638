/**
 * Structured logs: one JSON object per line, info on stdout and warnings/errors on stderr.
 * The token never reaches a log: loggers made with {@link createJsonLogger} redact the secrets
 * they are given wherever they appear.
 *
 * Why not pino: its redaction works on known key paths (`headers.authorization`), while a token
 * leaks through values nobody listed — an error message, a stack, a URL. Scrubbing the finished
 * line by value is what keeps it out everywhere, and at one line per interaction pino's speed
 * buys nothing; its line shape (`msg`, numeric levels) would only change what operators parse.
 */

/** Fields of a log line (JSON-serialisable). */
export type LogFields = Readonly<Record<string, unknown>>;

/** Where the bot writes what happens. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Log levels, least severe first. */
type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Options of {@link createJsonLogger}. */
export interface JsonLoggerOptions {
  readonly level?: LogLevel;
  /** Strings replaced by `[redacted]` in every line (the token). */
  readonly secrets?: readonly string[];
  /** Where lines go (default: stdout for debug/info, stderr otherwise). */
  readonly write?: (line: string, level: LogLevel) => void;
  readonly clock?: () => number;
}

const errorFields = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack, ...('code' in value ? { code: value.code } : {}) } : value;

/**
 * A logger writing one JSON line per event: `{"time":…,"level":"info","event":"interaction",…}`.
 *
 * @example createJsonLogger({ secrets: [config.token] }).info('ready', { shards: 1 });
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const threshold = LEVELS.indexOf(options.level ?? 'info');
  // Each secret as written, and as JSON writes it inside a string (were it to hold a quote or a backslash).
  const secrets = [...new Set((options.secrets ?? []).filter((s) => s.length >= 4).flatMap((s) => [JSON.stringify(s).slice(1, -1), s]))];
  const clock = options.clock ?? Date.now;
  const write =
    options.write ?? ((line: string, level: LogLevel) => (level === 'debug' || level === 'info' ? process.stdout : process.stderr).write(`${line}\n`));
  const log = (level: LogLevel) => (event: string, fields: LogFields = {}): void => {
    if (LEVELS.indexOf(level) < threshold) return;
    const head = { time: new Date(clock()).toISOString(), level, event };
    let line: string;
    try {
      const entries = Object.entries(fields).map(([k, v]) => [k, errorFields(v)]);
      line = JSON.stringify({ ...head, ...Object.fromEntries(entries) });
    } catch (error) {
      // A circular or BigInt field must not turn logging into a crash, nor lose the event.
      line = JSON.stringify({ ...head, logError: `fields could not be written as JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
    for (const secret of secrets) line = line.replaceAll(secret, '[redacted]');
    write(line, level);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

