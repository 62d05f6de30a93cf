import path from "node:path";
import fs from "node:fs";
import type { KopieControle, Store } from "../db/store.js";
import { UserError } from "../errors.js";
import { bijlagenMap, copyStore } from "../io/bijlagen.js";
import { cleanupTemp, moveIntoPlace, privateTemp, type OutputTarget } from "../io/output-file.js";

export interface Backup extends KopieControle {
  bestand: string;
  grootte: number;
  bijlagen: { map: string; bestanden: number; problemen: string[] };
  /** The store is read-only: the backup is not in its audit log. */
  nietGelogd: boolean;
}

/**
 * `backup`: a checked copy of the store put in place as one file (0600), the act in the audit log,
 * and the evidence (photos, signed report PDFs) copied next to it: a backup without it would lose
 * what the signed reports rest on. The copy's own hashes say what belongs to it.
 */
export async function makeBackup(store: Store, target: OutputTarget, bronDb: string): Promise<Backup> {
  const file = target.file;
  const tmp = privateTemp(file);
  let kopie: Awaited<ReturnType<Store["backupTo"]>>;
  try {
    kopie = await store.backupTo(tmp);
    moveIntoPlace(tmp, target);
  } catch (err) {
    cleanupTemp(tmp);
    const code = (err as { code?: string }).code ?? "";
    if (code === "ENOSPC" || code.startsWith("SQLITE_FULL"))
      throw new UserError("schijf-vol", `De schijf is vol; er is geen backup geschreven`);
    throw err;
  }
  // A read-only database can still be backed up; its audit log cannot record that.
  if (!store.readonly) await store.change((tx) => tx.audit("database", null, "backup", { bestand: path.basename(file) }));
  const grootte = fs.statSync(file).size;
  const bijlagen = copyStore(bijlagenMap(bronDb), bijlagenMap(file), kopie.hashes);
  return {
    bestand: file,
    grootte,
    ...kopie.controle,
    bijlagen: { map: bijlagenMap(file), bestanden: bijlagen.gekopieerd + bijlagen.aanwezig, problemen: bijlagen.problemen },
    nietGelogd: store.readonly,
  };
}
