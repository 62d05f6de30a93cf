import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, tempDir } from "./cli.js";
import { pgOmgeving } from "./opslag.js";

export interface PtyStap {
  /** A regular expression the terminal must show (ANSI codes removed) before `send` is typed. */
  expect: string;
  send: string;
}

export interface PtyResultaat {
  code: number;
  /** Everything the terminal showed, colour and cursor codes removed. */
  output: string;
  /** The expectation that did not appear, or null. */
  missed: string | null;
}

/** Keys as a terminal sends them. */
export const TOETS = { enter: "\r", omlaag: "\u001b[B", spatie: " ", ctrlC: "\u0003", wis: "\u007f" } as const;

/**
 * Runs the built CLI in a real pseudo-terminal (python3's pty module, 80x40), typing each
 * step's keys once its text appears: the prompts a person sees, not scripted answers.
 */
export function cliPty(db: string, args: string[], steps: PtyStap[], env: Record<string, string> = {}): PtyResultaat {
  const spec = path.join(tempDir(), "pty.json");
  fs.writeFileSync(
    spec,
    JSON.stringify({
      argv: [process.execPath, path.join(ROOT, "bin", "interventie.cjs"), "--db", db, ...args],
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        TZ: "Europe/Amsterdam",
        TERM: "xterm",
        INTERVENTIE_GEBRUIKER: "tester",
        ...pgOmgeving(),
        ...env,
      },
      steps,
      timeout: 20,
    }),
  );
  const r = spawnSync("python3", [path.join(ROOT, "test", "helpers", "terminal.py"), spec], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`terminal.py: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout) as PtyResultaat;
}
