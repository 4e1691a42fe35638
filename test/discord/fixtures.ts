/**
 * Answer pages built by hand, so rendering tests need no index: a tiny normal one, and a
 * hostile huge one (long verbatim text full of markdown and mentions, long titles and URLs).
 */
import type { AnswerExcerpt } from '../../src/answer/answer.js';
import type { AnswerPage } from '../../src/service/knowledge-service.js';

/** Discord ids as they look (17–20 digits). */
export const ASKER = '574854902317191168';
export const TARGET = '662129061396615168';

/** One excerpt whose highlights are every occurrence of `highlight` in `text`. */
export function excerptOf(text: string, options: { highlight?: string; title?: string; section?: string; url?: string; passageId?: string } = {}): AnswerExcerpt {
  const highlights: [number, number][] = [];
  if (options.highlight) {
    for (let at = text.indexOf(options.highlight); at >= 0; at = text.indexOf(options.highlight, at + 1)) highlights.push([at, at + options.highlight.length]);
  }
  const excerpt = { text, start: 0, end: text.length, highlights, cutBefore: false, cutAfter: true };
  return {
    text,
    score: 1,
    passageId: options.passageId ?? 'doc:0123456789',
    citation: {
      title: options.title ?? 'Bees',
      section: options.section ?? 'Hives',
      paragraph: 2,
      source: 'knowledge/bees.md',
      ...(options.url === undefined ? {} : { url: options.url }),
    },
    excerpt,
  };
}

/** A page with the given excerpts. */
export function pageOf(question: string, excerpts: AnswerExcerpt[], extra: Partial<AnswerPage> & { answered?: boolean } = {}): AnswerPage {
  const answered = extra.answered ?? true;
  return {
    answer: { question, answered, confidence: answered ? 'high' : 'none', ...(answered ? {} : { reason: 'The closest passages cover too little of the question.' }), excerpts },
    offset: extra.offset ?? 0,
    hasMore: extra.hasMore ?? false,
    sources: extra.sources ?? [{ title: 'Bees', license: 'CC0' }],
  };
}

const HOSTILE = '**bold** __u__ `code` ```js\nx\n``` @everyone @here <@123456789012345678> <@&456456456456456456> [link](https://evil.example) > quote\n# heading\n- item ';

/** A page far over every limit if rendered naively. */
export function hugePage(): AnswerPage {
  const long = (HOSTILE + 'z̴̡̢͓a̸̰͊l̵̙̓g̵̣̈o̴̜͛ مرحبا بالعالم 😀👍🏽 ').repeat(60);
  const title = 'T'.repeat(300);
  const url = `https://example.org/${'(path)'.repeat(200)}`;
  const excerpts = Array.from({ length: 30 }, (_, i) => excerptOf(long, { highlight: 'bold', title, section: `S${i} `.repeat(80), url, passageId: `doc-${i}:${'f'.repeat(10)}` }));
  return pageOf('Q'.repeat(300) + HOSTILE, excerpts, {
    offset: 990,
    hasMore: true,
    sources: Array.from({ length: 40 }, (_, i) => ({ title: `${title}${i}`, license: 'L'.repeat(100) })),
  });
}
