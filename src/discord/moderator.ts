/**
 * Who counts as a moderator, checked in the handler as well as by `default_member_permissions`
 * (server admins can open a command to everyone in Integrations).
 */
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import { UserFacingError } from './errors.js';

/** Members who may manage the knowledge's loop: Manage Server or Manage Messages. */
export function isModerator(interaction: { readonly memberPermissions: Readonly<PermissionsBitField> | null }): boolean {
  return interaction.memberPermissions?.any([PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageMessages]) ?? false;
}

/** Throws a {@link UserFacingError} naming what is reserved to moderators. */
export function requireModerator(interaction: { readonly memberPermissions: Readonly<PermissionsBitField> | null }, what: string): void {
  if (!isModerator(interaction)) throw new UserFacingError(`Only moderators (Manage Server or Manage Messages) can ${what}.`);
}

/** Throws unless the member has Manage Server (the gap report and its actions). */
export function requireManageServer(interaction: { readonly memberPermissions: Readonly<PermissionsBitField> | null }, what: string): void {
  if (!(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false)) {
    throw new UserFacingError(`Only members with the Manage Server permission can ${what}.`);
  }
}
