/**
 * Mentions in message text: whether a message calls the bot, and the question once every mention
 * is taken out. What Discord pings is decided by `allowed_mentions` when sending (always
 * `parse: []`); this file only cleans the text that is searched.
 */

/** `<@id>` / `<@!id>` (users), `<@&id>` (roles), `<#id>` (channels), `</cmd:id>` (commands). */
const MENTION_TOKEN = /<(?:@[!&]?|#|\/[^:>]{1,100}:)\d{17,20}>/g;
/** `@everyone` and `@here` written in the text. */
const MASS_MENTION = /@(?:everyone|here)\b/gi;
/** Punctuation left at the start once a leading mention is removed ("@Footnote, does …"). */
const LEADING_PUNCTUATION = /^[\s,:;.!\-–—]+/u;

/**
 * Whether the text mentions the user `botId` (`<@id>` or the legacy `<@!id>`).
 *
 * @example mentionsUser('<@!123456789012345678> hi', '123456789012345678') // true
 */
export function mentionsUser(text: string, botId: string): boolean {
  return text.includes(`<@${botId}>`) || text.includes(`<@!${botId}>`);
}

/**
 * The question a message asks: every mention token (the bot's and anyone else's, roles,
 * channels, `@everyone`, `@here`) removed, whitespace collapsed, leading punctuation dropped.
 *
 * @example questionOfMention('<@123456789012345678>, does <@&234567890123456789> vote?') // 'does vote?'
 */
export function questionOfMention(text: string): string {
  return text.replace(MENTION_TOKEN, ' ').replace(MASS_MENTION, ' ').replace(/\s+/g, ' ').trim().replace(LEADING_PUNCTUATION, '').trim();
}
