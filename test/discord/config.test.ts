import { describe, expect, it } from 'vitest';
import { ConfigError, readBotConfig, readIngestConfig, readStoreConfig } from '../../src/config.js';
import { createJsonLogger } from '../../src/discord/logger.js';

const SECRET = 'MTIzNDU2Nzg5.super-secret-token-value';
const CLIENT_ID = '816899285844103168';

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    readBotConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('bot configuration', () => {
  it('given no token, when read, then the error names DISCORD_TOKEN as missing', () => {
    expect(errorOf({ DISCORD_CLIENT_ID: CLIENT_ID }).message).toContain('DISCORD_TOKEN is missing');
  });

  it('given an empty token (as "DISCORD_TOKEN=" in .env), when read, then it is reported as missing', () => {
    expect(errorOf({ DISCORD_TOKEN: '  ', DISCORD_CLIENT_ID: CLIENT_ID }).message).toContain('DISCORD_TOKEN is missing');
  });

  it('given bad values next to a token, when read, then the error names each variable and never prints the token', () => {
    // when
    const error = errorOf({ DISCORD_TOKEN: SECRET, DISCORD_CLIENT_ID: 'not-an-id', DISCORD_GUILD_ID: '12', DISCORD_API_URL: `http://${SECRET}@127.0.0.1:1/api/v10` });
    // then
    expect(error.message).toContain('DISCORD_CLIENT_ID');
    expect(error.message).toContain('DISCORD_GUILD_ID');
    expect(error.message).toContain('DISCORD_API_URL');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('given a complete environment, when read, then the API base loses its trailing slash and empty values are unset', () => {
    const config = readBotConfig({ DISCORD_TOKEN: SECRET, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_GUILD_ID: '', DISCORD_API_URL: 'http://127.0.0.1:8080/api/' });
    expect(config).toMatchObject({ clientId: CLIENT_ID, knowledgeDir: 'knowledge', apiUrl: 'http://127.0.0.1:8080/api' });
    expect(config.guildId).toBeUndefined();
  });

  it('given a logger told the token, when a line contains it, then it is redacted', () => {
    // given
    const lines: string[] = [];
    const logger = createJsonLogger({ secrets: [SECRET], write: (line) => lines.push(line) });
    // when
    logger.error('oops', { error: new Error(`request with Bot ${SECRET} failed`), header: `Bot ${SECRET}` });
    // then
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', event: 'oops', header: 'Bot [redacted]' });
  });

  it('given no database settings, when read, then the store defaults to sqlite:data/footnote.db with 90 and 30 days', () => {
    const config = readBotConfig({ DISCORD_TOKEN: SECRET, DISCORD_CLIENT_ID: CLIENT_ID, DATABASE_URL: '', FEEDBACK_RETENTION_DAYS: '' });
    expect(config.databaseUrl).toBe('sqlite:data/footnote.db');
    expect(config.retention).toEqual({ feedbackDays: 90, postedAnswerDays: 30 });
  });

  it('given a PostgreSQL URL and retention days, when read, then they are kept', () => {
    const config = readBotConfig({ DISCORD_TOKEN: SECRET, DISCORD_CLIENT_ID: CLIENT_ID, DATABASE_URL: 'postgres://bot:pw@127.0.0.1:5432/footnote', FEEDBACK_RETENTION_DAYS: '30', ANSWER_MEMORY_DAYS: '7' });
    expect(config.databaseUrl).toBe('postgres://bot:pw@127.0.0.1:5432/footnote');
    expect(config.retention).toEqual({ feedbackDays: 30, postedAnswerDays: 7 });
  });

  it('given a bad database URL and bad retention days, when read, then each variable is named and the password is never printed', () => {
    // when
    const error = errorOf({
      DISCORD_TOKEN: SECRET,
      DISCORD_CLIENT_ID: CLIENT_ID,
      DATABASE_URL: 'mysql://bot:hunter2-db-password@db/footnote',
      FEEDBACK_RETENTION_DAYS: 'ninety',
      ANSWER_MEMORY_DAYS: '0',
    });
    // then
    expect(error.message).toContain('DATABASE_URL must be sqlite:PATH');
    expect(error.message).toContain('FEEDBACK_RETENTION_DAYS');
    expect(error.message).toContain('ANSWER_MEMORY_DAYS must be at least 1 day');
    expect(error.message).not.toContain('hunter2-db-password');
  });

  it('given only store variables (a script without Discord), when the store config is read, then no token is needed and bad values are named', () => {
    expect(readStoreConfig({ ANSWER_MEMORY_DAYS: '7' })).toEqual({ databaseUrl: 'sqlite:data/footnote.db', retention: { feedbackDays: 90, postedAnswerDays: 7 } });
    expect(() => readStoreConfig({ DATABASE_URL: 'redis://x' })).toThrow(/DATABASE_URL must be/);
  });
});

describe('question limit configuration', () => {
  const base = { DISCORD_TOKEN: SECRET, DISCORD_CLIENT_ID: CLIENT_ID };

  it('given nothing set, then five questions in a row and one more every 10 s', () => {
    expect(readBotConfig(base).questionLimit).toEqual({ burst: 5, refillMs: 10_000 });
  });

  it('given QUESTION_BURST and QUESTION_REFILL_SECONDS, then they are used', () => {
    expect(readBotConfig({ ...base, QUESTION_BURST: '8', QUESTION_REFILL_SECONDS: '2.5' }).questionLimit).toEqual({ burst: 8, refillMs: 2_500 });
  });

  it('given a burst below three or a refill that is not a positive number, then the variables are named', () => {
    const message = errorOf({ ...base, QUESTION_BURST: '2', QUESTION_REFILL_SECONDS: 'soon' }).message;
    expect(message).toContain('QUESTION_BURST must be at least 3 (a question and two follow-ups)');
    expect(message).toContain('QUESTION_REFILL_SECONDS');
  });
});

describe('ingestion contact configuration (INGEST_CONTACT)', () => {
  const base = { DISCORD_TOKEN: SECRET, DISCORD_CLIENT_ID: CLIENT_ID };

  it.each(['https://ops.example.org/footnote', 'http://intranet.example/bot-owner', 'footnote-ops@example.org'])('given %s, when read, then the bot and the ingest commands both name it', (contact) => {
    expect(readBotConfig({ ...base, INGEST_CONTACT: contact }).ingestContact).toBe(contact);
    expect(readIngestConfig({ INGEST_CONTACT: contact })).toEqual({ ingestContact: contact });
  });

  it('given nothing or an empty value (as "INGEST_CONTACT=" in .env), then there is no contact', () => {
    expect(readBotConfig(base).ingestContact).toBeUndefined();
    expect(readIngestConfig({ INGEST_CONTACT: ' ' })).toEqual({});
  });

  it.each([
    ['ftp://ops.example.org/', 'must be an http(s) URL or an e-mail address'],
    ['call Alice on Mondays', 'must be an http(s) URL or an e-mail address'],
    ['https://ops.example.org/(bot)', 'must be plain ASCII without spaces, parentheses or backslashes'],
    ['https://opérations.example.org/', 'must be plain ASCII without spaces, parentheses or backslashes'],
  ])('given %s, when read, then INGEST_CONTACT is named with why', (contact, why) => {
    expect(errorOf({ ...base, INGEST_CONTACT: contact }).message).toContain(`INGEST_CONTACT ${why}`);
    expect(() => readIngestConfig({ INGEST_CONTACT: contact })).toThrow(`INGEST_CONTACT ${why}`);
  });

  it('given a URL holding a password, when read, then INGEST_CONTACT is refused without printing the password', () => {
    // when
    const error = errorOf({ ...base, INGEST_CONTACT: `https://ops:${SECRET}@example.org/footnote` });
    // then
    expect(error.message).toContain('INGEST_CONTACT must not hold a user name or password');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });
});
