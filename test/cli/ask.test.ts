import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex } from '../../src/retrieval/search-index.js';
import { formatAnswerForTerminal } from '../../src/cli/terminal-answer.js';
import { ensureBuilt, runAsk } from '../helpers/cli.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

beforeAll(ensureBuilt, 120_000);
afterAll(removeScratch);

const ANIMALS = { 'animals.md': '# Animals\n\nThe zebra crossed the river.\n\nThe lion slept in the shade.\n' };

interface JsonCitation { title: string; section: string; paragraph: number; source: string; url?: string; permalink?: string; fetchedAt?: string; file: string }
interface JsonExcerpt { text: string; score: number; citation: JsonCitation }
interface JsonAnswer { question: string; answered: boolean; confidence: string; excerpts: JsonExcerpt[] }

/** Parses every stdout line as JSON; a line that is not JSON fails the test. */
const jsonLines = (stdout: string): JsonAnswer[] => {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.slice(0, -1).split('\n').map((line) => JSON.parse(line) as JsonAnswer);
};

/** Checks one JSON answer has exactly the contract's fields, with their types. */
function expectContractShape(answer: JsonAnswer): void {
  expect(Object.keys(answer)).toEqual(['question', 'answered', 'confidence', 'excerpts']);
  expect(typeof answer.question).toBe('string');
  expect(typeof answer.answered).toBe('boolean');
  for (const excerpt of answer.excerpts) {
    expect(Object.keys(excerpt)).toEqual(['text', 'score', 'citation']);
    expect(typeof excerpt.text).toBe('string');
    expect(typeof excerpt.score).toBe('number');
    const keys = Object.keys(excerpt.citation);
    expect(keys).toEqual(['title', 'section', 'paragraph', 'source', ...(keys.includes('url') ? ['url'] : []), 'file']);
    // `file` is the knowledge file; `source` is its deprecated alias, kept for external scorers.
    expect(excerpt.citation.source).toBe(excerpt.citation.file);
    expect(Number.isInteger(excerpt.citation.paragraph)).toBe(true);
  }
}

describe('ask --json (the contract tools rely on)', () => {
  it('prints one JSON line for a question, and nothing else, through npm run -s ask', () => {
    // when
    const run = runAsk(['--json', 'When was the Foreign Malign Influence Center set up?'], { viaNpm: true });
    // then
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const [answer, ...rest] = jsonLines(run.stdout);
    expect(rest).toEqual([]);
    expectContractShape(answer!);
    expect(answer?.question).toBe('When was the Foreign Malign Influence Center set up?');
    expect(answer?.answered).toBe(true);
    expect(answer?.excerpts).toHaveLength(3);
    expect(answer?.excerpts[0]?.citation.title).toBe('Foreign interference in the 2024 United States elections');
    expect(answer?.excerpts[0]?.citation.url).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\/Foreign_interference_in_the_2024_United_States_elections#/);
  });

  it('answers questions from stdin one JSON line each, in order, skipping empty lines', () => {
    // given
    const input = 'Who wrote Hamlet?\n\nWhat did the FMIC do?\n   \nWhich countries interfered?\n';
    // when
    const run = runAsk(['--json'], { viaNpm: true, input });
    // then
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const answers = jsonLines(run.stdout);
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      ['Who wrote Hamlet?', false],
      ['What did the FMIC do?', true],
      ['Which countries interfered?', true],
    ]);
    answers.forEach(expectContractShape);
    // An abstention reports confidence "none", never "low".
    expect(answers.map((a) => a.confidence === 'none')).toEqual([true, false, false]);
  });

  it('trims each stdin question and reads Windows line endings', () => {
    const run = runAsk(['--json', '--limit', '1'], { input: '  What did the FMIC do?  \r\nWho wrote Hamlet?' });
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout).map((a) => a.question)).toEqual(['What did the FMIC do?', 'Who wrote Hamlet?']);
  });

  it.each([[1], [5]])('gives --limit %i excerpts', (limit) => {
    const run = runAsk(['--json', '--limit', String(limit), 'How did Russia, China and Iran interfere in the elections?']);
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout)[0]?.excerpts).toHaveLength(limit);
  });

  it('answers from the folder given with --knowledge, exactly as the library does', async () => {
    // given: a tiny folder, and the CLI run from beside it
    const root = await writeKnowledge(ANIMALS);
    const expected = answerQuestion(buildSearchIndex(await loadKnowledge(root)), 'zebra');
    // when
    const run = runAsk(['--json', '--knowledge', 'knowledge', 'zebra'], { cwd: dirname(root) });
    // then
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(jsonLines(run.stdout)).toEqual([
      {
        question: 'zebra',
        answered: true,
        confidence: 'high',
        excerpts: [
          {
            text: 'The **zebra** crossed the river.',
            score: expected.excerpts[0]?.score,
            citation: { title: 'Animals', section: '', paragraph: 1, source: 'knowledge/animals.md', file: 'knowledge/animals.md' },
          },
        ],
      },
    ]);
  });
});

