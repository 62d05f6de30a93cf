import fs from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import { requireText } from "../domain/invoer.js";
import { registerTemp, sweepStaleTemps, tempName, unregisterTemp } from "./temp-files.js";

/**
 * The one writer for every file the tool writes on the user's behalf (PDFs, letters, backups,
 * exports). Rules, checked before any work and again right before the file is put in place:
 * - never a database this process uses, nor its -wal/-shm/-journal, compared by real path and by
 *   inode, so symlinks, `./` and `..` do not get past;
 * - never an existing file unless the user said --overschrijven (or a letter is reprinted: its
 *   name carries the kenmerk, so the file is its own);
 * - never a directory, device, FIFO or socket (as root a rename would replace a device node);
 * - never a folder created silently: a named file's folder must exist.
 * The file is written private (0600) under a temporary name and then linked or renamed into place,
 * so a failure leaves no half-written file and a file that appears meanwhile is not clobbered.
 */
export interface OutputRules {
  /** Option named in messages: "pdf", "uit". */
  veld?: string;
  /** Replace an existing regular file (--overschrijven, or a letter's reprint). */
  overschrijven?: boolean;
  /** A database to protect besides those registered with protectDatabase (kept for older callers). */
  dbPath?: string;
}

/** A named output file that passed the checks; hand it to writeOutput or moveIntoPlace. */
export interface OutputTarget {
  file: string;
  veld: string;
  overschrijven: boolean;
  dbPath?: string;
}

const JOURNAL_SUFFIXES = ["", "-wal", "-shm", "-journal"];
const geveegd = new Set<string>();

/** Databases of this process: no output may land on them (the Ctx registers its --db). */
const protectedDatabases = new Set<string>();

export function protectDatabase(file: string): void {
  protectedDatabases.add(path.resolve(file));
}

/** Validates a named output file; returns the target to write (absolute path). */
export function outputTarget(raw: string | undefined, rules: OutputRules = {}): OutputTarget {
  const veld = rules.veld ?? "uit";
  if (raw === undefined || raw.trim() === "") {
    throw new UserError("ontbrekende-optie", `Ontbrekende optie --${veld} (het bestand om naar te schrijven)`);
  }
  requireText(veld, raw, 1000); // no control characters; the path itself is used as typed (not NFC)
  const target: OutputTarget = {
    file: path.resolve(raw.trim()),
    veld,
    overschrijven: Boolean(rules.overschrijven),
    dbPath: rules.dbPath,
  };
  checkTarget(target);
  return target;
}

function checkTarget(t: OutputTarget): void {
  const dir = path.dirname(t.file);
  let realDir: string;
  try {
    realDir = fs.realpathSync(dir);
  } catch {
    throw new UserError("ongeldige-invoer", `${t.veld}: map ${dir} bestaat niet; maak die eerst aan`);
  }
  if (!fs.statSync(realDir).isDirectory()) throw new UserError("ongeldige-invoer", `${t.veld}: ${dir} is geen map`);
  const real = path.join(realDir, path.basename(t.file));
  const link = lstatOrUndefined(real);
  const stat = link?.isSymbolicLink() ? statOrUndefined(real) : link;
  if (isProtected([t.file, real, ...(link?.isSymbolicLink() ? [realpathOrSelf(real)] : [])], stat, t.dbPath)) {
    throw new UserError("ongeldige-invoer", `${t.veld}: mag niet de database zelf zijn (of een van haar hulpbestanden)`);
  }
  if (!link) return;
  if (stat?.isDirectory()) throw new UserError("ongeldige-invoer", `${t.veld}: ${t.file} is een map; geef een bestandsnaam`);
  if (stat && !stat.isFile()) {
    throw new UserError(
      "ongeldige-invoer",
      `${t.veld}: ${t.file} is geen gewoon bestand (apparaat, pijp of socket); kies een bestandsnaam`,
    );
  }
  if (!t.overschrijven) {
    throw new UserError("bestaat-al", `${t.veld}: ${t.file} bestaat al; kies een nieuwe naam of gebruik --overschrijven`);
  }
}

