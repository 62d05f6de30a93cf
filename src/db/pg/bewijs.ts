import { createHash } from "node:crypto";
import type { Bewijsopslag, Kandidaat, Plaatsing, Toestand } from "../bewijs.js";
import type { Sql } from "../sql.js";
import type { Tx } from "../store.js";
import { UserError } from "../../errors.js";
import { readKandidaat } from "../../io/bijlagen.js";

/**
 * The evidence of a PostgreSQL team database: one row per content in `bestand_inhoud` (schema.ts),
 * written in the same transaction as the row that refers to it, so a failed change leaves nothing
 * to undo, and readable only by logins that may read such a row (toegang.ts). The table's CHECKs
 * tie the bytes to their hash and size; reading back verifies them once more, as the files are.
 *
 * Bytes go to the server as a binary parameter (one copy, no encoding) and come back as base64
 * text (a third larger on the wire than the bytes; a bytea column itself would arrive as hex, twice
 * as large); an attachment is at most 25 MB.
 */
export class PgBewijs implements Bewijsopslag {
  readonly plek: string;
  readonly transactioneel = true;
  constructor(database: string) {
    this.plek = `${database} (tabel bestand_inhoud)`;
  }

  neemBestand(k: Kandidaat): Plaatsing {
    const { data, sha256 } = readKandidaat(k);
    return new RijPlaatsing(data, sha256);
  }

  neemBytes(data: Buffer): Plaatsing {
    return new RijPlaatsing(data, sha256Van(data));
  }

  async lees(sql: Sql, sha256: string): Promise<{ data: Buffer } | { fout: Exclude<Toestand, "in-orde"> }> {
    const r = await sql.get<{ inhoud: string }>("SELECT encode(inhoud, 'base64') AS inhoud FROM bestand_inhoud WHERE sha256 = ?", sha256);
    if (!r) return { fout: "ontbreekt" };
    const data = Buffer.from(r.inhoud, "base64");
    return sha256Van(data) === sha256 ? { data } : { fout: "gewijzigd" };
  }

  toestand(sql: Sql, sha256: string): Promise<Toestand> {
    return toestandVan(sql, sha256);
  }

  async aanwezig(sql: Sql, sha256: string): Promise<boolean> {
    return (await sql.get("SELECT 1 AS ja FROM bestand_inhoud WHERE sha256 = ?", sha256)) !== undefined;
  }

  async los(sql: Sql, bekend: Set<string>): Promise<string[]> {
    const rijen = await sql.all<{ sha256: string }>("SELECT sha256 FROM bestand_inhoud ORDER BY sha256");
    return rijen.map((r) => r.sha256).filter((h) => !bekend.has(h));
  }

  async verwijder(tx: Tx, sha256: string): Promise<void> {
    await tx.sql.run("DELETE FROM bestand_inhoud WHERE sha256 = ?", sha256);
  }
}

/**
 * Content stored once per hash: a row that is already there (another finding's same photo) stays,
 * after its bytes are checked against the hash. Nothing to undo: the row goes with a rollback.
 */
class RijPlaatsing implements Plaatsing {
  readonly grootte: number;
  constructor(
    private readonly data: Buffer,
    readonly sha256: string,
  ) {
    this.grootte = data.length;
  }

  async place(tx: Tx): Promise<void> {
    const nieuw = await tx.sql.run(
      "INSERT INTO bestand_inhoud (sha256, inhoud, grootte) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
      this.sha256,
      this.data,
      this.grootte,
    );
    if (nieuw === 0 && (await toestandVan(tx.sql, this.sha256)) !== "in-orde") {
      throw new UserError(
        "bijlagen-niet-in-orde",
        `De bewaarde inhoud ${this.sha256.slice(0, 12)}… is in de database gewijzigd; herstel die uit de backup (zie bevinding bijlage controleer); er is niets gewijzigd`,
      );
    }
  }

  undo(): void {}
}

/** A stored content against its hash, hashed by the server: the bytes need not travel to be checked. */
async function toestandVan(sql: Sql, sha256: string): Promise<Toestand> {
  const r = await sql.get<{ h: string }>("SELECT encode(sha256(inhoud), 'hex') AS h FROM bestand_inhoud WHERE sha256 = ?", sha256);
  if (!r) return "ontbreekt";
  return r.h === sha256 ? "in-orde" : "gewijzigd";
}

function sha256Van(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
