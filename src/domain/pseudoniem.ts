import { createHmac } from "node:crypto";

/**
 * Pseudonymisation for sharing under the convenant: personal fields become stable codes
 * "B-1a2b3c4d" (HMAC-SHA256 with a per-database secret), so the same person gets the same
 * code in every export but nobody without the database can turn a code back into a name.
 * Addresses stay: they are what a partner or researcher needs.
 */
export type Row = Record<string, unknown>;

type Rule = { kind: "code"; prefix: string; key: (row: Row, value: string) => string } | { kind: "drop" };

const byId = (soort: string) => (row: Row) => `${soort}:${String(row.id)}`;
const byPerson = (_row: Row, value: string) => `persoon:${value.trim().toLowerCase()}`;

/** Table → column → rule. Free text (omschrijving, toelichting) is not rewritten: keep names out of it. */
export const PSEUDONIEM_REGELS: Record<string, Record<string, Rule>> = {
  betrokkene: {
    naam: { kind: "code", prefix: "B", key: byId("betrokkene") },
    postadres: { kind: "code", prefix: "P", key: byId("postadres") },
    kvk: { kind: "code", prefix: "K", key: (_r, v) => `kvk:${v}` },
  },
  avond_rol: {
    naam: { kind: "code", prefix: "M", key: byPerson },
    telefoon: { kind: "code", prefix: "T", key: (_r, v) => `telefoon:${v.replace(/\D/g, "")}` },
  },
  briefhoofd: {
    ondertekenaar_naam: { kind: "code", prefix: "M", key: byPerson },
  },
  audit_log: {
    gebruiker: { kind: "drop" },
  },
  // Issue 13: a toezichthouder's number identifies a person to anyone with the roster (Veilige
  // Publieke Taak). Evidence is exported as hashes only (files never leave the store); a signed
  // report's snapshot repeats numbers and texts, so only its hashes go out.
  toezichthouder: {
    nummer: { kind: "code", prefix: "TH", key: (_r, v) => `toezichthouder:${v.toUpperCase()}` },
  },
  bevinding_bijlage: {
    bestandsnaam: { kind: "drop" },
  },
  rapport_versie: {
    inhoud: { kind: "drop" },
    ondertekend_gebruiker: { kind: "drop" },
  },
  // The record of a hercontrole (migration v6) goes out like the evening's reports.
  hercontrole_bijlage: {
    bestandsnaam: { kind: "drop" },
  },
  hercontrole_versie: {
    inhoud: { kind: "drop" },
    ondertekend_gebruiker: { kind: "drop" },
  },
};

/** Settings never leave the database in an export (the secret above all). */
export const GEHEIME_INSTELLINGEN = ["pseudoniem_sleutel"];

export function code(secret: string, prefix: string, key: string): string {
  return `${prefix}-${createHmac("sha256", secret).update(key).digest("hex").slice(0, 8)}`;
}

export function pseudonymise(tabellen: Record<string, Row[]>, secret: string): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [tabel, rows] of Object.entries(tabellen)) {
    const regels = PSEUDONIEM_REGELS[tabel];
    out[tabel] = !regels
      ? rows
      : rows.map((row) => {
          const copy: Row = { ...row };
          for (const [kolom, regel] of Object.entries(regels)) {
            const v = row[kolom];
            if (v === null || v === undefined || !(kolom in row)) continue;
            copy[kolom] = regel.kind === "drop" ? null : code(secret, regel.prefix, regel.key(row, String(v)));
          }
          return copy;
        });
  }
  return out;
}
