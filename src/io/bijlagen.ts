import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { formatGrootte, detectSoort, KOP_BYTES, MAX_BIJLAGE_BYTES, SHA256 } from "../domain/bijlage.js";
import type { Bewijsopslag, Kandidaat, Plaatsing, Toestand } from "../db/bewijs.js";
import type { Sql } from "../db/sql.js";
import type { Tx } from "../db/store.js";
import { UserError } from "../errors.js";

export type { Kandidaat, Toestand };

/**
 * The private file store next to the database: `<database>.bijlagen/` (0700), one file per distinct
 * content named by its SHA-256 (0600). Content addressing makes duplicates impossible and every
 * file verifiable against the hash in the database, the audit log and the signed report.
 */
export function bijlagenMap(dbPath: string): string {
  return `${path.resolve(dbPath)}.bijlagen`;
}

function opslagPad(map: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`geen SHA-256: ${sha256}`);
  return path.join(map, sha256);
}

export function checkKandidaat(raw: string): Kandidaat {
  const bestand = path.resolve(raw);
  let st: fs.Stats;
  try {
    st = fs.statSync(bestand);
  } catch {
    throw new UserError("niet-gevonden", `Bestand ${raw} bestaat niet`);
  }
  if (!st.isFile()) throw new UserError("ongeldige-invoer", `bestand: ${raw} is geen gewoon bestand`);
  if (st.size === 0) throw new UserError("ongeldige-invoer", `bestand: ${raw} is leeg`);
  if (st.size > MAX_BIJLAGE_BYTES) {
    throw new UserError(
      "te-groot",
      `bestand: ${raw} is ${formatGrootte(st.size)}; een bijlage mag hoogstens ${formatGrootte(MAX_BIJLAGE_BYTES)} zijn`,
    );
  }
  const kop = Buffer.alloc(KOP_BYTES);
  let fd: number | undefined;
  try {
    fd = fs.openSync(bestand, "r");
    fs.readSync(fd, kop, 0, KOP_BYTES, 0);
  } catch (err) {
    throw new UserError("bestand-onleesbaar", `Kan ${raw} niet lezen (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const soort = detectSoort(kop);
  if (!soort) throw new UserError("ongeldig-bestand", `bestand: ${raw} is geen foto (JPEG of PNG) of PDF-document`);
  return { bestand, naam: path.basename(bestand), grootte: st.size, soort };
}

/** Makes the store folder (0700) if needed; an existing one is narrowed to 0700. */
function makeMap(map: string): void {
  try {
    fs.mkdirSync(map, { recursive: true, mode: 0o700 });
    fs.chmodSync(map, 0o700);
  } catch (err) {
    throw new UserError("schrijffout", `Kan map ${map} niet maken (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  }
}

/**
 * Reads a checked file in pieces, hashing as it goes and handing each piece to `stuk`. The size is
 * checked again while reading: a file that grows after the check cannot get past the limit.
 * Other errors (reading, or writing in `stuk`) pass through for the caller to name.
 */
function leesKandidaat(k: Kandidaat, stuk: (deel: Buffer) => void): { sha256: string; grootte: number } {
  const hash = createHash("sha256");
  let grootte = 0;
  let bron: number | undefined;
  try {
    bron = fs.openSync(k.bestand, "r");
    for (;;) {
      const buf = Buffer.alloc(Math.min(1024 * 1024, MAX_BIJLAGE_BYTES + 1 - grootte));
      const n = fs.readSync(bron, buf, 0, buf.length, null);
      if (n === 0) break;
      grootte += n;
      if (grootte > MAX_BIJLAGE_BYTES) {
        throw new UserError("te-groot", `bestand: ${k.naam} is groter dan ${formatGrootte(MAX_BIJLAGE_BYTES)}`);
      }
      hash.update(buf.subarray(0, n));
      stuk(buf.subarray(0, n));
    }
  } finally {
    if (bron !== undefined) fs.closeSync(bron);
  }
  return { sha256: hash.digest("hex"), grootte };
}

/** Copies the file into a private temporary file inside the store, hashing as it goes (leesKandidaat). */
function copyToTemp(k: Kandidaat, map: string): { tmp: string; sha256: string; grootte: number } {
  const tmp = path.join(map, `.nieuw-${process.pid}-${Date.now()}.tmp`);
  let doel: number | undefined;
  try {
    doel = fs.openSync(tmp, "wx", 0o600);
    const d = doel;
    const r = leesKandidaat(k, (deel) => fs.writeSync(d, deel));
    fs.fsyncSync(doel);
    fs.closeSync(doel);
    doel = undefined;
    fs.chmodSync(tmp, 0o600);
    return { tmp, ...r };
  } catch (err) {
    if (doel !== undefined) fs.closeSync(doel);
    fs.rmSync(tmp, { force: true });
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new UserError("schijf-vol", `De schijf is vol; ${k.naam} is niet opgeslagen`);
    throw new UserError("bestand-onleesbaar", `Kan ${k.naam} niet kopiëren (${code ?? "fout"})`);
  }
}

/** Reads a checked file whole (for a store that keeps bytes in the database), hashing as it goes. */
export function readKandidaat(k: Kandidaat): { data: Buffer; sha256: string; grootte: number } {
  const delen: Buffer[] = [];
  try {
    const r = leesKandidaat(k, (deel) => delen.push(deel));
    return { data: Buffer.concat(delen, r.grootte), ...r };
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError("bestand-onleesbaar", `Kan ${k.naam} niet lezen (${(err as NodeJS.ErrnoException).code ?? "fout"})`);
  }
}

/** Writes bytes (a signed report) into a private temporary file in the store. */
function writeTemp(map: string, data: Buffer): { tmp: string; sha256: string } {
  const tmp = path.join(map, `.nieuw-${process.pid}-${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600, flag: "wx" });
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new UserError("schijf-vol", "De schijf is vol; er is niets opgeslagen");
    throw new UserError("schrijffout", `Kan niet schrijven in ${map} (${code ?? "fout"})`);
  }
  return { tmp, sha256: createHash("sha256").update(data).digest("hex") };
}

/**
 * Puts a verified temporary file in place under its hash. Returns whether this call created the
 * stored file (so a failed transaction removes only what it added). An existing file with the
 * right content stays; a missing or altered one is replaced by the good copy.
 */
function placeBestand(map: string, tmp: string, sha256: string): boolean {
  const doel = opslagPad(map, sha256);
  if (fs.existsSync(doel) && checkBestand(map, sha256) === "in-orde") {
    fs.rmSync(tmp, { force: true });
    return false;
  }
  fs.renameSync(tmp, doel);
  fs.chmodSync(doel, 0o600);
  return true;
}

/** Reads a stored file back and compares its hash. */
function checkBestand(map: string, sha256: string): Toestand {
  const data = readOpgeslagen(map, sha256);
  if (data === undefined) return "ontbreekt";
  return createHash("sha256").update(data).digest("hex") === sha256 ? "in-orde" : "gewijzigd";
}

/** Is there a file for this hash in the store (without reading it)? */
function isOpgeslagen(map: string, sha256: string): boolean {
  return fs.existsSync(opslagPad(map, sha256));
}

/** The stored bytes, or undefined when the file is missing. */
function readOpgeslagen(map: string, sha256: string): Buffer | undefined {
  try {
    return fs.readFileSync(opslagPad(map, sha256));
  } catch {
    return undefined;
  }
}

/** The stored bytes if present and unaltered; otherwise why not. */
function readGeverifieerd(map: string, sha256: string): { data: Buffer } | { fout: Exclude<Toestand, "in-orde"> } {
  const data = readOpgeslagen(map, sha256);
  if (data === undefined) return { fout: "ontbreekt" };
  if (createHash("sha256").update(data).digest("hex") !== sha256) return { fout: "gewijzigd" };
  return { data };
}

function deleteBestand(map: string, sha256: string): void {
  fs.rmSync(opslagPad(map, sha256), { force: true });
}

/** Files in the store that the database does not know (leftovers), and stale temporaries. */
function losseBestanden(map: string, bekend: Set<string>): string[] {
  if (!fs.existsSync(map)) return [];
  return fs
    .readdirSync(map)
    .filter((f) => !bekend.has(f))
    .sort();
}

function removeTemp(tmp: string): void {
  fs.rmSync(tmp, { force: true });
}

/**
 * A checked temporary copy on its way into the folder, put in place under its hash inside the
 * caller's write transaction. `undo()` after a failure removes the temporary and a file this
 * placement put there (a file that was already there stays).
 */
class BestandPlaatsing implements Plaatsing {
  private geplaatst = false;
  readonly sha256: string;
  readonly grootte: number;
  constructor(
    private readonly map: string,
    private readonly kopie: { tmp: string; sha256: string; grootte: number },
  ) {
    this.sha256 = kopie.sha256;
    this.grootte = kopie.grootte;
  }
  place(_tx: Tx): Promise<void> {
    this.geplaatst = placeBestand(this.map, this.kopie.tmp, this.kopie.sha256);
    return Promise.resolve();
  }
  undo(): void {
    removeTemp(this.kopie.tmp);
    if (this.geplaatst) deleteBestand(this.map, this.kopie.sha256);
  }
}

/**
 * The evidence of a SQLite database: files in `<database>.bijlagen/` (Bewijsopslag). The Sql and
 * Tx arguments are not needed (the folder is beside the file), but the caller's transaction still
 * orders the work: a file is placed under the write lock and removed again when it rolls back.
 */
export class BestandenBewijs implements Bewijsopslag {
  readonly transactioneel = false;
  constructor(readonly plek: string) {}
  neemBestand(k: Kandidaat): Plaatsing {
    makeMap(this.plek);
    return new BestandPlaatsing(this.plek, copyToTemp(k, this.plek));
  }
  neemBytes(data: Buffer): Plaatsing {
    makeMap(this.plek);
    return new BestandPlaatsing(this.plek, { ...writeTemp(this.plek, data), grootte: data.length });
  }
  lees(_sql: Sql, sha256: string): Promise<{ data: Buffer } | { fout: Exclude<Toestand, "in-orde"> }> {
    return Promise.resolve(readGeverifieerd(this.plek, sha256));
  }
  toestand(_sql: Sql, sha256: string): Promise<Toestand> {
    return Promise.resolve(checkBestand(this.plek, sha256));
  }
  aanwezig(_sql: Sql, sha256: string): Promise<boolean> {
    return Promise.resolve(isOpgeslagen(this.plek, sha256));
  }
  los(_sql: Sql, bekend: Set<string>): Promise<string[]> {
    return Promise.resolve(losseBestanden(this.plek, bekend));
  }
  verwijder(_tx: Tx, sha256: string): Promise<void> {
    deleteBestand(this.plek, sha256);
    return Promise.resolve();
  }
}

/**
 * Copies the stored files a backup's database refers to into the backup's own store
 * (`<backup>.bijlagen/`). Content addressing makes this safe to repeat: a file already there with
 * the right content stays; each copy is verified against its hash before it is put in place.
 * A source file that is missing or altered is reported, never copied.
 */
export function copyStore(
  van: string,
  naar: string,
  hashes: readonly { sha256: string; wat: string }[],
): { gekopieerd: number; aanwezig: number; problemen: string[] } {
  const uitkomst = { gekopieerd: 0, aanwezig: 0, problemen: [] as string[] };
  const uniek = hashes.filter((h, i, all) => all.findIndex((x) => x.sha256 === h.sha256) === i);
  if (uniek.length === 0) return uitkomst;
  makeMap(naar);
  for (const h of uniek) {
    if (checkBestand(naar, h.sha256) === "in-orde") {
      uitkomst.aanwezig++;
      continue;
    }
    const bron = readGeverifieerd(van, h.sha256);
    if ("fout" in bron) {
      uitkomst.problemen.push(`${h.wat} (${h.sha256.slice(0, 12)}…) ${bron.fout === "ontbreekt" ? "ontbreekt" : "is gewijzigd"}`);
      continue;
    }
    const { tmp } = writeTemp(naar, bron.data);
    placeBestand(naar, tmp, h.sha256);
    uitkomst.gekopieerd++;
  }
  return uitkomst;
}
