/**
 * Discord's payload limits (discord.com/developers/docs: Message, Embed limits, Components,
 * Autocomplete), named once. Lengths are in UTF-16 code units, which is never less than
 * what Discord counts, so staying under them in JavaScript stays under them on Discord.
 */

/** Message content. */
export const CONTENT_MAX = 2000;
/** Embeds per message. */
export const EMBEDS_MAX = 10;
/** Embed title. */
export const EMBED_TITLE_MAX = 256;
/** Embed description. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** Embed field name. */
export const EMBED_FIELD_NAME_MAX = 256;
/** Embed field value. */
export const EMBED_FIELD_VALUE_MAX = 1024;
/** Embed footer text. */
export const EMBED_FOOTER_MAX = 2048;
/** Embed author name. */
export const EMBED_AUTHOR_MAX = 256;
/** Fields per embed. */
export const EMBED_FIELDS_MAX = 25;
/** Title + description + field names and values + footer + author over all embeds of a message. */
export const EMBED_TOTAL_MAX = 6000;

/** Action rows per message. */
export const ACTION_ROWS_MAX = 5;
/** Buttons per action row. */
export const BUTTONS_PER_ROW_MAX = 5;
/** Button label. */
export const BUTTON_LABEL_MAX = 80;
/** custom_id of a component. */
export const CUSTOM_ID_MAX = 100;

/** Autocomplete choices per response. */
export const CHOICES_MAX = 25;
/** Autocomplete choice name. */
export const CHOICE_NAME_MAX = 100;
/** Autocomplete choice value (string). */
export const CHOICE_VALUE_MAX = 100;

/** The mark appended where text was cut. */
export const ELLIPSIS = '…';
