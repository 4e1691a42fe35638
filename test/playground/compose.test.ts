/**
 * Reading the composer line the forgiving way, against command definitions shaped like the bot's.
 */
import { describe, expect, it } from 'vitest';
import { applyPicked, parseCommandLine, typeOptions } from '../../src/playground/compose.js';
import type { CommandInfo } from '../../src/playground/protocol.js';

const commands: CommandInfo[] = [
  {
    name: 'ask',
    description: 'Ask a question',
    type: 1,
    options: [
      { name: 'query', description: 'Your question', type: 3, required: true, autocomplete: false, maxLength: 300 },
      { name: 'hide', description: 'Show the answer only to you', type: 5, required: false, autocomplete: false },
      { name: 'target', description: 'Address the answer', type: 6, required: false, autocomplete: false },
    ],
  },
  { name: 'search', description: 'Find a passage', type: 1, options: [{ name: 'query', description: 'Words', type: 3, required: true, autocomplete: true }] },
  { name: 'sources', description: 'List the documents', type: 1, options: [] },
  { name: 'Find sources', description: '', type: 3, options: [] },
];

const values = (text: string): Record<string, string> => Object.fromEntries(parseCommandLine(text, commands)?.values ?? []);

describe('parseCommandLine', () => {
  it('given "/ask <text>", then the text is the first string option', () => {
    expect(values('/ask Who did Iranian operatives pretend to be?')).toEqual({ query: 'Who did Iranian operatives pretend to be?' });
  });

  it('given named options in any order, then each gets its text', () => {
    expect(values('/ask hide: true query: What did Russia do?')).toEqual({ hide: 'true', query: 'What did Russia do?' });
    expect(values('  /ASK query:Iran hack campaign hide:yes')).toEqual({ query: 'Iran hack campaign', hide: 'yes' });
  });

  it('given leading text and named options, then the leading text is the query', () => {
    expect(values('/ask What did Russia do? hide: true')).toEqual({ query: 'What did Russia do?', hide: 'true' });
  });

  it('given an option name inside a word, then it is part of the text', () => {
    expect(values('/ask unhide:this')).toEqual({ query: 'unhide:this' });
  });

  it('given plain text, an unknown command or a context-menu name, then it is not a command', () => {
    expect(parseCommandLine('hello /ask', commands)).toBeUndefined();
    expect(parseCommandLine('/nope x', commands)).toBeUndefined();
    expect(parseCommandLine('/Find sources', commands)).toBeUndefined();
  });

  it('given the option being typed last, then it is the focused one (for autocomplete)', () => {
    expect(parseCommandLine('/search Rus', commands)?.focused?.name).toBe('query');
    expect(parseCommandLine('/search ', commands)?.focused?.name).toBe('query');
    expect(parseCommandLine('/ask query: x hide: t', commands)?.focused?.name).toBe('hide');
    expect(parseCommandLine('/search', commands)?.focused).toBeUndefined();
  });
});

describe('typeOptions', () => {
  it('given readable values, then booleans are booleans and users are left to resolve', () => {
    expect(typeOptions(parseCommandLine('/ask hi hide: Yes target: @alice', commands)!)).toEqual({ ok: true, options: { query: 'hi', hide: true, target: { user: '@alice' } } });
  });

  it('given a missing required option, then it says which and how to give it', () => {
    const result = typeOptions(parseCommandLine('/ask', commands)!);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/`\/ask` needs `query`.*\/ask query: …/) });
  });

  it('given an unreadable boolean or a too-long string, then it says so', () => {
    expect(typeOptions(parseCommandLine('/ask hi hide: maybe', commands)!)).toEqual({ ok: false, problem: '`hide` must be true or false' });
    expect(typeOptions(parseCommandLine(`/ask ${'x'.repeat(301)}`, commands)!)).toEqual({ ok: false, problem: '`query` can be at most 300 characters (it has 301)' });
  });

  it('given a command without options, then extra text is ignored', () => {
    expect(typeOptions(parseCommandLine('/sources please', commands)!)).toEqual({ ok: true, options: {} });
  });
});

describe('applyPicked', () => {
  it('given a picked autocomplete choice still shown by name, then the bot gets its value; an edited one stays text', () => {
    const picked = [{ option: 'query', name: 'Background ¶1 — In March…', value: 'doc:ab12' }];
    expect(applyPicked(parseCommandLine('/search Background ¶1 — In March…', commands)!, picked).values.get('query')).toBe('doc:ab12');
    expect(applyPicked(parseCommandLine('/search Background ¶1', commands)!, picked).values.get('query')).toBe('Background ¶1');
  });
});

describe('subcommands', () => {
  const tag: CommandInfo = {
    name: 'tag',
    description: 'Saved paragraphs',
    type: 1,
    options: [],
    subcommands: [
      { name: 'show', description: 'Post one', options: [{ name: 'name', description: 'The tag', type: 3, required: true, autocomplete: true }] },
      { name: 'create', description: 'Save one', options: [{ name: 'name', description: 'Its name', type: 3, required: true, autocomplete: false }, { name: 'passage', description: 'The paragraph', type: 3, required: true, autocomplete: true }] },
    ],
  };

  it('given `/tag show name: rules`, then the subcommand and its option are read, and the last option is focused', () => {
    const line = parseCommandLine('/tag show name: rules', [tag]);
    expect(line?.subcommand).toEqual({ command: 'tag', name: 'show' });
    expect(line?.command.name).toBe('tag show');
    expect(Object.fromEntries(line?.values ?? [])).toEqual({ name: 'rules' });
    expect(line?.focused?.name).toBe('name');
  });

  it('given `/tag create name: x passage: ban`, then the focused option is the passage; given `/tag` or an unknown subcommand, then it is no command yet', () => {
    expect(parseCommandLine('/tag create name: x passage: ban', [tag])?.focused?.name).toBe('passage');
    expect(parseCommandLine('/tag', [tag])).toBeUndefined();
    expect(parseCommandLine('/tag list', [tag])).toBeUndefined();
  });

  it('given a subcommand without its required option, then the problem names the subcommand', () => {
    const checked = typeOptions(parseCommandLine('/tag show', [tag])!);
    expect(checked).toMatchObject({ ok: false, problem: expect.stringContaining('`/tag show` needs `name`') });
  });
});
