import fs from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import { requireText } from "../domain/invoer.js";

/**
 * An output file for personal data (backup, export): validated, never clobbered unless asked,
 * never the database itself, written under a temporary name with mode 0600 and renamed into place,
 * so a failure leaves no half-written file.
 */
export function outputPath(raw: string | undefined, opts: { overschrijven: boolean; dbPath: string }): string {
  if (raw === undefined || raw.trim() === "") {
    throw new UserError("ontbrekende-optie", "Ontbrekende optie --uit (het bestand om naar te schrijven)");
  }
  const file = path.resolve(requireText("uit", raw, 1000));
  if (file === path.resolve(opts.dbPath)) throw new UserError("ongeldige-invoer", "uit: mag niet de database zelf zijn");
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserError("ongeldige-invoer", `uit: map ${dir} bestaat niet`);
  }
  if (fs.existsSync(file)) {
    if (fs.statSync(file).isDirectory()) throw new UserError("ongeldige-invoer", `uit: ${file} is een map; geef een bestandsnaam`);
    if (!opts.overschrijven) throw new UserError("bestaat-al", `uit: ${file} bestaat al; kies een nieuwe naam of gebruik --overschrijven`);
  }
  return file;
}

/** A fresh private (0600) temporary file next to the target; returns its path. */
export function privateTemp(file: string): string {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.closeSync(fs.openSync(tmp, "wx", 0o600));
    fs.chmodSync(tmp, 0o600);
  } catch (err) {
    throw new UserError("schrijffout", `Kan niet schrijven in ${path.dirname(file)} (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  }
  return tmp;
}

/** Moves the finished temporary file into place (atomic on one file system). */
export function moveIntoPlace(tmp: string, file: string): void {
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

export function cleanupTemp(tmp: string): void {
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
}

/** Writes text or bytes privately and atomically. */
export function writePrivate(file: string, text: string | Buffer): void {
  const tmp = privateTemp(file);
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    moveIntoPlace(tmp, file);
  } catch (err) {
    cleanupTemp(tmp);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new UserError("schijf-vol", `De schijf is vol; ${file} is niet geschreven`);
    throw new UserError("schrijffout", `Kan ${file} niet schrijven (${code ?? "fout"})`);
  }
}

/** writePrivate, creating the folder first if needed; a folder as target is the user's error. */
export function writeOutput(file: string, data: string | Buffer, veld = "uit"): void {
  const target = path.resolve(file);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new UserError("ongeldige-invoer", `${veld}: ${target} is een map; geef een bestandsnaam`);
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (err) {
    throw new UserError("schrijffout", `Kan map ${path.dirname(target)} niet maken (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  }
  writePrivate(target, data);
}
