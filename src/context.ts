import os from "node:os";
import envPaths from "env-paths";
import path from "node:path";
import type { Sql } from "./db/sql.js";
import { SqliteStore } from "./db/sqlite/store.js";
import { alleenSqlite, PgStore } from "./db/pg/store.js";
import { dezeOmgeving, kiesOpslag, zonderWachtwoord, type Opslag } from "./db/pg/verbinding.js";
import type { Tx } from "./db/store.js";
import { parseDate, todayInAmsterdam, type IsoDate } from "./domain/dates.js";
import { missingFlag, UserError } from "./errors.js";
import { parseEnum, requireText } from "./domain/invoer.js";
import { BestandenBewijs, bijlagenMap } from "./io/bijlagen.js";
import type { Bewijsopslag } from "./db/bewijs.js";
import { PgBewijs } from "./db/pg/bewijs.js";
import { outputFolder, outputTarget, protectDatabase, type OutputTarget } from "./io/output-file.js";
import { ask, inquirerPrompter, scriptedPrompter, type Choice, type Prompter } from "./io/prompts.js";
import { writeJson, writeLine, type Colors, type Streams } from "./render/output.js";
import { neutraliseer } from "./render/text.js";

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  gebruiker?: string;
  debug?: boolean;
  vandaag?: string;
}

/** Everything a command needs from the outside world, in one place. */
export class Ctx {
  readonly json: boolean;
  readonly debug: boolean;
  readonly user: string;
  /** Which store --db (or INTERVENTIE_DB) names: a SQLite file or a PostgreSQL URL. */
  readonly opslag: Opslag;
  /** The SQLite file, or the PostgreSQL URL without its password: for messages. */
  readonly plek: string;
  readonly color: Colors;
  readonly interactive: boolean;
  readonly prompts: Prompter;
  private todayIso: IsoDate | undefined;
  /** --vandaag / INTERVENTIE_VANDAAG was given: "today" is the user's, not the clock's. */
  private readonly vandaagGegeven: boolean;
  private opened: SqliteStore | PgStore | undefined;
  /** --gebruiker or INTERVENTIE_GEBRUIKER was given (PostgreSQL records the login instead, and says so). */
  private readonly gebruikerGegeven: boolean;

  constructor(
    readonly streams: Streams,
    globals: GlobalOptions,
    colors: Colors,
  ) {
    const env = streams.env;
    this.json = Boolean(globals.json);
    this.debug = Boolean(globals.debug);
    const user = (globals.gebruiker ?? env.INTERVENTIE_GEBRUIKER ?? safeOsUser()).trim() || "onbekend";
    this.user = requireText("gebruiker", user, 80);
    this.gebruikerGegeven = (globals.gebruiker ?? env.INTERVENTIE_GEBRUIKER) !== undefined;
    this.opslag = kiesStore(globals.db, env.INTERVENTIE_DB);
    this.plek = this.opslag.soort === "sqlite" ? this.opslag.pad : zonderWachtwoord(this.opslag.url);
    // No output of this run may land on the database, even in commands that never open it.
    if (this.opslag.soort === "sqlite") protectDatabase(this.opslag.pad);
    this.color = colors;
    const vandaag = globals.vandaag ?? env.INTERVENTIE_VANDAAG;
    // Checked now (bad input fails before anything runs); the clock is read only when a command needs it.
    this.todayIso = vandaag ? parseDate(vandaag, "vandaag") : undefined;
    this.vandaagGegeven = this.todayIso !== undefined;
    // Scripted answers (JSON array) stand in for a person at a terminal: used by tests and scripts.
    const scripted = env.INTERVENTIE_ANTWOORDEN;
    if (scripted) {
      this.prompts = scriptedPrompter(JSON.parse(scripted) as unknown[], (line) =>
        writeLine(streams.stderr, neutraliseer(line, { regels: true })),
      );
      this.interactive = true;
    } else {
      this.prompts = inquirerPrompter;
      this.interactive = streams.stdinIsTTY && !this.json;
    }
  }

