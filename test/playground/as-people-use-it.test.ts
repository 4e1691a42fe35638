/**
 * The answer as people meet it (issue 14): the playground driven the way a new user drives it —
 * typing key by key, at phone (400 px), tablet (768 px) and desktop (1280 px) widths — checking
 * after every step that nothing scrolls sideways, nothing is posted twice and no file path shows.
 * With UPDATE_DOCS_SCREENSHOT=1 it also refreshes the screenshots in docs/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPreviewHtml } from '../../src/discord/preview-html.js';
import { ANSWER_PAGE_SIZE, renderAnswer } from '../../src/discord/render/answer.js';
import { toDiscordPayload } from '../../src/discord/respond.js';
import type { Playground } from '../../src/playground/playground.js';
import { openIndex } from '../../src/retrieval/open-index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { REPO_ROOT, SHIPPED_KNOWLEDGE } from '../helpers/knowledge.js';
import { browserRequirement, gate } from '../helpers/requirements.js';
import { CHROMIUM_ARGS, startShippedPlayground } from '../helpers/playground.js';

const BROWSER = browserRequirement();
/** Whether a usable Chromium was found; otherwise one skipped (or, under CI, failing) test says so. */
const browserRuns = gate(BROWSER);
/** Waits for something the bot does (a reply, an edit); generous for a loaded CI machine. */
const BOT_MS = 10_000;
/** A question the shipped article answers well (confidence high, the first excerpt answers it). */
const GOOD_QUESTION = 'Who is Matthew Olsen?';
/** A question with more than one page of results. */
const PAGED_QUESTION = 'Which countries interfered in the 2024 US elections?';
/** Questions it cannot answer, one per width (each answer is then told apart by its title). */
const OUT_OF_SCOPE = { phone: 'Who won the 2024 election?', tablet: 'Who won the election in 2024?', desktop: 'Which party won the 2024 election?' } as const;
/** Widths people use: a phone, a tablet, a desktop. */
const WIDTHS = { phone: { width: 400, height: 800 }, tablet: { width: 768, height: 1024 }, desktop: { width: 1280, height: 860 } } as const;
type Width = keyof typeof WIDTHS;
/** What a path on the bot's disk looks like in text (never shown to members). */
const PATH_LEAK = /knowledge\/|\.txt\b|\.md\b/;
/** Screenshots for the README and the issue are written only when asked (they change every run). */
const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOT === '1';

let playground: Playground;
let browser: Browser;
const pages: Page[] = [];
const pageErrors: string[] = [];
const botLogs: string[] = [];