function isProtected(paths: string[], stat: fs.Stats | undefined, extra: string | undefined): boolean {
  const databases = [...protectedDatabases, ...(extra ? [path.resolve(extra)] : [])];
  for (const db of databases) {
    for (const suffix of JOURNAL_SUFFIXES) {
      const given = db + suffix;
      const real = path.join(realpathOrSelf(path.dirname(db)), path.basename(db) + suffix);
      const candidates = new Set([given, real, realpathOrSelf(given)]);
      if (paths.some((p) => candidates.has(p))) return true;
      // The same file under another name (a hard link, a case-insensitive file system).
      const s = statOrUndefined(given);
      if (stat && s && s.dev === stat.dev && s.ino === stat.ino) return true;
    }
  }
  return false;
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function realpathOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * A fresh private (0600) temporary file next to the target; returns its path. Its name is
 * recognisably ours (see temp-files.ts): removed on Ctrl-C/SIGTERM, swept on a later run after kill -9.
 */
export function privateTemp(file: string): string {
  const dir = path.dirname(file);
  if (!geveegd.has(dir)) {
    sweepStaleTemps(dir);
    geveegd.add(dir); // once per folder and process: a batch writes 200 letters into one folder
  }
  const tmp = path.join(dir, tempName(path.basename(file)));
  try {
    registerTemp(tmp);
    fs.closeSync(fs.openSync(tmp, "wx", 0o600));
    fs.chmodSync(tmp, 0o600);
  } catch (err) {
    unregisterTemp(tmp);
    throw new UserError("schrijffout", `Kan niet schrijven in ${dir} (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  }
  return tmp;
}

/**
 * Puts the finished temporary file in place. The target is checked again (the database, a
 * non-regular file, an existing file) right before; without overschrijven a hard link makes the
 * step atomic, so a file that appeared meanwhile is refused rather than replaced.
 * Called with a bare path (older callers that checked the target themselves), it may replace a file.
 */
export function moveIntoPlace(tmp: string, file: string | OutputTarget): void {
  const target: OutputTarget = typeof file === "string" ? { file: path.resolve(file), veld: "uit", overschrijven: true } : file;
  checkTarget(target);
  if (target.overschrijven) fs.renameSync(tmp, target.file);
  else linkIntoPlace(tmp, target);
  unregisterTemp(tmp);
  fs.chmodSync(target.file, 0o600);
}

function linkIntoPlace(tmp: string, target: OutputTarget): void {
  try {
    fs.linkSync(tmp, target.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new UserError("bestaat-al", `${target.veld}: ${target.file} bestaat al; kies een nieuwe naam of gebruik --overschrijven`);
    }
    // File systems without hard links (some network and FAT drives): checked just now, rename.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS" || code === "EXDEV") {
      fs.renameSync(tmp, target.file);
      return;
    }
    throw err;
  }
  fs.rmSync(tmp, { force: true });
}

export function cleanupTemp(tmp: string): void {
  for (const f of JOURNAL_SUFFIXES.map((s) => tmp + s)) fs.rmSync(f, { force: true });
  unregisterTemp(tmp);
}

/** Writes text or bytes privately and atomically to a target that passed outputTarget. */
export function writePrivate(file: string | OutputTarget, text: string | Buffer): void {
  const target: OutputTarget = typeof file === "string" ? outputTarget(file, { overschrijven: true }) : file;
  const tmp = privateTemp(target.file);
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    moveIntoPlace(tmp, target);
  } catch (err) {
    cleanupTemp(tmp);
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new UserError("schijf-vol", `De schijf is vol; ${target.file} is niet geschreven`);
    throw new UserError("schrijffout", `Kan ${target.file} niet schrijven (${code ?? "fout"})`);
  }
}

/**
 * Writes a named output file under the rules above. Without rules: no overwriting, the folder
 * must exist, never a database of this process.
 */
export function writeOutput(file: string | OutputTarget, data: string | Buffer, veld = "uit", rules: OutputRules = {}): void {
  writePrivate(typeof file === "string" ? outputTarget(file, { veld, ...rules }) : file, data);
}

/**
 * A letter: its file name carries the kenmerk, so it is unique and the file is its own; writing
 * it again (a reprint) replaces that file by design. The folder must exist (see outputFolder).
 */
export function writeLetter(file: string, data: Buffer): void {
  writeOutput(file, data, "uit", { overschrijven: true });
}

/**
 * The folder for letters (--uit <map>): created when missing, as a user expects of "put the
 * letters there"; the caller says so. An existing file in its place is refused.
 */
export function outputFolder(raw: string, veld = "uit"): { map: string; aangemaakt: boolean } {
  requireText(veld, raw, 1000);
  const map = path.resolve(raw.trim());
  const st = statOrUndefined(map);
  if (st?.isDirectory()) return { map, aangemaakt: false };
  if (st || lstatOrUndefined(map)) throw new UserError("schrijffout", `Kan map ${map} niet maken: er staat al een bestand met die naam`);
  try {
    fs.mkdirSync(map, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new UserError("schrijffout", `Kan map ${map} niet maken (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  }
  return { map, aangemaakt: true };
}
