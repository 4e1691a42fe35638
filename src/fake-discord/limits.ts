/**
 * Discord's documented payload limits, in one place, so the fake and its tests read alike.
 * Sources: discord.com/developers/docs (Message resource, Embed limits, Components,
 * Interaction responses, Application commands).
 */

/** Message content, in characters. */
export const MESSAGE_CONTENT_MAX = 2000;
/** Embeds per message. */
export const EMBEDS_PER_MESSAGE_MAX = 10;

/** Embed title. */
export const EMBED_TITLE_MAX = 256;
/** Embed description. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** Fields per embed. */
export const EMBED_FIELDS_MAX = 25;
/** Embed field name (also must be non-empty). */
export const EMBED_FIELD_NAME_MAX = 256;
/** Embed field value (also must be non-empty). */
export const EMBED_FIELD_VALUE_MAX = 1024;
/** Embed footer text. */
export const EMBED_FOOTER_TEXT_MAX = 2048;
/** Embed author name. */
export const EMBED_AUTHOR_NAME_MAX = 256;
/** Sum of title, description, field names and values, footer text and author name over ALL embeds of a message. */
export const EMBED_TOTAL_CHARACTERS_MAX = 6000;

/** Top-level action rows per message. */
export const ACTION_ROWS_MAX = 5;
/** Components inside one action row. */
export const COMPONENTS_PER_ROW_MAX = 5;
/** Button label. */
export const BUTTON_LABEL_MAX = 80;
/** custom_id of any component. */
export const CUSTOM_ID_MAX = 100;

/** Modal title. */
export const MODAL_TITLE_MAX = 45;
/** Action rows (one text input each) per modal. */
export const MODAL_ROWS_MAX = 5;
/** Text input label. */
export const TEXT_INPUT_LABEL_MAX = 45;
/** Text input value, and the largest max_length. */
export const TEXT_INPUT_VALUE_MAX = 4000;

/** Autocomplete choices per response. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
/** Autocomplete choice name: at least 1 character … */
export const CHOICE_NAME_MIN = 1;
/** … and at most 100. */
export const CHOICE_NAME_MAX = 100;
/** Autocomplete choice value, when it is a string. */
export const CHOICE_STRING_VALUE_MAX = 100;

/** Application commands: name length (1–32). */
export const COMMAND_NAME_MAX = 32;
/** Application commands: chat-input description length (1–100). */
export const COMMAND_DESCRIPTION_MAX = 100;
/** Options per command (or per subcommand). */
export const COMMAND_OPTIONS_MAX = 25;
/** Global commands of one type an application may have. */
export const COMMANDS_PER_SCOPE_MAX = 100;

/** How long after INTERACTION_CREATE the first (initial) response must arrive. */
export const INTERACTION_CALLBACK_DEADLINE_MS = 3000;
/** How long an interaction token may be used for follow-ups and edits. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/** Message flag bits the fake cares about. */
export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

/** Permission bits used by the fake's roles and members. */
export const Permission = {
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
} as const;
