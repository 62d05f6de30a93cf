import fs from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import { cleanupTemp, privateTemp } from "./output-file.js";

/**
 * Letters are written in two steps so concurrent runs cannot hurt each other: first each PDF
 * into a private temporary file of this run (outside the database lock), then, inside the
 * write transaction, moved to its final name. A new letter never replaces a file (its name
 * carries a fresh kenmerk; a stranger's file there stops the run); a reprint replaces the
 * letter's own file. On failure a run removes only the files it made.
 */
export interface Gestaged {
  tijdelijk: string;
  doel: string;
  /** A reprint: the final file is this letter's own and may be replaced. */
  vervang: boolean;
}

export function stage(doel: string, data: Buffer, vervang: boolean): Gestaged {
  const tijdelijk = privateTemp(doel);
  try {
    fs.writeFileSync(tijdelijk, data, { mode: 0o600 });
  } catch (err) {
    cleanupTemp(tijdelijk);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new UserError("schijf-vol", `De schijf is vol; ${doel} is niet geschreven`);
    throw new UserError("schrijffout", `Kan ${doel} niet schrijven (${code ?? "fout"})`);
  }
  return { tijdelijk, doel, vervang };
}

/** Moves a staged letter to its final name; returns the path now holding a file of this run. */
export function placeBrief(g: Gestaged): void {
  if (g.vervang) {
    fs.renameSync(g.tijdelijk, g.doel);
    return;
  }
  try {
    fs.linkSync(g.tijdelijk, g.doel); // fails instead of replacing an existing file
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UserError("bestaat-al", `${g.doel} bestaat al; er is niets gewijzigd`);
    throw new UserError("schrijffout", `Kan ${g.doel} niet schrijven (${code ?? "fout"})`);
  }
  fs.rmSync(g.tijdelijk, { force: true });
}

/** Removes this run's temporary files, and the final files it placed (never a reprint's target: that was the letter's own). */
export function cleanUpBrieven(gestaged: readonly Gestaged[], geplaatst: ReadonlySet<Gestaged>): void {
  for (const g of gestaged) {
    cleanupTemp(g.tijdelijk);
    if (geplaatst.has(g) && !g.vervang) fs.rmSync(g.doel, { force: true });
  }
}

export function naamIn(dir: string, bestand: string): string {
  return path.join(path.resolve(dir), path.basename(bestand));
}
