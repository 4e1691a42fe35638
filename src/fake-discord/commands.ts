/**
 * Application commands registered through the REST API (bulk-overwrite PUT, or POST),
 * globally or per guild. Interaction builders look commands up here to reuse their ids
 * and option types.
 */
import { snowflake } from './ids.js';
import { isRecord } from './validate.js';

/** An application command as Discord returns it (the fields the fake fills in, plus whatever was sent). */
export interface RegisteredCommand {
  id: string;
  application_id: string;
  version: string;
  type: number;
  name: string;
  description: string;
  /** Present for guild commands. */
  guild_id?: string;
  options?: RegisteredOption[];
  default_member_permissions: string | null;
  nsfw: boolean;
  [key: string]: unknown;
}

/** A command option definition (as sent at registration). */
export interface RegisteredOption {
  name: string;
  type: number;
  options?: RegisteredOption[];
  [key: string]: unknown;
}

/** Commands by scope: `global` or a guild id. */
export class CommandRegistry {
  private readonly scopes = new Map<string, RegisteredCommand[]>();

  constructor(private readonly applicationId: string) {}

  /** Bulk overwrite: replaces every command of the scope, keeping ids of commands whose name and type match. */
  overwrite(guildId: string | undefined, bodies: readonly unknown[]): RegisteredCommand[] {
    const previous = this.list(guildId);
    const next = bodies.filter(isRecord).map((body) => this.toCommand(body, guildId, previous));
    this.scopes.set(guildId ?? 'global', next);
    return structuredClone(next);
  }

  /** Creates or replaces one command (POST semantics: same name and type means update). */
  upsert(guildId: string | undefined, body: Record<string, unknown>): RegisteredCommand {
    const previous = this.list(guildId);
    const command = this.toCommand(body, guildId, previous);
    this.scopes.set(guildId ?? 'global', [...previous.filter((c) => c.id !== command.id), command]);
    return structuredClone(command);
  }

  /** Deletes one command; returns false if it did not exist. */
  delete(guildId: string | undefined, id: string): boolean {
    const previous = this.list(guildId);
    this.scopes.set(guildId ?? 'global', previous.filter((c) => c.id !== id));
    return previous.some((c) => c.id === id);
  }

  /** The commands of one scope (undefined = global). */
  list(guildId?: string): RegisteredCommand[] {
    return structuredClone(this.scopes.get(guildId ?? 'global') ?? []);
  }

  /** Every registered command, global ones first. */
  all(): RegisteredCommand[] {
    return [...this.scopes.values()].flat().map((c) => structuredClone(c));
  }

  /** Finds a command by name and type, preferring the guild's own over a global one. */
  find(name: string, type: number, guildId?: string): RegisteredCommand | undefined {
    const match = (c: RegisteredCommand): boolean => c.name === name && c.type === type;
    return (guildId ? this.scopes.get(guildId)?.find(match) : undefined) ?? this.scopes.get('global')?.find(match);
  }

  private toCommand(body: Record<string, unknown>, guildId: string | undefined, previous: RegisteredCommand[]): RegisteredCommand {
    const type = typeof body.type === 'number' ? body.type : 1;
    const name = String(body.name ?? '');
    const existing = previous.find((c) => c.name === name && c.type === type);
    return {
      ...body,
      id: existing?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      name,
      description: typeof body.description === 'string' ? body.description : '',
      default_member_permissions: typeof body.default_member_permissions === 'string' ? body.default_member_permissions : null,
      nsfw: body.nsfw === true,
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }
}
