import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/discord/logger.js';

const TOKEN = 'MTIzNDU2Nzg5.Gx-secret.token_value';

/** A logger at debug level that collects its lines. */
function collecting(secrets: string[] = [TOKEN], level: 'debug' | 'warn' = 'debug'): { lines: string[]; logger: ReturnType<typeof createJsonLogger> } {
  const lines: string[] = [];
  return { lines, logger: createJsonLogger({ level, secrets, write: (line) => lines.push(line), clock: () => 0 }) };
}

describe('the JSON logger', () => {
  it('writes one JSON line per event, with time, level and event first', () => {
    const { lines, logger } = collecting();
    logger.info('interaction', { command: 'ask', latencyMs: 12 });
    expect(lines).toEqual(['{"time":"1970-01-01T00:00:00.000Z","level":"info","event":"interaction","command":"ask","latencyMs":12}']);
  });

  it('drops events below its level', () => {
    const { lines, logger } = collecting([TOKEN], 'warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['c']);
  });

  it('redacts the token wherever it appears: an error message and stack, a nested value, a URL', () => {
    const { lines, logger } = collecting();
    const error = new Error(`401 for Bot ${TOKEN}`);
    logger.error('failed', { error, request: { url: `https://discord.com/api?token=${TOKEN}`, headers: [`Bot ${TOKEN}`] } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).not.toContain('Gx-secret');
    expect(JSON.parse(lines[0]!)).toMatchObject({ error: { message: '401 for Bot [redacted]' }, request: { url: 'https://discord.com/api?token=[redacted]' } });
  });

  it('redacts a secret that JSON has to escape', () => {
    const quoted = 'pass"word\\with';
    const { lines, logger } = collecting([quoted]);
    logger.warn('login', { secret: quoted });
    expect(JSON.parse(lines[0]!)).toMatchObject({ secret: '[redacted]' });
  });

  it('given fields that JSON cannot write (a cycle, a BigInt), then it still writes the event and never throws', () => {
    const { lines, logger } = collecting();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => logger.error('weird', { cyclic, big: 1n })).not.toThrow();
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', event: 'weird', logError: expect.stringMatching(/^fields could not be written as JSON: /) });
  });
});
