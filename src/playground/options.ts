/**
 * The playground's command line: `--port`, `--host`, `--knowledge`, `--allow-remote`. The page
 * drives a bot as any user, so it is reachable from this computer only unless asked otherwise.
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';

/** Port used without `--port`. */
export const DEFAULT_PORT = 3000;
/** Address bound without `--host`. */
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = 'usage: npm run playground -- [--port N (default 3000, 0 = any free)] [--knowledge DIR] [--host H --allow-remote]';

/** Settings of the playground. */
export interface PlaygroundArgs {
  readonly port: number;
  readonly host: string;
  /** Undefined: `KNOWLEDGE_DIR`, then `knowledge`. */
  readonly knowledgeDir?: string;
  readonly allowRemote: boolean;
}

/** A command-line or bind problem, meant for the person who started the playground. */
export class PlaygroundOptionError extends Error {
  override readonly name = 'PlaygroundOptionError';
}

/**
 * True for names and addresses that only this computer can reach: `localhost`, 127.0.0.0/8, ::1
 * (also written `[::1]` or as an IPv4-mapped address).
 *
 * @example isLoopbackHost('127.0.0.1') // true
 * @example isLoopbackHost('0.0.0.0') // false
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  return isIP(h) === 6 && /^(0*:)*:?0*1$/.test(h);
}

/**
 * Refuses to serve on an address other computers could reach, unless `allowRemote` says so.
 *
 * @example assertBindable('0.0.0.0', false) // throws PlaygroundOptionError
 */
export function assertBindable(host: string, allowRemote: boolean): void {
  if (isLoopbackHost(host) || allowRemote) return;
  throw new PlaygroundOptionError(
    `refusing to serve the playground on ${host}: anyone who can reach it can use the bot as any user. ` +
      'Use a loopback address (127.0.0.1, ::1, localhost), or add --allow-remote if you really mean it.',
  );
}

/**
 * Reads the command line (without `node` and the script).
 *
 * @example parsePlaygroundArgs(['--port', '0']) // { port: 0, host: '127.0.0.1', allowRemote: false }
 */
export function parsePlaygroundArgs(argv: readonly string[]): PlaygroundArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        knowledge: { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new PlaygroundOptionError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? String(DEFAULT_PORT)) || port > 65_535) {
    throw new PlaygroundOptionError(`--port must be a number from 0 to 65535\n${USAGE}`);
  }
  const host = values.host ?? DEFAULT_HOST;
  const allowRemote = values['allow-remote'] === true;
  assertBindable(host, allowRemote);
  return { port, host, allowRemote, ...(values.knowledge === undefined ? {} : { knowledgeDir: values.knowledge }) };
}