  /** Today's date in the Netherlands, or --vandaag / INTERVENTIE_VANDAAG when given. */
  today(): IsoDate {
    this.todayIso ??= todayInAmsterdam();
    return this.todayIso;
  }

  /**
   * The moment of a recorded act (a signature): now, or with --vandaag that day at the current
   * time of day, so a document's dagtekening and its recorded signing moment agree.
   */
  moment(): string {
    const now = new Date().toISOString();
    return this.vandaagGegeven ? `${this.todayIso}${now.slice(10)}` : now;
  }

  /**
   * The SQLite database file (its attachments lie next to it). A PostgreSQL URL is never a path:
   * a command that still needs the file says so (exit 2) instead of making a folder "postgres:".
   */
  get dbPath(): string {
    if (this.opslag.soort !== "sqlite") throw alleenSqlite();
    return this.opslag.pad;
  }

  /**
   * Where the bytes of evidence live: files in `<database>.bijlagen/` beside a SQLite file, a table
   * in a PostgreSQL database (src/db/bewijs.ts).
   */
  bewijs(): Bewijsopslag {
    return this.opslag.soort === "sqlite" ? new BestandenBewijs(bijlagenMap(this.opslag.pad)) : new PgBewijs(this.plek);
  }

  /** The store --db names, opened on first use: commands such as --help or brief voorbeeld never touch it. */
  store(): SqliteStore | PgStore {
    if (!this.opened) {
      const wie = { gebruiker: this.user, vandaag: () => this.today() };
      this.opened =
        this.opslag.soort === "sqlite"
          ? new SqliteStore(this.opslag.pad, wie, { maxPageCount: maxPages(this.streams.env.INTERVENTIE_TEST_MAX_PAGES) })
          : new PgStore(
              this.opslag.url,
              { ...wie, gegeven: this.gebruikerGegeven, waarschuw: (t) => this.warn(t) },
              dezeOmgeving(this.streams.env),
            );
    }
    return this.opened;
  }

  async close(): Promise<void> {
    await this.opened?.close();
    this.opened = undefined;
  }

  /** Reads in one consistent snapshot. */
  read<T>(fn: (sql: Sql) => T | Promise<T>): Promise<T> {
    return this.store().read(fn);
  }

  /** Runs fn in one IMMEDIATE transaction with an audit trail: all or nothing. */
  change<T>(fn: (tx: Tx) => T | Promise<T>): Promise<T> {
    return this.store().change(fn);
  }

