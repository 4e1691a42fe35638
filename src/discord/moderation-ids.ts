/**
 * The custom_ids of the moderator loop's buttons and modals: feedback on answers (`fb:…`) and the
 * gap report (`gaps:…`). Like the answer buttons, they carry what a click needs, so they keep
 * working after a restart, and each fits in Discord's 100 characters.
 */
import { CUSTOM_ID_MAX } from './limits.js';

/** Prefix of the feedback buttons and modals on answers. */
export const FEEDBACK_PREFIX = 'fb';
/** Prefix of the gap report's buttons and modals. */
export const GAPS_PREFIX = 'gaps';

const join = (...parts: (string | number)[]): string => {
  const id = parts.join(':');
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id would be ${id.length} characters (max ${CUSTOM_ID_MAX})`);
  return id;
};

/** What a feedback component does. */
export type FeedbackAction = 'up' | 'down' | 'tag' | 'why' | 'tagname';

/**
 * A feedback custom_id: `fb:up`, `fb:down`, `fb:tag` on answers; `fb:why:<message id>` and
 * `fb:tagname:<passage id>` on the modals they open.
 *
 * @example feedbackId('why', '1234') // 'fb:why:1234'
 */
export function feedbackId(action: FeedbackAction, argument?: string): string {
  return argument === undefined ? join(FEEDBACK_PREFIX, action) : join(FEEDBACK_PREFIX, action, argument);
}

/** What a gap-report component does. */
export type GapsAction = 'page' | 'alias' | 'cover' | 'aliasform';

/**
 * A gap-report custom_id: `gaps:page:<days>:<page>`, `gaps:alias:<days>:<group key>`,
 * `gaps:cover:<days>:<group key>`, `gaps:aliasform:<days>:<group key>`.
 *
 * @example gapsId('page', 30, 2) // 'gaps:page:30:2'
 */
export function gapsId(action: GapsAction, days: number, argument: string | number): string {
  return join(GAPS_PREFIX, action, days, argument);
}
