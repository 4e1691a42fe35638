/**
 * The shape every reply is built in before the respond helper turns it into a Discord payload:
 * plain data, so rendering is testable without Discord and the limits are applied in one place.
 */
import type { APIEmbed, ButtonStyle } from 'discord.js';

/** A button that comes back to the bot with `customId`. */
export interface ButtonSpec {
  readonly customId: string;
  readonly label: string;
  readonly style: ButtonStyle;
  readonly disabled?: boolean;
}

/** A message as the bot means it. */
export interface ReplyMessage {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  /** Rows of buttons. */
  readonly buttons?: readonly (readonly ButtonSpec[])[];
  /** The only users this message may ping (default: nobody). */
  readonly pingUsers?: readonly string[];
  /** Only the person who used the command sees it. */
  readonly ephemeral?: boolean;
}

/** An autocomplete choice. */
export interface Choice {
  readonly name: string;
  readonly value: string;
}
