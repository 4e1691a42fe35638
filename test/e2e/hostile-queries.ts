/**
 * Hostile queries for fuzzing: markdown, mentions, code fences, emoji, zalgo, right-to-left and
 * invisible characters, symbols and knowledge words, up to 300 characters. Deterministic per seed.
 */
import { seededRandom } from '../../src/evaluation/leave-out.js';

const PIECES = [
  '**', '__', '~~', '||', '`', '```', '```js\nconsole.log(1)\n```', '> ', '>>> ', '# ', '-# ', '- ', '1. ', '[x](https://evil.example)', '](', '\\', '\\*',
  '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&456456456456456456>', '<#662129061396615168>', '</ask:1>',
  '<t:1700000000:R>', '<:emoji:123456789012345678>', '😀', '👍🏽', '👨‍👩‍👧‍👦', '🇺🇸', 'z̴̡̢͓a̸̰͊l̵̙̓g̵̣̈o̴̜͛', '\u0301\u0302\u0303\u0304', 'مرحبا بالعالم', 'שלום', '\u202e', '\u200b',
  '\u0000', '\ufeff', 'Russia', 'Iran', 'election', 'hack', 'China', 'interference', 'Olsen', 'Kremlin', 'DOJ', ' ', ' ', ' ', '?', '!', '%', '$', '&', '<', '>',
  '"', "'", '{', '}', '\n', '\t', '…', 'ǅ', 'ß', 'İ',
];

/** The maximum query length people can type in the `query` option. */
const HOSTILE_MAX = 300;

/**
 * `count` hostile queries; every fifth is exactly {@link HOSTILE_MAX} characters long.
 *
 * @example hostileQueries(1000, 42).length // 1000
 */
export function hostileQueries(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const pick = (): string => PIECES[Math.floor(next() * PIECES.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const full = i % 5 === 0;
    const target = full ? HOSTILE_MAX : 1 + Math.floor(next() * 80);
    let query = '';
    while (query.length < target) query += pick();
    return query.slice(0, target);
  });
}