describe('ask errors', () => {
  it('exits 1 with path:line: message on stderr for a bad knowledge folder', async () => {
    // given
    const root = await writeKnowledge({ ...ANIMALS, 'bad.md': '---\ntitle: ""\n---\nText.\n' });
    // when
    const run = runAsk(['--json', '--knowledge', 'knowledge', 'zebra'], { cwd: dirname(root) });
    // then
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^(\/.*\/)?knowledge\/bad\.md:2: front matter: title must be a non-empty string\n$/);
  });

  it('exits 1 naming a missing knowledge folder', async () => {
    const root = await writeKnowledge(ANIMALS);
    const run = runAsk(['--json', '--knowledge', 'missing', 'zebra'], { cwd: dirname(root) });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^(\/.*\/)?missing: knowledge folder not found\n$/);
  });

  // Bug: open-index.ts openIndex resolves the folder to an absolute path before loading it, so
  // `ask --knowledge knowledge` reports "/tmp/…/knowledge/bad.md:2: …" while validate-knowledge
  // reports "knowledge/bad.md:2: …"; KnowledgeProblem.path is documented as "the knowledge
  // folder as the caller gave it, joined with the file's relative path".
  it('names the bad file relative to the folder as it was given', async () => {
    const root = await writeKnowledge({ ...ANIMALS, 'bad.md': '---\ntitle: ""\n---\nText.\n' });
    const run = runAsk(['--json', '--knowledge', 'knowledge', 'zebra'], { cwd: dirname(root) });
    expect(run.stderr).toBe('knowledge/bad.md:2: front matter: title must be a non-empty string\n');
  });

  it.each([['0'], ['51'], ['2.5'], ['many']])('exits 2 for --limit %s, with the usage on stderr', (limit) => {
    const run = runAsk(['--json', '--limit', limit, 'zebra']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('--limit must be a whole number from 1 to 50');
    expect(run.stderr).toContain('usage: npm run ask --');
  });

  it('exits 2 for an unknown option', () => {
    const run = runAsk(['--bogus', 'zebra']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Unknown option '--bogus'/);
  });

  it('exits 2 asking for a question when there is none and no --json', () => {
    const run = runAsk([]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('Ask a question.');
  });
});

describe('ask for people (without --json)', () => {
  it('prints the excerpt with its citation', async () => {
    // given
    const root = await writeKnowledge(ANIMALS);
    // when
    const run = runAsk(['--knowledge', 'knowledge', 'zebra'], { cwd: dirname(root) });
    // then
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(['Answer (confidence: high)', '', '1. The zebra crossed the river.', '   — Animals ¶1', '     knowledge/animals.md', ''].join('\n'));
  });

  it('prints the link of a cited document that has one', () => {
    const run = runAsk(['--limit', '1', 'When was the Foreign Malign Influence Center set up?']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Answer (confidence: high)', '']);
    expect(lines[2]).toMatch(/^1\. In 2022, the Foreign Malign Influence Center/);
    expect(lines[3]).toBe('   — Foreign interference in the 2024 United States elections › Background ¶3');
    expect(lines[4]).toMatch(/^ {5}https:\/\/en\.wikipedia\.org\/wiki\/Foreign_interference_in_the_2024_United_States_elections#Background:~:text=/);
  });

  it('says why it does not answer', async () => {
    const root = await writeKnowledge(ANIMALS);
    const run = runAsk(['--knowledge', 'knowledge', 'Who wrote Hamlet?'], { cwd: dirname(root) });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("The sources don't say. They never mention “Hamlet”.\n");
  });

  // Regression: matched words came out as raw `**zebra**` on a terminal and in pipes.
  it('given no terminal, then matched words are plain text; given a terminal, then they are ANSI bold — never `**`', async () => {
    const root = await writeKnowledge(ANIMALS);
    const piped = runAsk(['--knowledge', 'knowledge', 'zebra'], { cwd: dirname(root) });
    expect(piped.stdout).not.toContain('**');
    expect(piped.stdout).not.toContain('\u001b[');
    const knowledge = await loadKnowledge(root);
    const answer = answerQuestion(buildSearchIndex(knowledge), 'zebra');
    const terminal = formatAnswerForTerminal(answer, true);
    expect(terminal).toContain('The \u001b[1mzebra\u001b[22m crossed the river.');
    expect(terminal).not.toContain('**');
  });

  it('given an abstention with close passages, then each is one short line, not a full excerpt', () => {
    const answer = {
      question: 'Who won?',
      answered: false,
      confidence: 'none' as const,
      reason: 'The closest passages share only the most common words of the knowledge with the question.',
      excerpts: [1, 2].map((n) => ({
        text: `${'long words '.repeat(40)}${n}`,
        score: 0.1,
        passageId: `p${n}`,
        citation: { title: 'Animals', section: 'Plains', paragraph: n, source: 'knowledge/animals.md' },
        excerpt: { text: `${'long words '.repeat(40)}${n}`, start: 0, end: 441, highlights: [] as [number, number][], cutBefore: false, cutAfter: false },
      })),
    };
    const lines = formatAnswerForTerminal(answer, false).trimEnd().split('\n');
    expect(lines[0]).toBe("The sources don't say. Nothing in them answers this question, so I won't guess.");
    expect(lines.join('\n')).not.toMatch(/most common words/);
    const closest = lines.filter((l) => l.startsWith('- Animals › Plains'));
    expect(closest).toHaveLength(2);
    for (const line of closest) expect(line.length).toBeLessThan(140);
  });
});
