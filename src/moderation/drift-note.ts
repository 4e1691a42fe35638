/**
 * The note added to a posted answer whose cited paragraph changed or vanished, and how it joins
 * the message's existing text within Discord's 2,000 characters (the note wins; older text is cut).
 */
import type { CitationDrift } from './drift.js';

/** The visible mark; also how an already-marked message is recognised. */
export const DRIFT_MARK = '⚠ the source changed since this answer';

/** A changed paragraph as it reads now: a label and, when the document has a URL, a link. */
export interface CurrentText {
  readonly label: string;
  readonly url?: string;
}

/**
 * The note's lines: a link to the current text of each changed paragraph, and each vanished one
 * named as removed. Labels are plain text; the caller escapes for its medium.
 *
 * @example driftNote(drifts, current) // '⚠ the source changed since this answer: [A › B ¶2](https://…)'
 */
export function driftNote(citations: readonly CitationDrift[], current: (drift: Extract<CitationDrift, { kind: 'changed' }>) => CurrentText, link: (label: string, url: string | undefined) => string): string {
  const parts = citations.map((drift) => {
    if (drift.kind === 'vanished') {
      const { documentPath, section, paragraph } = drift.address;
      return `${link(`${[documentPath, section].filter(Boolean).join(' › ')} ¶${paragraph}`, undefined)} was removed from the sources`;
    }
    const now = current(drift);
    return `${link(now.label, now.url)} now reads differently`;
  });
  return `${DRIFT_MARK}: ${parts.join('; ')}.`;
}

/**
 * The message's content with the note added below, within `max` characters.
 *
 * @example withNote('<@1>, this answer is for you.', '⚠ …', 2000) // '<@1>, this answer is for you.\n⚠ …'
 */
export function withNote(content: string, note: string, max: number): string {
  const fitted = note.length > max ? `${note.slice(0, max - 1)}…` : note;
  if (content === '') return fitted;
  const room = max - fitted.length - 1;
  if (room <= 1) return fitted;
  const kept = content.length > room ? `${content.slice(0, room - 1)}…` : content;
  return `${kept}\n${fitted}`;
}

/**
 * The message's content without its drift note (and what follows it): for a message that now
 * shows other passages, whose note would speak of text it no longer quotes. `undefined` when the
 * content holds no note.
 *
 * @example withoutNote('<@1>, this answer is for you.\n⚠ the source changed since this answer: …') // '<@1>, this answer is for you.'
 */
export function withoutNote(content: string): string | undefined {
  const at = content.indexOf(DRIFT_MARK);
  if (at === -1) return undefined;
  return content.slice(0, at).replace(/\n$/, '');
}
