/**
 * What a test over an outside resource does: run when it is there, skip with one line saying how
 * to enable it, or fail when the run requires it (CI).
 */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch, scratchDir } from '../helpers/knowledge.js';
import { browserRequirement, chromiumCandidates, decide, findChromium, sharedRequirement } from '../helpers/requirements.js';

afterAll(removeScratch);

/** A file in a scratch folder, executable or not. */
async function fileIn(name: string, executable: boolean): Promise<string> {
  const path = join(await scratchDir(), name);
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, executable ? 0o755 : 0o644);
  return path;
}

describe('finding Chromium', () => {
  it('given CHROMIUM_PATH names an executable, then it is used before the usual locations', async () => {
    const browser = await fileIn('chromium', true);
    expect(findChromium({ CHROMIUM_PATH: browser })).toBe(browser);
    expect(chromiumCandidates({ CHROMIUM_PATH: browser })[1]).toBe('/usr/bin/chromium');
  });

  it('given CHROMIUM_PATH is missing or not executable, then the next candidate is used', async () => {
    const notExecutable = await fileIn('chromium', false);
    const fallback = await fileIn('chrome', true);
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent', FOOTNOTE_CHROMIUM_CANDIDATES: fallback })).toBe(fallback);
    expect(findChromium({ CHROMIUM_PATH: notExecutable, FOOTNOTE_CHROMIUM_CANDIDATES: fallback })).toBe(fallback);
  });

  it('given a folder, or nothing usable anywhere, then no browser is found', async () => {
    const folder = await scratchDir();
    expect(findChromium({ CHROMIUM_PATH: folder, FOOTNOTE_CHROMIUM_CANDIDATES: '' })).toBeUndefined();
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent', FOOTNOTE_CHROMIUM_CANDIDATES: '' })).toBeUndefined();
  });
});

describe('deciding', () => {
  const noBrowser = { CHROMIUM_PATH: '/nonexistent', FOOTNOTE_CHROMIUM_CANDIDATES: '' };

  it('given a browser, then the browser tests run', async () => {
    const browser = await fileIn('chromium', true);
    expect(decide(browserRequirement({ CHROMIUM_PATH: browser, CI: 'true' }))).toEqual({ action: 'run' });
  });

  it('given no browser outside CI, then they are skipped with one line saying how to enable them', () => {
    const decision = decide(browserRequirement(noBrowser));
    expect(decision.action).toBe('skip');
    const line = decision.action === 'skip' ? decision.line : '';
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('no executable Chromium at /nonexistent');
    expect(line).toContain('set CHROMIUM_PATH');
  });

  it('given no browser under CI=true or FOOTNOTE_REQUIRE_BROWSER=1, then it is a failure', () => {
    expect(decide(browserRequirement({ ...noBrowser, CI: 'true' })).action).toBe('fail');
    expect(decide(browserRequirement({ ...noBrowser, FOOTNOTE_REQUIRE_BROWSER: '1' })).action).toBe('fail');
    expect(decide(browserRequirement({ ...noBrowser, CI: 'false' })).action).toBe('skip');
  });

  it('given shared data that is missing, then it is skipped outside CI and required under CI', () => {
    const missing = ['../no-such-shared/squad/knowledge'];
    expect(decide(sharedRequirement('the SQuAD bar', missing, {}))).toEqual({
      action: 'skip',
      line: 'the SQuAD bar: missing ../no-such-shared/squad/knowledge; to run it, put the shared evaluation data in ../shared beside the checkout or set FOOTNOTE_SHARED_DIR',
    });
    expect(decide(sharedRequirement('the SQuAD bar', missing, { CI: 'true' })).action).toBe('fail');
  });
});
