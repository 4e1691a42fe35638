/**
 * What the playground's browser tests share: how Chromium is started here, and the playground
 * over the shipped knowledge with the unchanged bot behind it.
 */
import { join } from 'node:path';
import { createJsonLogger } from '../../src/discord/logger.js';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { ensureBuilt } from './cli.js';
import { REPO_ROOT, SHIPPED_KNOWLEDGE } from './knowledge.js';

/**
 * Chromium's flags for tests on this machine: headless, and none of the background connections
 * a closed network refuses (see the env notes on Debian's chromium).
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the playground on a free port over the shipped knowledge, serving the page's modules as
 * built (`dist/src/playground/client/*.js`). The index stays in memory, so the read-only shipped
 * folder gets no cache file; the bot's warnings go to `botLogs` when given.
 *
 * @example const playground = await startShippedPlayground(botLogs); … await playground.close();
 */
export async function startShippedPlayground(botLogs?: string[]): Promise<Playground> {
  ensureBuilt();
  return startPlayground({
    knowledgeDir: SHIPPED_KNOWLEDGE,
    port: 0,
    assetsDir: join(REPO_ROOT, 'dist', 'src', 'playground'),
    bot: {
      service: await createKnowledgeService(SHIPPED_KNOWLEDGE, { open: (dir) => openIndex(dir, { cacheDir: false }) }),
      questionLimit: 'off',
      logger: createJsonLogger({ level: 'warn', write: (line) => botLogs?.push(line) }),
    },
  });
}
