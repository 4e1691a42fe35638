/**
 * The two kinds of failure: a {@link UserFacingError} carries a message meant for the person
 * who used the command; anything else is a bug, logged with an id the person can quote.
 */
import { randomBytes } from 'node:crypto';

/** A problem to tell the user as is (ephemerally): a question limit, a missing permission, a bad input. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/**
 * A short id for a logged bug, easy to read out: `E-` and 8 characters.
 *
 * @example newErrorId() // 'E-3KQ7ZP0M'
 */
export function newErrorId(): string {
  return `E-${randomBytes(5).readUIntBE(0, 5).toString(36).toUpperCase().padStart(8, '0')}`;
}

/**
 * What the user sees for a bug.
 *
 * @example apologyFor('E-3KQ7ZP0M') // 'Sorry, something went wrong on my side (error E-3KQ7ZP0M). …'
 */
export function apologyFor(errorId: string): string {
  return `Sorry, something went wrong on my side (error ${errorId}). Please try again; if it keeps happening, tell the server staff this id.`;
}
