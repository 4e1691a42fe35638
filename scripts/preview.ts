/**
 * `npm run preview -- "question" [--out FILE] [--knowledge DIR] [--hide]`: writes an HTML page
 * showing the embed the bot would send for the question (default `tmp/preview.html`, gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { knowledgeDirFor, processEnv } from '../src/config.js';
import { renderPreviewHtml } from '../src/discord/preview-html.js';
import { ANSWER_PAGE_SIZE, renderAnswer } from '../src/discord/render/answer.js';
import { toDiscordPayload } from '../src/discord/respond.js';
import { KnowledgeError } from '../src/knowledge/errors.js';
import { createKnowledgeService } from '../src/service/knowledge-service.js';

const USAGE = 'usage: npm run preview -- "question" [--out FILE] [--knowledge DIR] [--hide]';
/** Where the page goes without --out (the repository's tmp/ is gitignored). */
const DEFAULT_OUT = 'tmp/preview.html';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, knowledge: { type: 'string' }, hide: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
const question = positionals.join(' ').trim();
if (values.help === true || question === '') {
  console.log(USAGE);
  process.exit(question === '' && values.help !== true ? 1 : 0);
}

try {
  const service = await createKnowledgeService(knowledgeDirFor(values.knowledge, processEnv()));
  const page = await service.ask(question, { limit: ANSWER_PAGE_SIZE });
  const payload = toDiscordPayload(renderAnswer(page, { askerId: '0', hidden: values.hide }));
  const out = resolve(values.out ?? DEFAULT_OUT);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderPreviewHtml(payload, { title: question, ...(values.hide ? { note: 'Only you can see this' } : {}) }));
  console.log(`Wrote ${out} (${page.answer.answered ? `answered, confidence ${page.answer.confidence}` : 'abstained'})`);
} catch (error) {
  console.error(error instanceof KnowledgeError ? error.message : error);
  process.exit(1);
}
