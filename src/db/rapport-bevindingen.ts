import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import {
  formatRapportKenmerk,
  type Auteur,
  type BevindingFeit,
  type RapportGegevens,
  type RapportInhoud,
} from "../domain/rapport-bevindingen.js";
import { formatAdres } from "../domain/adres.js";
import type { Adres } from "./adres.js";
import { getLaatsteNummer, reserveNummers } from "./kenmerk.js";

/** The SQL of the rapport van bevindingen: its facts and its signed versions (kenmerken: db/kenmerk.ts). */

/** The facts of one evening and address (gemeente's afdeling supplied by the caller). */
export async function getRapportGegevens(
  sql: Sql,
  avond: { id: number; datum: string; starttijd: string; doel: string },
  adres: Adres,
  afdeling: string,
): Promise<RapportGegevens> {
  const team = await sql.all<{ rol: string; organisatie: string }>(
    "SELECT r.rol, p.naam AS organisatie FROM avond_rol r JOIN partner p ON p.id = r.partner_id WHERE r.avond_id = ? ORDER BY r.id",
    avond.id,
  );
  const rows = await sql.all<
    Omit<BevindingFeit, "tijdstip" | "tijdstipGeschat" | "toezichthouders" | "bijlagen"> & { tijdstip: string | null; geschat: number }
  >(
    `SELECT b.id, c.code AS categorie, c.naam AS "categorieNaam", coalesce(h.voorschrift, c.grondslag) AS norm, b.omschrijving,
            b.maatregel, b.personen, b.tijdstip, b.tijdstip_geschat AS geschat, b.methode
     FROM bevinding b JOIN categorie c ON c.id = b.categorie_id
     LEFT JOIN handhaving h ON h.bevinding_id = b.id -- the norm the zaak names, as its letters do
     WHERE b.avond_id = ? AND b.adres_id = ? ORDER BY b.id`,
    avond.id,
    adres.id,
  );
  const bevindingen: BevindingFeit[] = [];
  for (const r of rows) {
    bevindingen.push({
      id: r.id,
      categorie: r.categorie,
      categorieNaam: r.categorieNaam,
      norm: r.norm,
      omschrijving: r.omschrijving,
      maatregel: r.maatregel,
      personen: r.personen,
      tijdstip: r.tijdstip ?? avond.starttijd,
      tijdstipGeschat: r.geschat === 1 || r.tijdstip === null,
      methode: r.methode,
      toezichthouders: await sql.all<Auteur>(
        `SELECT t.nummer, t.functie, coalesce(g.naam, p.naam) AS organisatie, t.beediging
         FROM bevinding_toezichthouder bt JOIN toezichthouder t ON t.id = bt.toezichthouder_id
         LEFT JOIN gemeente g ON g.id = t.gemeente_id LEFT JOIN partner p ON p.id = t.partner_id
         WHERE bt.bevinding_id = ? ORDER BY bt.volgorde`,
        r.id,
      ),
      bijlagen: await sql.all<BevindingFeit["bijlagen"][number]>(
        `SELECT j.sha256, j.soort, j.grootte, bb.bijschrift FROM bevinding_bijlage bb JOIN bijlage j ON j.id = bb.bijlage_id
         WHERE bb.bevinding_id = ? ORDER BY bb.aangemaakt, j.id`,
        r.id,
      ),
    });
  }
  return { gemeente: adres.gemeente, afdeling, adres: { volledig: formatAdres(adres), type: adres.type }, avond, team, bevindingen };
}

/** Addresses of the evening that have findings, in visiting order. */
export async function adressenMetBevindingen(sql: Sql, avondId: number): Promise<number[]> {
  const rows = await sql.all<{ id: number }>(
    `SELECT b.adres_id AS id FROM bevinding b LEFT JOIN avond_adres aa ON aa.avond_id = b.avond_id AND aa.adres_id = b.adres_id
     WHERE b.avond_id = ? GROUP BY b.adres_id ORDER BY min(coalesce(aa.volgorde, 1000000000)), b.adres_id`,
    avondId,
  );
  return rows.map((r) => r.id);
}

export interface Rapport {
  id: number;
  kenmerk: string;
}

export interface RapportVersie {
  id: number;
  versie: number;
  dagtekening: string;
  inhoud_sha256: string;
  pdf_sha256: string;
  ondertekend_door: string;
  ondertekend_op: string;
}

export function getRapport(sql: Sql, avondId: number, adresId: number): Promise<Rapport | undefined> {
  return sql.get<Rapport>("SELECT id, kenmerk FROM rapport WHERE avond_id = ? AND adres_id = ?", avondId, adresId);
}

/**
 * Where a report's signed versions are kept: the evening's report per address (rapport_versie), or
 * the report of a hercontrole (hercontrole_versie, migration v6). Same columns, same rules.
 */
export type VersieDoel =
  { tabel: "rapport_versie"; kolom: "rapport_id"; id: number } | { tabel: "hercontrole_versie"; kolom: "opvolging_id"; id: number };

export function listVersies(sql: Sql, rapportId: number): Promise<RapportVersie[]> {
  return listVersiesVan(sql, { tabel: "rapport_versie", kolom: "rapport_id", id: rapportId });
}

