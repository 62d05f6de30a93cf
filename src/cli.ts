import fs from "node:fs";
import { isatty } from "node:tty";
import { Command, CommanderError } from "commander";
import { COMMANDS, type CommandModule } from "./commands/index.js";
import type { Runtime } from "./commands/runtime.js";
import { translateSqliteError } from "./db/connection.js";
import { EXIT_OK, EXIT_UNEXPECTED, EXIT_USER, UserError } from "./errors.js";
import { shipped } from "./paths.js";
import type { Streams } from "./render/output.js";
import { setTerminalWidth, terminalWidth, terminalWidthOf } from "./render/terminal.js";
import { jsonZonderStuurtekens, neutraliseer } from "./render/text.js";
import { commandPath, dutchHelpConfiguration } from "./commands/hulp.js";
import { metSuggestie } from "./domain/suggestie.js";

const VERSION = (JSON.parse(fs.readFileSync(shipped("package.json"), "utf8")) as { version: string }).version;

/** Options that take a value, so the pre-scan can skip their values when looking for the command word. */
const GLOBAL_WITH_VALUE = new Set(["--db", "--gebruiker", "--vandaag"]);

/** Runs one invocation; returns the exit code. In-process tests call this directly. */
export async function run(argv: string[], streams: Streams): Promise<number> {
  const rt: Runtime = { streams };
  setTerminalWidth(terminalWidthOf(streams.stdout, streams.env));
  const wantsJson = argv.includes("--json");
  const debug = argv.includes("--debug");
  try {
    if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
      streams.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    }
    const args = helpAsFlag(argv);
    const program = await buildProgram(rt, args);
    await program.parseAsync(args, { from: "user" });
    return EXIT_OK;
  } catch (err) {
    return report(err, rt, streams, wantsJson, debug);
  } finally {
    await rt.ctx?.close();
  }
}

/**
 * A command that speaks Dutch and suggests what was meant, as git and gh do:
 * "Onbekende opdracht "adress". Bedoelde je adres?". Help goes to stdout with exit 0,
 * also for a command group given without its subcommand (`interventie avond`).
 */
class Opdracht extends Command {
  override createCommand(name?: string): Command {
    return new Opdracht(name);
  }

  override help(): never {
    return super.help({ error: false });
  }

  unknownCommand(): never {
    const path = commandPath(this);
    const full = (word: string) => (path ? `${path} ${word}` : word);
    const typed = this.args[0] ?? "";
    const message = `Onbekende opdracht "${full(typed)}"`;
    const names = this.commands.map((c) => c.name());
    const withHint = metSuggestie(message, typed, names, (n) => `"${full(n)}"`);
    throw new UserError("gebruik", withHint === message ? `${message}; zie interventie ${full("--help")}` : withHint);
  }

  unknownOption(flag: string): never {
    const known = withAncestors(this).flatMap((c) => c.options.map((o) => o.long).filter((l): l is string => !!l));
    throw new UserError("gebruik", metSuggestie(`Onbekende optie ${flag}`, flag, flag.startsWith("--") ? known : []));
  }
}

/** The command and the commands it sits under: their options apply too (global options). */
function withAncestors(cmd: Command): Command[] {
  return cmd.parent ? [cmd, ...withAncestors(cmd.parent)] : [cmd];
}

export async function buildProgram(rt: Runtime, argv: string[]): Promise<Command> {
  const program = new Opdracht("interventie")
    .description("Casustafels, controleavonden, bevindingen, opvolging, brieven en rapportages voor interventieteams")
    .version(VERSION, "-V, --version", "toon het versienummer")
    .option("--db <pad>", "databasebestand, of postgres://server/database (of INTERVENTIE_DB)")
    .option("--json", "uitvoer als één JSON-document")
    .option("--gebruiker <naam>", "naam in het auditlog (of INTERVENTIE_GEBRUIKER)")
    .option("--vandaag <datum>", "rekendatum voor termijnen en 'verlopen' (of INTERVENTIE_VANDAAG)")
    .option("--debug", "toon technische details bij fouten")
    .helpOption("-h, --help", "toon hulp")
    .helpCommand("help [opdracht...]", "toon hulp bij een opdracht, bijv. interventie help avond nieuw")
    .showSuggestionAfterError(false)
    .exitOverride();
  configureDutch(program, rt.streams);

  const word = commandWord(argv);
  const loaders = word && COMMANDS[word] ? [COMMANDS[word]] : Object.values(COMMANDS);
  const loaded = new Set<CommandModule>();
  for (const load of loaders) {
    const mod = await load();
    if (!loaded.has(mod)) {
      loaded.add(mod);
      mod.register(program, rt);
    }
  }
  return program;
}

