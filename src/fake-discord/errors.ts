/**
 * Discord's JSON error bodies. Route handlers `throw` an {@link ApiError}; the REST
 * layer turns it into the HTTP answer, exactly as Discord shapes it.
 */

/** One entry of an `_errors` array, e.g. `{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }`. */
interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested error tree: keys are field names or array indexes, leaves hold `_errors`. */
export interface ErrorTree {
  _errors?: FieldError[];
  [key: string]: ErrorTree | FieldError[] | undefined;
}

/** The JSON body Discord sends with a 4xx answer. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: ErrorTree;
}

/** An error that becomes an HTTP answer with Discord's JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.code}: ${body.message}`);
  }
}

/**
 * Collects field errors under paths such as `['embeds', 0, 'title']` and renders
 * them as Discord's `{ embeds: { 0: { title: { _errors: [...] } } } }` tree.
 */
export class FormErrors {
  private readonly tree: ErrorTree = {};
  private count = 0;

  /** Records one error at `path` (an empty path puts it on the root). */
  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const existing = node[String(key)];
      const child: ErrorTree = existing && !Array.isArray(existing) ? existing : {};
      node[String(key)] = child;
      node = child;
    }
    (node._errors ??= []).push({ code, message });
    this.count += 1;
  }

  /** Shorthand for the usual "too long" error. */
  maxLength(path: readonly (string | number)[], max: number): void {
    this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  /** Shorthand for a "between min and max" length error. */
  badLength(path: readonly (string | number)[], min: number, max: number): void {
    this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }

  /** Shorthand for a missing required field. */
  required(path: readonly (string | number)[]): void {
    this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  }

  /** True when at least one error was recorded. */
  get any(): boolean {
    return this.count > 0;
  }

  /** Throws 50035 Invalid Form Body when any error was recorded. */
  throwIfAny(): void {
    if (this.any) throw new ApiError(400, { code: 50035, message: 'Invalid Form Body', errors: this.tree });
  }
}

/** The Discord errors the fake answers with, by name. */
export const Errors = {
  unknownRoute: () => new ApiError(404, { code: 0, message: '404: Not Found' }),
  methodNotAllowed: () => new ApiError(405, { code: 0, message: '405: Method Not Allowed' }),
  unauthorized: () => new ApiError(401, { code: 0, message: '401: Unauthorized' }),
  unknownChannel: () => new ApiError(404, { code: 10003, message: 'Unknown Channel' }),
  unknownGuild: () => new ApiError(404, { code: 10004, message: 'Unknown Guild' }),
  unknownUser: () => new ApiError(404, { code: 10013, message: 'Unknown User' }),
  unknownMember: () => new ApiError(404, { code: 10007, message: 'Unknown Member' }),
  unknownMessage: () => new ApiError(404, { code: 10008, message: 'Unknown Message' }),
  unknownApplication: () => new ApiError(404, { code: 10002, message: 'Unknown Application' }),
  unknownWebhook: () => new ApiError(404, { code: 10015, message: 'Unknown Webhook' }),
  unknownCommand: () => new ApiError(404, { code: 10063, message: 'Unknown application command' }),
  unknownInteraction: () => new ApiError(404, { code: 10062, message: 'Unknown interaction' }),
  alreadyAcknowledged: () => new ApiError(400, { code: 40060, message: 'Interaction has already been acknowledged.' }),
  emptyMessage: () => new ApiError(400, { code: 50006, message: 'Cannot send an empty message' }),
  cannotEditOthers: () => new ApiError(403, { code: 50005, message: 'Cannot edit a message authored by another user' }),
  missingPermissions: () => new ApiError(403, { code: 50013, message: 'Missing Permissions' }),
  invalidJson: () => new ApiError(400, { code: 50109, message: 'The request body contains invalid JSON.' }),
} as const;
