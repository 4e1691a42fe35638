import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_QUESTION_LIMIT, MIN_QUESTION_BURST, type QuestionLimit } from './discord/question-limiter.js';
import { databaseKind, DEFAULT_DATABASE_URL } from './store/database-url.js';
import type { Retention } from './store/store.js';

/** The knowledge folder used when `KNOWLEDGE_DIR` is not set. */
const DEFAULT_KNOWLEDGE_DIR = 'knowledge';

/** Days votes, comments, gap records and the settings log are kept when `FEEDBACK_RETENTION_DAYS` is not set. */
export const DEFAULT_FEEDBACK_RETENTION_DAYS = 90;
/** Days posted answers are remembered for drift notes when `ANSWER_MEMORY_DAYS` is not set. */
export const DEFAULT_ANSWER_MEMORY_DAYS = 30;
/** The longest retention accepted (ten years): anything longer is a typo. */
const MAX_RETENTION_DAYS = 3650;

const days = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(MAX_RETENTION_DAYS, `must be at most ${MAX_RETENTION_DAYS} days`)
    .default(fallback);

/** The store's variables (the bot's, and those of scripts that only read the database). */
const storeFields = {
  DATABASE_URL: z
    .string()
    .refine((url) => databaseKind(url) !== undefined, 'must be sqlite:PATH, sqlite::memory: or postgres://user:password@host:port/database')
    .default(DEFAULT_DATABASE_URL),
  FEEDBACK_RETENTION_DAYS: days(DEFAULT_FEEDBACK_RETENTION_DAYS),
  ANSWER_MEMORY_DAYS: days(DEFAULT_ANSWER_MEMORY_DAYS),
};
const storeSchema = z.object(storeFields);

const contactUrl = z.url({ protocol: /^https?$/ });
const contactEmail = z.email();

/** Why `value` cannot be the contact named in a User-Agent, or undefined when it can. */
function contactProblem(value: string): string | undefined {
  const isUrl = contactUrl.safeParse(value).success;
  if (!isUrl && !contactEmail.safeParse(value).success) return 'must be an http(s) URL or an e-mail address, e.g. https://example.org/footnote or footnote@example.org';
  // The contact sits in a User-Agent comment, which ")" would end; Node refuses some other bytes in a header outright.
  if (!/^[!-~]+$/.test(value) || /[()\\]/.test(value)) return 'must be plain ASCII without spaces, parentheses or backslashes (it is sent in the User-Agent header)';
  if (isUrl && (new URL(value).username !== '' || new URL(value).password !== '')) return 'must not hold a user name or password (every site crawled would see it)';
  return undefined;
}

/**
 * `INGEST_CONTACT`: a page or an e-mail address where site owners reach the operator, sent in
 * every ingestion request's User-Agent.
 */
const ingestContact = z.string().superRefine((value, ctx) => {
  const problem = contactProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/** Variables of ingestion, for the bot and for `npm run ingest` / `npm run sync`. */
const ingestFields = {
  INGEST_CONTACT: ingestContact.optional(),
};
const ingestSchema = z.object(ingestFields);

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const botSchema = z.object({
  DISCORD_TOKEN: z.string().min(1, 'is required'),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake.optional(),
  KNOWLEDGE_DIR: z.string().min(1).default(DEFAULT_KNOWLEDGE_DIR),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
    .refine((url) => !/\/v\d+\/?$/.test(url), 'must not end with the API version (discord.js adds /v10)')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Defaults and their reasons: DEFAULT_QUESTION_LIMIT in src/discord/question-limiter.ts.
  QUESTION_BURST: z.coerce
    .number()
    .int('must be a whole number')
    .min(MIN_QUESTION_BURST, `must be at least ${MIN_QUESTION_BURST} (a question and two follow-ups)`)
    .max(1000, 'must be at most 1000')
    .default(DEFAULT_QUESTION_LIMIT.burst),
  QUESTION_REFILL_SECONDS: z.coerce
    .number()
    .positive('must be more than 0')
    .max(3600, 'must be at most 3600 (one hour)')
    .default(DEFAULT_QUESTION_LIMIT.refillMs / 1000),
  INGEST_ALLOW_PRIVATE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  ...ingestFields,
  ...storeFields,
  MESSAGE_CONTENT_INTENT: z.enum(['auto', 'on', 'off']).default('auto'),
});

/** Settings of the Discord bot and its scripts. */
export interface BotConfig {
  readonly token: string;
  readonly clientId: string;
  readonly guildId?: string;
  readonly knowledgeDir: string;
  /** REST base without the version, e.g. `http://127.0.0.1:8080/api`; Discord's when absent. */
  readonly apiUrl?: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Questions per user: `QUESTION_BURST` in a row, one back every `QUESTION_REFILL_SECONDS` (always set by {@link readBotConfig}). */
  readonly questionLimit?: QuestionLimit;
  /** Whether sync may fetch loopback, private and link-local addresses (an intranet wiki); default false. */
  readonly ingestAllowPrivate?: boolean;
  /** Where site owners can reach whoever runs this bot (a URL or an e-mail address), named in ingestion's User-Agent. */
  readonly ingestContact?: string;
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://…` (may hold a password: never log it raw). */
  readonly databaseUrl: string;
  /** How long feedback, gaps and posted answers are kept. */
  readonly retention: Retention;
  /**
   * The privileged Message Content intent: `auto` asks for it when some channel has auto-answer
   * on, `on` always, `off` never (see src/discord/intents.ts).
   */
  readonly messageContentIntent: 'auto' | 'on' | 'off';
}

/** Settings of the store alone, for scripts that read the database without Discord (gap export). */
export type StoreConfig = Pick<BotConfig, 'databaseUrl' | 'retention'>;

/** Settings of ingestion alone, for `npm run ingest` and `npm run sync`. */
export type IngestConfig = Pick<BotConfig, 'ingestContact'>;

/** A configuration problem, naming the variables at fault and never echoing their values. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `.env` into `process.env` (values already set win), once per process. */
function loadEnvFile(path = '.env'): void {
  loadDotenv({ path, quiet: true });
}

// Empty strings in .env files ("DISCORD_GUILD_ID=") mean "not set".
const withoutEmpty = (env: Env): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));

