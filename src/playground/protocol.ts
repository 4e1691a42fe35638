/**
 * What the page and the playground server say to each other over the WebSocket. Messages in the
 * channel travel exactly as the fake Discord stored them from the bot's REST calls; the page
 * treats every field as untrusted and reads only what it renders.
 */

/** Who the person at the page is acting as. */
export type PlaygroundUser = 'member' | 'moderator';

/** A person in the channel, as the page shows them. */
export interface PersonInfo {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  /** The person's permissions in the channel (Discord's bitfield), to show only the commands they may use. */
  readonly permissions?: string;
}

/** A command option as registered with Discord. */
export interface CommandOptionInfo {
  readonly name: string;
  readonly description: string;
  /** Discord option type: 3 string, 4 integer, 5 boolean, 6 user, 10 number. */
  readonly type: number;
  readonly required: boolean;
  readonly autocomplete: boolean;
  readonly maxLength?: number;
}

/** A registered application command. */
export interface CommandInfo {
  readonly name: string;
  readonly description: string;
  /** 1 slash command, 3 message context menu. */
  readonly type: number;
  readonly options: readonly CommandOptionInfo[];
  /** Set when only members with these permissions see it by default (Discord's bitfield). */
  readonly defaultMemberPermissions?: string;
  /** Its subcommands (`/tag show …`), each with its own options; the command's own options are then empty. */
  readonly subcommands?: readonly { readonly name: string; readonly description: string; readonly options: readonly CommandOptionInfo[] }[];
}

/** An autocomplete choice as the bot answered it. */
export interface ChoiceInfo {
  readonly name: string;
  readonly value: string | number;
}

/** A choice the person picked from the autocomplete list (shown by name, sent by value). */
export interface PickedChoice {
  readonly option: string;
  readonly name: string;
  readonly value: string;
}

/** A channel, forum or thread the page lists. */
export interface ChannelInfo {
  readonly id: string;
  /** Discord channel type: 0 text, 11 public thread, 15 forum. */
  readonly type: number;
  readonly name: string;
  /** Threads: the channel or forum they belong to. */
  readonly parentId?: string;
  /** Shown in the header. */
  readonly topic?: string;
  /** Forums: the tags posts may carry. */
  readonly tags?: readonly { readonly id: string; readonly name: string }[];
}

/** One text input of a modal the bot opened. */
export interface ModalInputInfo {
  readonly customId: string;
  readonly label: string;
  /** 1 one line, 2 paragraph. */
  readonly style: number;
  readonly required: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly value?: string;
}

/** A modal (interaction callback type 9) to show the person. */
export interface ModalInfo {
  readonly customId: string;
  readonly title: string;
  readonly inputs: readonly ModalInputInfo[];
  /** The channel the interaction came from, and the message whose button opened it (if any). */
  readonly channelId: string;
  readonly messageId?: string;
}

/** From the page. `channelId` (default: the text channel) is where the person is. */
export type ClientMessage =
  | { readonly type: 'send'; readonly text: string; readonly user: PlaygroundUser; readonly picked?: readonly PickedChoice[]; readonly channelId?: string }
  | { readonly type: 'autocomplete'; readonly seq: number; readonly text: string; readonly user: PlaygroundUser; readonly channelId?: string }
  | { readonly type: 'click'; readonly messageId: string; readonly customId: string; readonly user: PlaygroundUser }
  | { readonly type: 'menu'; readonly messageId: string; readonly command: string; readonly user: PlaygroundUser }
  | { readonly type: 'post'; readonly forumId: string; readonly title: string; readonly text: string; readonly user: PlaygroundUser }
  | {
      readonly type: 'modalSubmit';
      readonly customId: string;
      readonly fields: Readonly<Record<string, string>>;
      readonly channelId: string;
      readonly messageId?: string;
      readonly user: PlaygroundUser;
    };

/** From the server. `message` is the fake's stored Discord message object. */
export type ServerMessage =
  | {
      readonly type: 'hello';
      readonly guild: { readonly name: string };
      readonly channel: { readonly id: string; readonly name: string; readonly topic: string };
      /** Every channel, forum and thread, in creation order (the text channel first). */
      readonly channels: readonly ChannelInfo[];
      readonly bot: PersonInfo;
      readonly users: Readonly<Record<PlaygroundUser, PersonInfo>>;
      readonly commands: readonly CommandInfo[];
      readonly messages: readonly unknown[];
    }
  | { readonly type: 'message'; readonly message: unknown }
  | { readonly type: 'messageUpdate'; readonly message: unknown }
  | { readonly type: 'messageDelete'; readonly id: string }
  | { readonly type: 'channel'; readonly channel: ChannelInfo }
  | { readonly type: 'modal'; readonly modal: ModalInfo }
  | { readonly type: 'choices'; readonly seq: number; readonly option?: string; readonly choices: readonly ChoiceInfo[] | null }
  | { readonly type: 'notice'; readonly level: 'error' | 'warning'; readonly text: string };
