import type { BijlageSoort } from "../domain/bijlage.js";
import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";

/**
 * Where the bytes of evidence live (attachments, the PDFs of signed reports), each content once,
 * under its SHA-256 — store by store: SQLite keeps files in `<database>.bijlagen/`
 * (src/io/bijlagen.ts), PostgreSQL a table `bestand_inhoud` (src/db/pg/bewijs.ts). The use cases see
 * only this interface, so every command does the same on both stores.
 *
 * The metadata (bijlage, rapport_versie, hercontrole_versie) says which hashes must be there; this
 * store holds and verifies the bytes.
 */
export interface Bewijsopslag {
  /** Where the evidence is, for messages: the folder, or the database and its table. */
  readonly plek: string;
  /**
   * Writes and deletions are part of the database transaction (PostgreSQL: rows), so they roll back
   * with it; otherwise (SQLite: files) a deletion waits until the transaction that made the content
   * unreferenced has committed.
   */
  readonly transactioneel: boolean;
  /** A checked file offered as evidence: copied and hashed (its size checked again while read), not yet stored. */
  neemBestand(k: Kandidaat): Plaatsing;
  /** Bytes made here (a signed report's PDF), not yet stored. */
  neemBytes(data: Buffer): Plaatsing;
  /** The stored bytes if present and unaltered; otherwise why not. */
  lees(sql: Sql, sha256: string): Promise<{ data: Buffer } | { fout: Exclude<Toestand, "in-orde"> }>;
  /** The stored content against its hash. */
  toestand(sql: Sql, sha256: string): Promise<Toestand>;
  /** Is there content for this hash (without reading it)? */
  aanwezig(sql: Sql, sha256: string): Promise<boolean>;
  /** Stored contents (and leftovers) that none of `bekend` names, sorted. */
  los(sql: Sql, bekend: Set<string>): Promise<string[]>;
  /** Removes a content nothing refers to any more (retention), inside the write transaction. */
  verwijder(tx: Tx, sha256: string): Promise<void>;
}

export type Toestand = "in-orde" | "ontbreekt" | "gewijzigd";

/** A file offered as evidence, checked (exists, regular, size, type by content) before a byte is copied. */
export interface Kandidaat {
  bestand: string;
  naam: string;
  grootte: number;
  soort: BijlageSoort;
}

/**
 * Bytes on their way into the store, hashed. `place(tx)` inside the write transaction, after the
 * metadata row that refers to them (PostgreSQL's row-level security lets a login store only
 * content its rows refer to); `undo()` after a failed transaction removes what this placement
 * added outside the database (a file), so the store never keeps content the database does not know.
 */
export interface Plaatsing {
  readonly sha256: string;
  readonly grootte: number;
  place(tx: Tx): Promise<void>;
  undo(): void;
}