beforeAll(async () => {
  const executablePath = BROWSER.path;
  if (!browserRuns || executablePath === undefined) return;
  playground = await startShippedPlayground(botLogs);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

/** A fresh page at a width, acting as the member, ready to type. */
async function open(width: Width): Promise<Page> {
  const page = await browser.newPage({ viewport: WIDTHS[width] });
  page.setDefaultTimeout(BOT_MS); // a step that cannot happen fails with its name, not the test's timeout
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
  await page.goto(playground.url);
  await page.waitForSelector('body[data-ready="true"]');
  pages.push(page);
  return page;
}

/** Types key by key into the composer, as people do, then presses Enter. */
async function typeAndSend(page: Page, text: string): Promise<void> {
  await page.locator('#input').pressSequentially(text);
  await page.keyboard.press('Enter');
}

/** Types and sends, then waits for a new message titled `title` (others may already be in the channel). */
async function askAndWait(page: Page, text: string, title: string, part = '.embed-description'): Promise<Locator> {
  const all = page.locator('.message', { has: page.locator('.embed-title', { hasText: exactly(title) }) });
  const before = await all.count();
  await typeAndSend(page, text);
  await expect.poll(() => all.count(), { timeout: BOT_MS }).toBeGreaterThan(before);
  // Pinned by id: a later message with the same title (a private copy) must not take its place.
  const id = await all.last().getAttribute('data-id');
  const answer = page.locator(`.message[data-id="${id}"]`);
  await answer.locator(part).first().waitFor({ timeout: BOT_MS });
  return answer;
}

const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The newest message whose embed has exactly this title. */
const answerTitled = (page: Page, title: string): Locator =>
  page.locator('.message', { has: page.locator('.embed-title', { hasText: exactly(title) }) }).last();

/** Horizontal overflow of the page and of the message list, in px (0 when nothing scrolls sideways). */
/** As a person does: types `/source Analysis`, picks the section from autocomplete, sends, and waits for it. */
async function openAnalysisSection(page: Page): Promise<Locator> {
  await page.locator('#input').pressSequentially('/source Analysis');
  await expect.poll(() => page.locator('#popup .popup-item .name').allTextContents(), { timeout: BOT_MS }).toContainEqual(expect.stringMatching(/› Analysis$/));
  await page.locator('#popup .popup-item', { hasText: /› Analysis$/ }).first().click();
  await page.keyboard.press('Enter');
  const source = answerTitled(page, 'Foreign interference in the 2024 United States elections › Analysis');
  await source.locator('.embed-description').waitFor({ timeout: BOT_MS });
  return source;
}

async function sidewaysScroll(page: Page): Promise<number> {
  return (await page.evaluate(`(() => {
    const doc = document.documentElement, list = document.getElementById('messages');
    return Math.max(doc.scrollWidth - doc.clientWidth, document.body.scrollWidth - document.body.clientWidth, list.scrollWidth - list.clientWidth);
  })()`)) as number;
}

/** Public copies of an answer in the channel, as the fake Discord stored them. */
const publicCopies = (title: string): number =>
  playground.fake.messages().filter((m) => (m.flags ?? 0) === 0 && m.embeds.some((e) => e.title === title)).length;

/** What every step must leave true: no sideways scroll, no path on screen, no duplicate public post. */
async function expectTidy(page: Page, titles: readonly string[] = []): Promise<void> {
  expect(await sidewaysScroll(page), (await overflowing(page)).join('\n')).toBeLessThanOrEqual(0);
  expect(await page.locator('#messages').innerText()).not.toMatch(PATH_LEAK);
  for (const title of titles) expect(publicCopies(title), title).toBeLessThanOrEqual(1);
}

/** The elements wider than the window, for a readable failure. */
async function overflowing(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('body *')].filter((n) => n.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && n.getBoundingClientRect().width > 0 && getComputedStyle(n).position !== 'fixed' && !n.closest('.guilds, .sidebar')).slice(0, 5).map((n) => n.tagName + '.' + n.className + ' ' + Math.round(n.getBoundingClientRect().right))`)) as string[];
}

/**
 * Saves a screenshot in tmp/ (gitignored) and, when asked, in docs/ (desktop and phone only: the
 * README and the issue show those). A message taller than the window is shown as a person sees
 * it: scrolled to its top, the window's worth of it.
 */
async function shoot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
  let take = (path: string): Promise<unknown> => target.screenshot({ path });
  if ('page' in target) {
    const page = target.page();
    const box = await target.boundingBox();
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    if (box && box.height > viewport.height - 60) {
      await target.evaluate((n) => (n as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
      // The window's worth of the message, from the chat's left edge to just past the embed.
      const x = Math.max(0, box.x);
      take = (path) => page.screenshot({ path, clip: { x, y: 0, width: Math.min(viewport.width - x, box.width), height: viewport.height } });
    }
  }
  await take(join(REPO_ROOT, 'tmp', name));
  if (UPDATE_DOCS && !name.includes('tablet')) await take(join(REPO_ROOT, 'docs', name));
}

describe.runIf(browserRuns).each(Object.keys(WIDTHS) as Width[])('at %s width', (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await open(width);
  });

  it('given the page, then the chat fills the width, sidebars are out of the way and nothing scrolls sideways', async () => {
    const { width: viewport } = WIDTHS[width];
    const chat = await page.locator('.chat').boundingBox();
    const input = await page.locator('#input').boundingBox();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    if (width === 'phone') {
      // Regression: both sidebars stayed, the chat column was 88 px wide.
      expect(chat!.width).toBeGreaterThanOrEqual(viewport - 1);
      expect(input!.width).toBeGreaterThan(300);
      expect(await page.locator('.sidebar').evaluate((n) => n.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Show channels' }).click();
      await expect.poll(() => page.locator('.sidebar').evaluate((n) => n.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.sidebar').evaluate((n) => n.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
      // The welcome text reads in lines, not one word per line.
      expect((await page.locator('.welcome p').boundingBox())!.width).toBeGreaterThan(300);
    } else {
      expect(await page.getByRole('button', { name: 'Show channels' }).isVisible()).toBe(false);
    }
    // Regression (768 px): "Acting as" wrapped above the selector.
    const select = (await page.locator('#user-select').boundingBox())!;
    const label = page.locator('.acting-as-label');
    if (await label.isVisible()) {
      const box = (await label.boundingBox())!;
      expect(Math.abs(box.y + box.height / 2 - (select.y + select.height / 2))).toBeLessThan(8);
    }
    expect(await page.locator('#user-select option').allTextContents()).toEqual(['Alice (member)', 'Morgan (moderator)']);
  });

  // Regression: with the COMMANDS popup still open, Enter picked /ask again and wiped the question.
  it('given "/ask <question>" typed key by key, when Enter is pressed, then the question is sent and answered', async () => {
    const answer = await askAndWait(page, `/ask ${GOOD_QUESTION}`, GOOD_QUESTION, '.embed-field');
    expect(await page.inputValue('#input')).toBe('');
    expect(await page.locator('#popup').isHidden()).toBe(true);
    expect(await answer.locator('.embed-description').textContent()).toMatch(/^Confidence: high\./);
    expect(await answer.locator('.embed-field-value').first().textContent()).toContain('Matthew G. Olsen');
    await expectTidy(page);
    await answer.scrollIntoViewIfNeeded();
    await shoot(answer, `answer-${width}.png`);
    if (width === 'desktop') await shoot(page, 'playground.png');
    if (width === 'phone') await shoot(page, 'playground-phone.png');
  });

  it('given "/as", Tab, then the question, when Enter is pressed, then it is sent too (as after clicking the command)', async () => {
    const question = `Which countries interfered? (${width}, tab)`;
    await page.locator('#input').pressSequentially('/as');
    await page.locator('#popup .popup-item').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.inputValue('#input')).toBe('/ask ');
    await typeAndSend(page, question);
    await answerTitled(page, question).locator('.embed').waitFor({ timeout: BOT_MS });
    // and by clicking the command in the popup
    const clicked = `What did Russia do? (${width}, click)`;
    await page.locator('#input').pressSequentially('/a');
    await page.locator('#popup .popup-item', { hasText: '/ask' }).click();
    await typeAndSend(page, clicked);
    await answerTitled(page, clicked).locator('.embed').waitFor({ timeout: BOT_MS });
    await expectTidy(page);
  });

  it('given a question the sources do not cover, then the abstention speaks plainly and lists the closest passages one short line each', async () => {
    const question = OUT_OF_SCOPE[width];
    const answer = await askAndWait(page, `/ask ${question}`, question);
    const text = (await answer.locator('.embed-description').textContent()) ?? '';
    expect(text).toMatch(/^The sources don't say\./);
    expect(text).not.toMatch(/knowledge|most common words/i);
    expect(await answer.locator('.embed-field').count()).toBe(0);
    const lines = await answer.locator('.embed-description').evaluate((n) => (n as unknown as { innerText: string }).innerText.split('\n').filter((l) => l.startsWith('•')));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.length).toBeLessThan(200);
    expect(await answer.locator('.button').allTextContents()).toEqual(['Delete', '👍', '👎']);
    await expectTidy(page);
    await answer.scrollIntoViewIfNeeded();
    await shoot(answer, `abstention-${width}.png`);
  });
});

describe.runIf(browserRuns)('at desktop width, the rest of what people do', () => {
  let page: Page;
  beforeAll(async () => {
    page = pages.find((p) => p.viewportSize()?.width === WIDTHS.desktop.width) ?? (await open('desktop'));
  });

  async function actAs(user: 'member' | 'moderator'): Promise<void> {
    await page.selectOption('#user-select', user);
  }

  // Regression: Post publicly could be pressed twice, and the copy did not say who asked.
  it('given a hidden answer, when "Post publicly" is clicked twice, then one public copy says who asked and the button is spent', async () => {
    const question = 'Iran hack campaign';
    await typeAndSend(page, `/ask query: ${question} hide: true`);
    const hidden = page.locator('.message.ephemeral', { has: page.locator('.embed-title', { hasText: question }) });
    await hidden.locator('.embed-field').first().waitFor({ timeout: BOT_MS });
    const post = hidden.getByRole('button', { name: 'Post publicly' });
    await post.click();
    await post.click({ force: true, timeout: 1000 }).catch(() => undefined); // a second, impatient click
    const shared = page.locator('.message:not(.ephemeral)', { has: page.locator('.embed-title', { hasText: question }) });
    await shared.locator('.embed-field').first().waitFor({ timeout: BOT_MS });
    await expect.poll(() => hidden.locator('.button', { hasText: 'Posted publicly' }).isDisabled(), { timeout: BOT_MS }).toBe(true);
    await new Promise((r) => setTimeout(r, 500)); // room for a second copy to arrive, were there one
    expect(await shared.count()).toBe(1);
    expect(publicCopies(question)).toBe(1);
    expect(await shared.locator('.content').textContent()).toBe('Asked by @Alice');
    await expectTidy(page, [question]);
  });

  it('given an answer, when "More context" is clicked, then the context links back to it and shows no file path', async () => {
    const answer = answerTitled(page, GOOD_QUESTION);
    await answer.getByRole('button', { name: 'More context' }).click();
    const context = page.locator('.message.ephemeral', { has: page.locator('.embed-title', { hasText: /^Context:/ }) }).last();
    await context.waitFor({ timeout: BOT_MS });
    expect(await context.locator('.content a').textContent()).toBe('this message');
    expect(await context.locator('.content a').getAttribute('href')).toMatch(/^https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+$/);
    expect(await context.locator('.embed-footer').textContent()).toBe(
      'Foreign interference in the 2024 United States elections · CC BY-SA 4.0 · https://en.wikipedia.org/wiki/Foreign_interference_in_the_2024_United_States_elections',
    );
    await expectTidy(page);
  });

  it('given a moderator\'s public answer, when a member pages it, then the member gets an own copy and the answer stays as it was', async () => {
    await actAs('moderator');
    const question = PAGED_QUESTION;
    const answer = await askAndWait(page, `/ask ${question}`, question, '.embed-field');
    await actAs('member');
    const before = await answer.locator('.embed-field-value').allTextContents();
    await answer.getByRole('button', { name: 'Next results' }).click();
    const copy = page.locator('.message.ephemeral', { has: page.locator('.embed-title', { hasText: question }) }).last();
    await copy.locator('.embed-field').first().waitFor({ timeout: BOT_MS });
    expect(await copy.locator('.embed-description').textContent()).toMatch(/^Results 4–6: lower-ranked passages that match the question less well/);
    expect(await copy.locator('.embed-field-name').allTextContents()).toEqual(['Excerpt 4', 'Excerpt 5', 'Excerpt 6']);
    expect(await copy.locator('.button').allTextContents()).toEqual(['More context', 'Previous results', 'Next results', 'Post publicly', '👍', '👎', 'Save as tag']);
    expect(await answer.locator('.embed-field-value').allTextContents()).toEqual(before);
    await copy.scrollIntoViewIfNeeded();
    await shoot(copy, 'paging-desktop.png');
    // the moderator may page the answer itself
    await actAs('moderator');
    await answer.getByRole('button', { name: 'Next results' }).click();
    await expect.poll(() => answer.locator('.embed-field-name').first().textContent(), { timeout: BOT_MS }).toBe('Excerpt 4');
    await actAs('member');
    await expectTidy(page, [question]);
  });

  it('given "target: Morgan" (the display name), when asked, then the answer is addressed to Morgan', async () => {
    await typeAndSend(page, `/ask query: ${GOOD_QUESTION} target: Morgan`);
    const addressed = page.locator('.message', { has: page.locator('.content', { hasText: 'this answer is for you' }) }).last();
    await addressed.waitFor({ timeout: BOT_MS });
    expect(await addressed.locator('.content .mention').textContent()).toBe('@Morgan');
    expect(await page.locator('.message.notice').count()).toBe(0);
  });

  it('given a member, when typing "/", then moderator commands are not offered; a moderator sees /reload', async () => {
    await page.locator('#input').pressSequentially('/');
    await page.locator('#popup .popup-item').first().waitFor();
    expect(await page.locator('#popup .popup-item .name').allTextContents()).not.toContain('/reload');
    await page.keyboard.press('Escape');
    await page.fill('#input', '');
    await actAs('moderator');
    await page.locator('#input').pressSequentially('/');
    await page.locator('#popup .popup-item').first().waitFor();
    expect(await page.locator('#popup .popup-item .name').allTextContents()).toContain('/reload');
    await page.keyboard.press('Escape');
    await page.fill('#input', '');
    await actAs('member');
  });

  it('given /search being typed, then the suggestions lead with the section and snippet, not the long title', async () => {
    await page.locator('#input').pressSequentially('/search Iran');
    await expect.poll(() => page.locator('#popup .popup-title').textContent(), { timeout: BOT_MS }).toMatch(/Suggestions from Footnote/);
    const names = await page.locator('#popup .popup-item .name').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name).not.toMatch(/^Foreign interference in the 2024/);
    await page.keyboard.press('Escape');
    await page.fill('#input', '');
  });

  it('given /sources and /source Analysis, then dates, named links and verbatim paragraphs show, and no file path', async () => {
    const sources = await askAndWait(page, '/sources', 'Sources (1 document)', '.embed-field');
    const field = (await sources.locator('.embed-field-value').first().textContent()) ?? '';
    expect(field).toMatch(/^en\.wikipedia\.org · CC BY-SA 4\.0 · /);
    expect(field).toMatch(/(fetched|last revised|file changed) /);
    const source = await openAnalysisSection(page);
    const repeated = 'However, Iran has also targeted the Biden and Harris campaigns';
    expect(((await source.locator('.embed-description').textContent()) ?? '').split(repeated).length - 1).toBe(1);
    await expectTidy(page);
    await source.scrollIntoViewIfNeeded();
    await shoot(source, 'source-desktop.png');
  });

  it('given Footnote\'s own answer, when "Find sources" is chosen on it, then its question is looked up', async () => {
    // an answer that is only an embed (not the one addressed to Morgan, which has text)
    const answer = page.locator('.message', { has: page.locator('.embed-title', { hasText: exactly(GOOD_QUESTION) }), hasNot: page.locator('.content') }).last();
    // as a person does: scroll to it, then right-click (scrolling closes an open menu, as on Discord)
    await answer.locator('.message-header').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await answer.locator('.message-header').click({ button: 'right' });
    await page.locator('#context-menu').getByRole('menuitem', { name: 'Find sources' }).click();
    const found = page.locator('.message', { has: page.locator('.reply-line', { hasText: 'Find sources' }) }).last();
    await found.locator('.embed-field').first().waitFor({ timeout: BOT_MS });
    expect(await found.locator('.embed-title').textContent()).toBe(GOOD_QUESTION);
    await expectTidy(page);
  });
});

describe.runIf(browserRuns)('at phone width, /source and paging', () => {
  it('given /source and a paged answer on a phone, then they fit the width', async () => {
    const page = pages.find((p) => p.viewportSize()?.width === WIDTHS.phone.width)!;
    const source = await openAnalysisSection(page);
    await expectTidy(page);
    await source.scrollIntoViewIfNeeded();
    await shoot(source, 'source-phone.png');

    const answer = await askAndWait(page, `/ask ${PAGED_QUESTION}`, PAGED_QUESTION, '.embed-field');
    expect(await answer.locator('.button').allTextContents()).toEqual(['More context', 'Next results', 'Delete', '👍', '👎', 'Save as tag']);
    await answer.getByRole('button', { name: 'Next results' }).click();
    await expect.poll(() => answer.locator('.embed-field-name').first().textContent(), { timeout: BOT_MS }).toBe('Excerpt 4');
    await expectTidy(page);
    await answer.scrollIntoViewIfNeeded();
    await shoot(answer, 'paging-phone.png');
  });

  it('given the answer as `npm run preview` renders it, then the preview shows the same excerpt as the playground (one markdown reader)', async () => {
    const service = await createKnowledgeService(SHIPPED_KNOWLEDGE, { open: (dir) => openIndex(dir, { cacheDir: false }) });
    const answer = await service.ask(GOOD_QUESTION, { limit: ANSWER_PAGE_SIZE });
    const html = renderPreviewHtml(toDiscordPayload(renderAnswer(answer, { askerId: '0', hidden: false })), { title: GOOD_QUESTION });
    const preview = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await preview.setContent(html);
    const shown = await preview.locator('.field').first().innerText();
    const played = await answerTitled(pages[0]!, GOOD_QUESTION).locator('.embed-field').first().innerText();
    expect(shown.replace(/\s+/g, ' ')).toBe(played.replace(/\s+/g, ' '));
    expect(await preview.locator('.field strong').allTextContents()).toEqual(await answerTitled(pages[0]!, GOOD_QUESTION).locator('.embed-field').first().locator('strong').allTextContents());
    await shoot(preview.locator('.msg'), 'answer-preview.png');
    await preview.close();
  });

  it('given the whole session, then no page logged an error and the bot logged none', () => {
    expect(pageErrors).toEqual([]);
    expect(botLogs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});
