/**
 * Every command, context menu and answer button the bot has. Add a new one here.
 */
import type { ButtonHandler, ComponentHandler, MessageCommand, SlashCommand } from '../src/discord/context.js';
import * as ask from './ask.js';
import * as deleteAnswer from './buttons/delete-answer.js';
import * as moreContext from './buttons/more-context.js';
import * as nextPassage from './buttons/next-passage.js';
import * as postPublicly from './buttons/post-publicly.js';
import * as feedback from './components/feedback.js';
import * as gapsActions from './components/gaps-actions.js';
import * as findSources from './find-sources.js';
import * as gaps from './gaps.js';
import * as help from './help.js';
import * as reload from './reload.js';
import * as settings from './settings.js';
import * as search from './search.js';
import * as source from './source.js';
import * as sources from './sources.js';
import * as sync from './sync.js';
import * as tag from './tag.js';

/** Slash commands. */
export const slashCommands: readonly SlashCommand[] = [ask, search, source, sources, help, reload, sync, settings, gaps, tag];

/** Message context-menu commands. */
export const messageCommands: readonly MessageCommand[] = [findSources];

/** Handlers of the answer buttons, by action. */
export const buttonHandlers: readonly ButtonHandler[] = [moreContext, nextPassage, deleteAnswer, postPublicly];

/** Feedback, gap-report and tag buttons and modals, by custom_id prefix. */
export const componentHandlers: readonly ComponentHandler[] = [feedback, gapsActions];

/** Registration data of every command, as sent to Discord. */
export const commandData = [...slashCommands, ...messageCommands].map((c) => c.data.toJSON());