export function listVersiesVan(sql: Sql, doel: VersieDoel): Promise<RapportVersie[]> {
  return sql.all<RapportVersie>(
    `SELECT v.id, v.versie, v.dagtekening, v.inhoud_sha256, v.pdf_sha256, t.nummer AS ondertekend_door, v.ondertekend_op
     FROM ${doel.tabel} v JOIN toezichthouder t ON t.id = v.ondertekend_door WHERE v.${doel.kolom} = ? ORDER BY v.versie`,
    doel.id,
  );
}

/** Creates the report row with the next kenmerk of the year (db/kenmerk.ts). */
export async function insertRapport(tx: Tx, avondId: number, adresId: number, jaar: number): Promise<Rapport> {
  const kenmerk = formatRapportKenmerk(jaar, await reserveNummers(tx, "rapport", jaar));
  const id = await tx.sql.insert(
    "INSERT INTO rapport (kenmerk, avond_id, adres_id, aangemaakt) VALUES (?, ?, ?, ?) RETURNING id",
    kenmerk,
    avondId,
    adresId,
    tx.now,
  );
  await tx.audit("rapport", id, "toegevoegd", { kenmerk, avond: avondId, adres: adresId });
  return { id, kenmerk };
}

/** The kenmerk the next new report of a year will get (for a concept; nothing is reserved). */
export async function getVolgendKenmerk(sql: Sql, jaar: number): Promise<string> {
  return formatRapportKenmerk(jaar, (await getLaatsteNummer(sql, "rapport", jaar)) + 1);
}

/** A signed version as it is stored: its content (snapshot), hashes and who signed when. */
export interface NieuweVersie<I> {
  kenmerk: string;
  versie: number;
  dagtekening: string;
  inhoud: I;
  inhoudSha256: string;
  pdfSha256: string;
  toezichthouderId: number;
  /** --gebruiker: who pressed the button (kept in the database, never printed). */
  gebruiker: string;
  ondertekendOp: string;
}

export async function insertVersie(tx: Tx, v: NieuweVersie<RapportInhoud> & { rapport: Rapport }): Promise<number> {
  const id = await insertVersieVan(tx, { tabel: "rapport_versie", kolom: "rapport_id", id: v.rapport.id }, v);
  for (const w of v.inhoud.waarnemingen) {
    await tx.sql.run("INSERT INTO rapport_versie_bevinding (rapport_versie_id, bevinding_id) VALUES (?, ?)", id, w.bevinding_id);
  }
  return id;
}

/** Stores a signed version (immutable: a trigger refuses updates) with its audit entry. */
export async function insertVersieVan<I>(tx: Tx, doel: VersieDoel, v: NieuweVersie<I>): Promise<number> {
  const id = await tx.sql.insert(
    `INSERT INTO ${doel.tabel} (${doel.kolom}, versie, dagtekening, inhoud, inhoud_sha256, pdf_sha256, ondertekend_door, ondertekend_gebruiker, ondertekend_op)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    doel.id,
    v.versie,
    v.dagtekening,
    JSON.stringify(v.inhoud),
    v.inhoudSha256,
    v.pdfSha256,
    v.toezichthouderId,
    v.gebruiker,
    v.ondertekendOp,
  );
  await tx.audit(doel.tabel, id, "toegevoegd", {
    kenmerk: v.kenmerk,
    versie: v.versie,
    ondertekend: true,
    inhoud_sha256: v.inhoudSha256,
    pdf_sha256: v.pdfSha256,
  });
  return id;
}

/** What a letter cites: the latest signed report that covers a finding. */
export interface OndertekendRapport {
  kenmerk: string;
  versie: number;
  /** Dagtekening of that version (YYYY-MM-DD). */
  datum: string;
  ondertekend_op: string;
  /** Toezichthouder number of the signer. */
  ondertekend_door: string;
  /** Date and time of the observation of this finding, as signed. */
  waarneming: { datum: string; tijdstip: string };
  avond_id: number;
  adres_id: number;
}

/**
 * The signed report a voornemen or besluit about this finding rests on: the newest signed version
 * that includes it, with the observation's date and time as signed (not as edited since).
 * undefined: no signed report yet — a besluit must then be refused.
 */
export async function getOndertekendRapport(sql: Sql, bevindingId: number): Promise<OndertekendRapport | undefined> {
  const r = await sql.get<Omit<OndertekendRapport, "waarneming"> & { inhoud: string }>(
    `SELECT r.kenmerk, v.versie, v.dagtekening AS datum, v.ondertekend_op, t.nummer AS ondertekend_door, v.inhoud, r.avond_id, r.adres_id
     FROM rapport_versie_bevinding vb JOIN rapport_versie v ON v.id = vb.rapport_versie_id JOIN rapport r ON r.id = v.rapport_id
     JOIN toezichthouder t ON t.id = v.ondertekend_door
     WHERE vb.bevinding_id = ? ORDER BY v.versie DESC LIMIT 1`,
    bevindingId,
  );
  if (!r) return undefined;
  const inhoud = JSON.parse(r.inhoud) as RapportInhoud;
  const w = inhoud.waarnemingen.find((x) => x.bevinding_id === bevindingId)!;
  return {
    kenmerk: r.kenmerk,
    versie: r.versie,
    datum: r.datum,
    ondertekend_op: r.ondertekend_op,
    ondertekend_door: r.ondertekend_door,
    waarneming: { datum: w.datum, tijdstip: w.tijdstip },
    avond_id: r.avond_id,
    adres_id: r.adres_id,
  };
}