  /**
   * change() for work that streams its input (a 100,000-row import): one transaction held across
   * awaits, committed only if fn resolves.
   */
  changeStreaming<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.store().change(fn, { bulk: true });
  }

  /**
   * A named output file (--pdf, --uit), checked before any work: never the database, an existing
   * file only with --overschrijven, its folder must exist. Write it with writeOutput(target, data).
   */
  outputFile(raw: string | undefined, veld: string, overschrijven: boolean | undefined): OutputTarget {
    return outputTarget(raw, { veld, overschrijven, dbPath: this.opslag.soort === "sqlite" ? this.opslag.pad : undefined });
  }

  /** The folder for letters (--uit <map>): created when missing, and the user is told so. */
  outputFolder(raw: string): string {
    const { map, aangemaakt } = outputFolder(raw);
    if (aangemaakt) writeLine(this.streams.stderr, neutraliseer(`Map ${map} aangemaakt.`));
    return map;
  }

  /** Every human line goes out neutralised (render/text.ts): stored text cannot drive the terminal. */
  out(text = ""): void {
    writeLine(this.streams.stdout, neutraliseer(text, { regels: true, kleur: true }));
  }

  /** What a guided flow shows between questions: on stdout, or on stderr when stdout carries the --json document. */
  say(text: string): void {
    writeLine(this.json ? this.streams.stderr : this.streams.stdout, neutraliseer(text, { regels: true, kleur: true }));
  }

  warn(text: string): void {
    writeLine(this.streams.stderr, this.color.yellow(neutraliseer(text, { regels: true })));
  }

  /** --json: the one document; otherwise the human rendering. */
  emit(value: unknown, human: () => string): void {
    if (this.json) writeJson(this.streams.stdout, value);
    else this.out(human());
  }

  /** A required value: the flag if given, a prompt at a terminal, otherwise exit 2 naming the flag. */
  async need(flag: string, value: string | undefined, ask: () => Promise<string>): Promise<string> {
    if (value !== undefined && value !== "") return value;
    if (!this.interactive) throw missingFlag(flag);
    return ask();
  }

  async needText(flag: string, value: string | undefined, message: string): Promise<string> {
    return this.need(flag, value, () => this.prompts.input({ message, validate: (v) => (v.trim() === "" ? "Vul iets in" : true) }));
  }

  /**
   * A required value checked by `parse`, the one rule for flag and prompt alike: the flag is
   * parsed (a bad value is exit 2), a prompt asks again until parse accepts the answer.
   */
  async needValue<T>(
    flag: string,
    value: string | undefined,
    message: string,
    parse: (raw: string) => T,
    defaultAnswer?: string,
  ): Promise<T> {
    if (value !== undefined && value !== "") return parse(value);
    if (!this.interactive) throw missingFlag(flag);
    return ask(this.prompts, { message, default: defaultAnswer, parse });
  }

  /** One of a fixed set: the flag checked against it (exit 2 when not allowed), at a terminal chosen from it. */
  async needEnum<T extends string>(flag: string, value: string | undefined, message: string, allowed: readonly T[]): Promise<T> {
    const raw = await this.needChoice(
      flag,
      value,
      message,
      allowed.map((a) => ({ name: a, value: a })),
    );
    return parseEnum(flag, raw, allowed);
  }

  /** The flag, or a choice at a terminal; `choices` may be a function, called (reading the store) only when asking. */
  async needChoice<T extends string>(
    flag: string,
    value: string | undefined,
    message: string,
    choices: Choice<T>[] | (() => Promise<Choice<T>[]>),
    opts: { placeholder?: string; leeg?: string } = {},
  ): Promise<string> {
    if (value !== undefined && value !== "") return value;
    if (!this.interactive) throw missingFlag(flag);
    const keuzes = typeof choices === "function" ? await choices() : choices;
    if (keuzes.length === 0) throw new UserError("geen-keuze", opts.leeg ?? `Er is nog niets om uit te kiezen voor --${flag}`);
    return this.prompts.select({ message, choices: keuzes, placeholder: opts.placeholder });
  }
}

/** INTERVENTIE_TEST_MAX_PAGES: test hook that simulates a full disk (PRAGMA max_page_count). */
function maxPages(raw: string | undefined): number | undefined {
  return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/**
 * --db (or INTERVENTIE_DB) names a SQLite file or a postgres:// URL (CLI.md); a URL of any other
 * scheme is refused rather than taken as a folder named "mysql:", and a password typed in a URL on
 * the command line is refused (every user of the machine can read argv).
 */
function kiesStore(argv: string | undefined, env: string | undefined): Opslag {
  const raw = argv ?? env ?? defaultDbPath();
  const opslag = kiesOpslag(raw.trim(), argv !== undefined ? "argv" : "env");
  return opslag.soort === "sqlite" ? { soort: "sqlite", pad: path.resolve(raw) } : opslag;
}

function safeOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return "onbekend";
  }
}

/** The per-user data directory (XDG on Linux): ~/.local/share/interventie/interventie.db */
export function defaultDbPath(): string {
  return path.join(envPaths("interventie", { suffix: "" }).data, "interventie.db");
}
