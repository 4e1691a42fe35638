/**
 * Reading what a person typed in the composer the forgiving way: `/ask query: … hide: true`,
 * or simply `/ask <text>` for the first string option. Anything that is not a registered slash
 * command is a plain message.
 */
import type { CommandInfo, CommandOptionInfo, PickedChoice } from './protocol.js';

/** Discord option types the composer understands. */
export const OptionKind = { String: 3, Integer: 4, Boolean: 5, User: 6, Number: 10 } as const;

/** A slash command line split into its raw option texts. */
export interface CommandLine {
  readonly command: CommandInfo;
  /** Raw text of each option given, by name. */
  readonly values: ReadonlyMap<string, string>;
  /** The option being typed at the end of the line (autocomplete asks about this one). */
  readonly focused?: CommandOptionInfo;
  /**
   * Set for a subcommand (`/tag show …`): the registered command's name and the subcommand's.
   * `command` is then the subcommand, named `tag show`, with its own options.
   */
  readonly subcommand?: { readonly command: string; readonly name: string };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits `/name …` into option texts; undefined when the text is not a registered slash command.
 * Text before the first `option:` goes to the first string option.
 *
 * @example parseCommandLine('/ask Who? hide: true', commands)?.values // Map { 'query' => 'Who?', 'hide' => 'true' }
 */
export function parseCommandLine(text: string, commands: readonly CommandInfo[]): CommandLine | undefined {
  const head = /^\s*\/(\S+)(\s[^]*)?$/.exec(text);
  if (!head) return undefined;
  const found = commands.find((c) => c.type === 1 && c.name === head[1]!.toLowerCase());
  if (!found) return undefined;
  let command: CommandInfo = found;
  let rest = head[2];
  let subcommand: CommandLine['subcommand'];
  if (found.subcommands && found.subcommands.length > 0) {
    // Discord's client makes the person pick a subcommand first; without one, the line is not a command yet.
    const sub = /^\s+(\S+)(\s[^]*)?$/.exec(rest ?? '');
    const chosen = found.subcommands.find((s) => s.name === sub?.[1]?.toLowerCase());
    if (!chosen) return undefined;
    command = { name: `${found.name} ${chosen.name}`, description: chosen.description, type: 1, options: chosen.options };
    subcommand = { command: found.name, name: chosen.name };
    rest = sub?.[2];
  }
  const withSub = subcommand ? { subcommand } : {};
  if (rest === undefined) return { command, values: new Map(), ...withSub };

  const values = new Map<string, string>();
  const names = command.options.map((o) => escapeRegExp(o.name));
  const markers = names.length === 0 ? [] : [...rest.matchAll(new RegExp(`(?<=^|\\s)(${names.join('|')}):`, 'giu'))];
  const positional = rest.slice(0, markers[0]?.index ?? rest.length).trim();
  const firstString = command.options.find((o) => o.type === OptionKind.String && o.required) ?? command.options.find((o) => o.type === OptionKind.String);
  let focused: CommandOptionInfo | undefined;
  if (firstString && (positional !== '' || markers.length === 0)) {
    values.set(firstString.name, positional);
    if (markers.length === 0) focused = firstString;
  }
  markers.forEach((marker, i) => {
    const option = command.options.find((o) => o.name.toLowerCase() === marker[1]!.toLowerCase())!;
    const start = marker.index + marker[0].length;
    values.set(option.name, rest.slice(start, markers[i + 1]?.index ?? rest.length).trim());
    if (i === markers.length - 1) focused = option;
  });
  return { command, values, ...(focused ? { focused } : {}), ...withSub };
}

/**
 * Puts back the values of autocomplete choices the person picked: they see the choice's name,
 * the bot gets its value (as on Discord).
 */
export function applyPicked(line: CommandLine, picked: readonly PickedChoice[]): CommandLine {
  const values = new Map(line.values);
  for (const choice of picked) if (values.get(choice.option) === choice.name) values.set(choice.option, choice.value);
  return { ...line, values };
}

/** An option value as Discord would send it; users are resolved by the caller. */
export type TypedValue = string | number | boolean | { readonly user: string };

/** Typed option values, or what is wrong with them (said the way a person can fix it). */
export type TypedOptions = { readonly ok: true; readonly options: Readonly<Record<string, TypedValue>> } | { readonly ok: false; readonly problem: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);

function typed(option: CommandOptionInfo, raw: string): { value: TypedValue } | { problem: string } {
  switch (option.type) {
    case OptionKind.Boolean: {
      const word = raw.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: `\`${option.name}\` must be true or false` };
    }
    case OptionKind.Integer:
    case OptionKind.Number: {
      const n = Number(raw);
      const whole = option.type === OptionKind.Integer;
      if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) return { problem: `\`${option.name}\` must be ${whole ? 'a whole number' : 'a number'}` };
      return { value: n };
    }
    case OptionKind.User:
      return { value: { user: raw } };
    default:
      if (option.maxLength !== undefined && raw.length > option.maxLength) {
        return { problem: `\`${option.name}\` can be at most ${option.maxLength} characters (it has ${raw.length})` };
      }
      return { value: raw };
  }
}

/**
 * Checks and types the option texts as Discord's own client would before sending: required
 * options present, booleans and numbers readable, strings within their maximum length.
 *
 * @example typeOptions(parseCommandLine('/ask hi hide: yes', commands)!) // { ok: true, options: { query: 'hi', hide: true } }
 */
export function typeOptions(line: CommandLine): TypedOptions {
  const options: Record<string, TypedValue> = {};
  for (const option of line.command.options) {
    const raw = line.values.get(option.name);
    if (raw === undefined || raw === '') {
      if (option.required) return { ok: false, problem: `\`/${line.command.name}\` needs \`${option.name}\`: ${option.description}. Try \`/${line.command.name} ${option.name}: …\`` };
      continue;
    }
    const result = typed(option, raw);
    if ('problem' in result) return { ok: false, problem: result.problem };
    options[option.name] = result.value;
  }
  return { ok: true, options };
}