function commandWord(argv: string[]): string | undefined {
  const i = commandWordIndex(argv);
  return i === -1 ? undefined : argv[i];
}

function commandWordIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith("-")) return i;
  }
  return -1;
}

/** `interventie help avond nieuw` is `interventie avond nieuw --help` (commander's help command knows one level only). */
function helpAsFlag(argv: string[]): string[] {
  const i = commandWordIndex(argv);
  if (i === -1 || argv[i] !== "help") return argv;
  return [...argv.slice(0, i), ...argv.slice(i + 1), "--help"];
}

/** Commander speaks English; the users read Dutch. Applied to every (sub)command. */
export function configureDutch(cmd: Command, streams: Streams): Command {
  cmd.exitOverride();
  cmd.configureOutput({
    writeOut: (s) => streams.stdout.write(s),
    writeErr: (s) => streams.stderr.write(s),
    outputError: () => {}, // reported once, in Dutch, by report()
    getOutHelpWidth: () => terminalWidth(),
    getErrHelpWidth: () => terminalWidth(),
  });
  cmd.configureHelp(dutchHelpConfiguration());
  return cmd;
}

function report(err: unknown, rt: Runtime, streams: Streams, json: boolean, debug: boolean): number {
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") {
      return EXIT_OK;
    }
    if (err.code === "commander.executeSubCommandAsync") return EXIT_OK;
    return userFailure(new UserError("gebruik", commanderMessage(err)), streams, json);
  }
  const translated = translateSqliteError(err, rt.ctx?.plek ?? "database");
  if (translated instanceof UserError) return userFailure(translated, streams, json);
  if (err instanceof Error && err.name === "ExitPromptError") {
    return userFailure(new UserError("afgebroken", "Afgebroken; er is niets gewijzigd"), streams, json);
  }
  const message = err instanceof Error ? err.message : String(err);
  streams.stderr.write(`Onverwachte fout: ${message}${debug ? "" : " (gebruik --debug voor details)"}\n`);
  if (debug && err instanceof Error && err.stack) streams.stderr.write(`${err.stack}\n`);
  if (json) streams.stdout.write(`${JSON.stringify({ fout: { code: "onverwacht", bericht: message } })}\n`);
  return EXIT_UNEXPECTED;
}

/** Hostile input echoed in a message must not drive the terminal (escape sequences, bells, bidi). */
function printable(text: string): string {
  return neutraliseer(text);
}

function userFailure(err: UserError, streams: Streams, json: boolean): number {
  streams.stderr.write(`fout: ${printable(err.message)}\n`);
  for (const line of err.details) streams.stderr.write(`  ${printable(line)}\n`);
  if (json) {
    const fout = err.details.length
      ? { code: err.code, bericht: err.message, details: err.details }
      : { code: err.code, bericht: err.message };
    streams.stdout.write(`${jsonZonderStuurtekens(JSON.stringify({ fout }))}\n`);
  }
  return EXIT_USER;
}

function commanderMessage(err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "commander.unknownOption":
      return `Onbekende optie ${quoted}`;
    case "commander.unknownCommand":
      return `Onbekende opdracht ${quoted}; zie interventie --help`;
    case "commander.missingArgument":
      return `Ontbrekend argument ${quoted}`;
    case "commander.optionMissingArgument":
      return `Optie ${quoted} heeft een waarde nodig`;
    case "commander.missingMandatoryOptionValue":
      return `Ontbrekende optie ${quoted}`;
    case "commander.excessArguments":
      return `Te veel argumenten; zie --help`;
    case "commander.invalidArgument":
      return err.message.replace(/^error: /, "Ongeldige waarde: ");
    default:
      return err.message.replace(/^error: /, "");
  }
}

/** Entry point of bin/interventie.js. */
export async function runFromProcess(): Promise<void> {
  // `interventie … | head`: the reader left; stop quietly as Unix tools do, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // isatty(0) rather than process.stdin.isTTY: touching process.stdin builds a stream (~5 ms).
    stdinIsTTY: isatty(0),
    env: process.env,
  });
  process.exitCode = code;
}
