import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeMetadata, parseMetadata, sidecarPathFor, splitFrontMatter } from '../../src/knowledge/front-matter.js';
import { parseSimpleYaml } from '../../src/knowledge/simple-yaml.js';

describe('splitFrontMatter', () => {
  it('finds the YAML between the --- lines and where the body starts', () => {
    // given
    const text = '---\ntitle: A\n---\n# A\n';
    // when
    const { frontMatter, problems } = splitFrontMatter(text);
    // then
    expect(frontMatter).toEqual({ yaml: 'title: A\n', firstLine: 2, bodyStart: 17 });
    expect(text.slice(frontMatter?.bodyStart)).toBe('# A\n');
    expect(problems).toEqual([]);
  });

  it('accepts empty front matter and CRLF line breaks', () => {
    expect(splitFrontMatter('---\r\n---\r\nHi.').frontMatter).toEqual({ yaml: '', firstLine: 2, bodyStart: 10 });
  });

  it('finds nothing when the file does not start with ---', () => {
    expect(splitFrontMatter('# A\n---\ntitle: x\n---\n')).toEqual({ problems: [] });
  });

  it('reports front matter that is never closed', () => {
    expect(splitFrontMatter('---\ntitle: A\n# A\n').problems).toEqual([
      { line: 1, message: 'front matter: no closing --- line' },
    ]);
  });
});

describe('parseMetadata', () => {
  it('reads a SciFact-style double-quoted title with JSON escapes and a numeric doc_id', () => {
    // given
    const yaml = 'title: "A: \\"quoted\\" \\u00e9tude"\ndoc_id: 10009203\nlicense: CC BY-NC 2.0\n';
    // when
    const { metadata, problems } = parseMetadata(yaml, 2, 'front matter');
    // then
    expect(problems).toEqual([]);
    expect(metadata).toEqual({ title: 'A: "quoted" étude', titleLine: 2, docId: '10009203', license: 'CC BY-NC 2.0' });
  });

  it('reads a SQuAD-style plain title and takes `source` as the link', () => {
    const yaml = 'title: Super Bowl 50\nsource: https://en.wikipedia.org/wiki/Super_Bowl_50\nlicense: CC BY-SA 4.0\n';
    expect(parseMetadata(yaml, 2, 'front matter').metadata).toEqual({
      title: 'Super Bowl 50',
      titleLine: 2,
      url: 'https://en.wikipedia.org/wiki/Super_Bowl_50',
      license: 'CC BY-SA 4.0',
    });
  });

  it('accepts `url` instead of `source`, and unknown keys', () => {
    const yaml = 'url: http://example.org/a\nauthor: Ada\ntags: [a, b]\n';
    expect(parseMetadata(yaml, 2, 'front matter')).toEqual({ metadata: { url: 'http://example.org/a' }, problems: [] });
  });

  it('reports schema errors at the line of the key, counted in the file', () => {
    // given
    const yaml = 'license: MIT\ntitle: ""\nsource: ftp://example.org\n';
    // when
    const { problems } = parseMetadata(yaml, 2, 'front matter');
    // then
    expect(problems).toEqual([
      { line: 3, message: 'front matter: title must be a non-empty string' },
      { line: 4, message: 'front matter: source must be an http(s) URL' },
    ]);
  });

  it('reports a title that YAML reads as a number', () => {
    expect(parseMetadata('title: 1984\n', 2, 'front matter').problems).toEqual([
      { line: 2, message: 'front matter: title must be a non-empty string' },
    ]);
  });

  it('reports YAML syntax errors with their file line', () => {
    // given: yaml reports an unclosed quote where the input ends (YAML line 3, file line 4)
    const yaml = 'license: MIT\ntitle: "open\n';
    // when
    const { problems } = parseMetadata(yaml, 2, 'front matter');
    // then
    expect(problems.map((problem) => problem.line)).toEqual([4]);
    expect(problems[0]?.message).toMatch(/^front matter: invalid YAML: Missing closing "quote$/);
  });

  it('reads the provenance an ingested page records', () => {
    // given: front matter as `npm run ingest` writes it
    const yaml = [
      'title: Install',
      'source: https://docs.example.org/install',
      'fetched_at: 2026-11-30T08:15:00Z',
      'revision: 1234567',
      'permalink: https://docs.example.org/w/index.php?oldid=1234567',
      'etag: \'"abc"\'',
      'last_modified: Mon, 30 Nov 2026 08:00:00 GMT',
    ].join('\n');
    // when
    const { metadata, problems } = parseMetadata(yaml, 2, 'front matter');
    // then
    expect(problems).toEqual([]);
    expect(metadata.provenance).toEqual({
      fetchedAt: '2026-11-30T08:15:00Z',
      revision: '1234567',
      permalink: 'https://docs.example.org/w/index.php?oldid=1234567',
      etag: '"abc"',
      lastModified: 'Mon, 30 Nov 2026 08:00:00 GMT',
    });
  });

  it('reports a fetched_at that is not a date-time and a permalink that is not http(s), at their lines', () => {
    const { problems } = parseMetadata('fetched_at: yesterday\npermalink: file:///etc/passwd\n', 2, 'front matter');
    expect(problems).toEqual([
      { line: 2, message: 'front matter: fetched_at must be an ISO 8601 date-time such as 2026-12-01T10:00:00Z' },
      { line: 3, message: 'front matter: permalink must be an http(s) URL' },
    ]);
  });

  it('reports front matter that is not a mapping', () => {
    expect(parseMetadata('- a\n- b\n', 2, 'metadata').problems).toEqual([
      { line: 2, message: 'metadata: expected a mapping of keys to values' },
    ]);
  });
});

describe('parseSimpleYaml (fast path)', () => {
  it.each([
    'title: Super Bowl 50\nsource: https://en.wikipedia.org/wiki/Super_Bowl_50\n',
    'title: "Corresponding author:"\ndoc_id: 885056\n',
    '# comment\n\ntitle: "It\'s \\"x\\""\n',
  ])('gives the same data as the yaml library for %j', (source) => {
    expect(parseSimpleYaml(source)?.data).toEqual(parse(source));
  });

  // Bugs found by the property test (simple-yaml.property.test.ts): the fast path read the key
  // `FALSE` as "FALSE" where yaml reads the boolean (named "false"), and dropped a lone carriage
  // return at the end of the source, which yaml keeps in the value.
  it.each(['title: 1973 oil crisis', 'title: null', 'title: a: b', 'title: a # note', 'a: 1\na: 2', 'title: >\n  folded', "title: 'single'", 'FALSE: A', 'null: A', 'title: A\r'])(
    'leaves %j to the full parser',
    (source) => {
      expect(parseSimpleYaml(source)).toBeUndefined();
    },
  );
});

describe('sidecar metadata', () => {
  it('lives beside the file as <basename>.meta.yaml', () => {
    expect(sidecarPathFor('notes/foreign-interference.txt')).toBe('notes/foreign-interference.meta.yaml');
  });

  it('overrides in-file values and keeps the others', () => {
    // given
    const inFile = { title: 'Old', titleLine: 2, license: 'MIT' };
    const sidecar = { title: 'New', titleLine: 1, url: 'https://example.org' };
    // when / then: the title line belonged to the in-file title, so it goes too
    expect(mergeMetadata(inFile, sidecar)).toEqual({ title: 'New', license: 'MIT', url: 'https://example.org' });
    expect(mergeMetadata(inFile, { license: 'CC0' })).toEqual({ title: 'Old', titleLine: 2, license: 'CC0' });
  });
});
