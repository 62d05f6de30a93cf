/**
 * The one error vocabulary of the tool. A UserError is the user's to fix
 * (bad value, unknown id, missing flag): exit 2 and one Dutch line.
 * Anything else is ours: exit 1, stack only with --debug.
 */
export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_USER = 2;

export class UserError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. "ongeldige-postcode". */
    readonly code: string,
    message: string,
    /** Extra lines, e.g. every bad row of an import ("regel 4: postcode …"). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** A value the user typed is not accepted. */
export function invalid(field: string, message: string): UserError {
  return new UserError("ongeldige-invoer", `${field}: ${message}`);
}

/** An id or name the user typed does not exist. */
export function notFound(what: string, key: string | number): UserError {
  return new UserError("niet-gevonden", `${what} ${key} bestaat niet`);
}

/** Non-TTY run without a required flag. */
export function missingFlag(flag: string): UserError {
  return new UserError("ontbrekende-optie", `Ontbrekende optie --${flag} (verplicht zonder interactieve terminal)`);
}