/** The error for a failed parse: each variable at fault and why, never a value. */
function configError(error: z.ZodError, present: Record<string, string>): ConfigError {
  const problems = error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'config');
    // An empty value ("DISCORD_TOKEN=" in .env) is as missing as an absent one.
    return issue.code === 'invalid_type' && present[key] === undefined ? `${key} is missing` : `${key} ${issue.message}`;
  });
  return new ConfigError(`Invalid configuration (see .env.example):\n  - ${problems.join('\n  - ')}`);
}

/**
 * Validates only the store's variables (`DATABASE_URL`, `FEEDBACK_RETENTION_DAYS`,
 * `ANSWER_MEMORY_DAYS`), for scripts that need the database but not Discord.
 *
 * @example readStoreConfig({}).databaseUrl // 'sqlite:data/footnote.db'
 */
export function readStoreConfig(env: Env): StoreConfig {
  const present = withoutEmpty(env);
  const parsed = storeSchema.safeParse(present);
  if (!parsed.success) throw configError(parsed.error, present);
  const c = parsed.data;
  return { databaseUrl: c.DATABASE_URL, retention: { feedbackDays: c.FEEDBACK_RETENTION_DAYS, postedAnswerDays: c.ANSWER_MEMORY_DAYS } };
}

/**
 * Validates only ingestion's variables (`INGEST_CONTACT`), for the ingest and sync commands.
 *
 * @example readIngestConfig({ INGEST_CONTACT: 'footnote@example.org' }).ingestContact // 'footnote@example.org'
 */
export function readIngestConfig(env: Env): IngestConfig {
  const present = withoutEmpty(env);
  const parsed = ingestSchema.safeParse(present);
  if (!parsed.success) throw configError(parsed.error, present);
  return contactOf(parsed.data);
}

const contactOf = (c: z.infer<typeof ingestSchema>): IngestConfig => (c.INGEST_CONTACT === undefined ? {} : { ingestContact: c.INGEST_CONTACT });

/**
 * Validates the bot's configuration. Errors name each missing or malformed variable and why,
 * but never print a value (a token must not end up in logs).
 *
 * @example readBotConfig({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '123456789012345678' }).knowledgeDir // 'knowledge'
 */
export function readBotConfig(env: Env): BotConfig {
  const present = withoutEmpty(env);
  const parsed = botSchema.safeParse(present);
  if (!parsed.success) throw configError(parsed.error, present);
  const c = parsed.data;
  return {
    token: c.DISCORD_TOKEN,
    clientId: c.DISCORD_CLIENT_ID,
    knowledgeDir: c.KNOWLEDGE_DIR,
    logLevel: c.LOG_LEVEL,
    questionLimit: { burst: c.QUESTION_BURST, refillMs: Math.round(c.QUESTION_REFILL_SECONDS * 1000) },
    ...(c.INGEST_ALLOW_PRIVATE === 'true' ? { ingestAllowPrivate: true } : {}),
    ...contactOf(c),
    databaseUrl: c.DATABASE_URL,
    retention: { feedbackDays: c.FEEDBACK_RETENTION_DAYS, postedAnswerDays: c.ANSWER_MEMORY_DAYS },
    messageContentIntent: c.MESSAGE_CONTENT_INTENT,
    ...(c.DISCORD_GUILD_ID === undefined ? {} : { guildId: c.DISCORD_GUILD_ID }),
    ...(c.DISCORD_API_URL === undefined ? {} : { apiUrl: c.DISCORD_API_URL.replace(/\/$/, '') }),
  };
}

/**
 * The knowledge folder for the command-line tools: `--knowledge` wins, then `KNOWLEDGE_DIR`.
 *
 * @example knowledgeDirFor(undefined, {}) // 'knowledge'
 */
export function knowledgeDirFor(flag: string | undefined, env: Env): string {
  return flag ?? withoutEmpty(env).KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
}

/** The process environment, after `.env`: the one place that reads `process.env`. */
export function processEnv(): Env {
  loadEnvFile();
  return process.env;
}

/**
 * Whether progress bars may be drawn: on a terminal, and not under CI (`CI` set).
 *
 * @example showProgress(process.stderr.isTTY, processEnv()) // false in CI
 */
export function showProgress(isTerminal: boolean | undefined, env: Env): boolean {
  return isTerminal === true && (withoutEmpty(env).CI ?? 'false') === 'false';
}
