/**
 * `npm run playground -- [--port N] [--knowledge DIR] [--host H --allow-remote]`: the bot in a
 * Discord-like web page on this computer, no Discord account needed. Stops on SIGINT/SIGTERM,
 * and with its parent: the npm script `exec`s this process so npm's SIGTERM reaches it, and
 * should the parent die some other way, the playground notices and stops too.
 */
import { knowledgeDirFor, processEnv } from '../config.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { parsePlaygroundArgs, PlaygroundOptionError } from './options.js';
import { startPlayground } from './playground.js';

/** How often the playground checks that the process that started it is still there. */
const PARENT_CHECK_MS = 1000;

try {
  const args = parsePlaygroundArgs(process.argv.slice(2));
  const env = processEnv();
  const knowledgeDir = knowledgeDirFor(args.knowledgeDir, env);
  const logLevel = env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'info' || env.LOG_LEVEL === 'error' ? env.LOG_LEVEL : 'warn';
  const playground = await startPlayground({ knowledgeDir, port: args.port, host: args.host, allowRemote: args.allowRemote, logLevel });
  console.log(`Footnote playground (knowledge: ${knowledgeDir}): ${playground.url}\nPress Ctrl+C to stop.`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void playground.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  // An orphan is re-parented (to init or a subreaper): its parent id changes.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), PARENT_CHECK_MS).unref();
} catch (error) {
  if (error instanceof PlaygroundOptionError) console.error(error.message);
  else if (error instanceof KnowledgeError) console.error(`The knowledge folder has problems; fix them and start again:\n${error.message}`);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') console.error(`${error.message}: pick another --port (0 = any free one).`);
  else console.error(error);
  process.exit(1);
}
