/**
 * `npm run playground -- [--port N] [--knowledge DIR] [--host H --allow-remote]`: the bot in a
 * Discord-like web page on this computer, no Discord account needed. Stops on SIGINT/SIGTERM.
 */
import { knowledgeDirFor, processEnv } from '../config.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { parsePlaygroundArgs, PlaygroundOptionError } from './options.js';
import { startPlayground } from './playground.js';

try {
  const args = parsePlaygroundArgs(process.argv.slice(2));
  const env = processEnv();
  const knowledgeDir = knowledgeDirFor(args.knowledgeDir, env);
  const logLevel = env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'info' || env.LOG_LEVEL === 'error' ? env.LOG_LEVEL : 'warn';
  const playground = await startPlayground({ knowledgeDir, port: args.port, host: args.host, allowRemote: args.allowRemote, logLevel });
  console.log(`Footnote playground (knowledge: ${knowledgeDir}): ${playground.url}\nPress Ctrl+C to stop.`);
  const stop = (): void => {
    void playground.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof PlaygroundOptionError) console.error(error.message);
  else if (error instanceof KnowledgeError) console.error(`The knowledge folder has problems; fix them and start again:\n${error.message}`);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') console.error(`${error.message}: pick another --port (0 = any free one).`);
  else console.error(error);
  process.exit(1);
}
