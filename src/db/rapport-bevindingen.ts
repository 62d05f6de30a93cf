import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import {
  formatRapportKenmerk,
  type Auteur,
  type BevindingFeit,
  type RapportGegevens,
  type RapportInhoud,
} from "../domain/rapport-bevindingen.js";
import { volledigAdres } from "../domain/brief.js";
import type { Adres } from "./adres.js";

/** The SQL of the rapport van bevindingen: its facts, its signed versions and its kenmerk counter. */

/** The facts of one evening and address (gemeente's afdeling supplied by the caller). */
export function rapportGegevens(
  db: Db,
  avond: { id: number; datum: string; starttijd: string; doel: string },
  adres: Adres,
  afdeling: string,
): RapportGegevens {
  const team = db
    .prepare(
      "SELECT r.rol, p.naam AS organisatie FROM avond_rol r JOIN partner p ON p.id = r.partner_id WHERE r.avond_id = ? ORDER BY r.id",
    )
    .all(avond.id) as { rol: string; organisatie: string }[];
  const rows = db
    .prepare(
      `SELECT b.id, c.code AS categorie, c.naam AS categorieNaam, coalesce(h.voorschrift, c.grondslag) AS norm, b.omschrijving,
              b.maatregel, b.personen, b.tijdstip, b.tijdstip_geschat AS geschat, b.methode
       FROM bevinding b JOIN categorie c ON c.id = b.categorie_id
       LEFT JOIN handhaving h ON h.bevinding_id = b.id -- the norm the zaak names, as its letters do
       WHERE b.avond_id = ? AND b.adres_id = ? ORDER BY b.id`,
    )
    .all(avond.id, adres.id) as (Omit<BevindingFeit, "tijdstip" | "tijdstipGeschat" | "toezichthouders" | "bijlagen"> & {
    tijdstip: string | null;
    geschat: number;
  })[];
  const auteurs = db.prepare(
    `SELECT t.nummer, t.functie, coalesce(g.naam, p.naam) AS organisatie, t.beediging
     FROM bevinding_toezichthouder bt JOIN toezichthouder t ON t.id = bt.toezichthouder_id
     LEFT JOIN gemeente g ON g.id = t.gemeente_id LEFT JOIN partner p ON p.id = t.partner_id
     WHERE bt.bevinding_id = ? ORDER BY bt.volgorde`,
  );
  const bijlagen = db.prepare(
    `SELECT j.sha256, j.soort, j.grootte, bb.bijschrift FROM bevinding_bijlage bb JOIN bijlage j ON j.id = bb.bijlage_id
     WHERE bb.bevinding_id = ? ORDER BY bb.aangemaakt, j.id`,
  );
  return {
    gemeente: adres.gemeente,
    afdeling,
    adres: { volledig: volledigAdres(adres), type: adres.type },
    avond,
    team,
    bevindingen: rows.map((r) => ({
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
      toezichthouders: auteurs.all(r.id) as Auteur[],
      bijlagen: bijlagen.all(r.id) as BevindingFeit["bijlagen"],
    })),
  };
}

/** Addresses of the evening that have findings, in visiting order. */
export function adressenMetBevindingen(db: Db, avondId: number): number[] {
  return db
    .prepare(
      `SELECT b.adres_id AS id FROM bevinding b LEFT JOIN avond_adres aa ON aa.avond_id = b.avond_id AND aa.adres_id = b.adres_id
       WHERE b.avond_id = ? GROUP BY b.adres_id ORDER BY min(coalesce(aa.volgorde, 1e9)), b.adres_id`,
    )
    .pluck()
    .all(avondId) as number[];
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

export function getRapport(db: Db, avondId: number, adresId: number): Rapport | undefined {
  return db.prepare("SELECT id, kenmerk FROM rapport WHERE avond_id = ? AND adres_id = ?").get(avondId, adresId) as Rapport | undefined;
}

const VERSIE_SELECT = `
  SELECT v.id, v.versie, v.dagtekening, v.inhoud_sha256, v.pdf_sha256, t.nummer AS ondertekend_door, v.ondertekend_op
  FROM rapport_versie v JOIN toezichthouder t ON t.id = v.ondertekend_door`;

export function versiesVan(db: Db, rapportId: number): RapportVersie[] {
  return db.prepare(`${VERSIE_SELECT} WHERE v.rapport_id = ? ORDER BY v.versie`).all(rapportId) as RapportVersie[];
}

/** Creates the report row with the next kenmerk of the year: a counter, so a kenmerk is never given twice. */
export function nieuwRapport(tx: Tx, avondId: number, adresId: number, jaar: number): Rapport {
  const nummer = tx.db
    .prepare(
      "INSERT INTO rapport_teller (jaar, laatste) VALUES (?, 1) ON CONFLICT(jaar) DO UPDATE SET laatste = laatste + 1 RETURNING laatste",
    )
    .pluck()
    .get(jaar) as number;
  const kenmerk = formatRapportKenmerk(jaar, nummer);
  const id = Number(
    tx.db
      .prepare("INSERT INTO rapport (kenmerk, avond_id, adres_id, aangemaakt) VALUES (?, ?, ?, ?)")
      .run(kenmerk, avondId, adresId, tx.now).lastInsertRowid,
  );
  tx.audit("rapport", id, "toegevoegd", { kenmerk, avond: avondId, adres: adresId });
  return { id, kenmerk };
}

/** The kenmerk the next new report of a year will get (for a concept; nothing is reserved). */
export function volgendKenmerk(db: Db, jaar: number): string {
  const laatste = (db.prepare("SELECT laatste FROM rapport_teller WHERE jaar = ?").pluck().get(jaar) as number | undefined) ?? 0;
  return formatRapportKenmerk(jaar, laatste + 1);
}

export function insertVersie(
  tx: Tx,
  v: {
    rapport: Rapport;
    versie: number;
    dagtekening: string;
    inhoud: RapportInhoud;
    inhoudSha256: string;
    pdfSha256: string;
    toezichthouderId: number;
    /** --gebruiker: who pressed the button (kept in the database, never printed). */
    gebruiker: string;
    ondertekendOp: string;
  },
): number {
  const id = Number(
    tx.db
      .prepare(
        `INSERT INTO rapport_versie (rapport_id, versie, dagtekening, inhoud, inhoud_sha256, pdf_sha256, ondertekend_door, ondertekend_gebruiker, ondertekend_op)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.rapport.id,
        v.versie,
        v.dagtekening,
        JSON.stringify(v.inhoud),
        v.inhoudSha256,
        v.pdfSha256,
        v.toezichthouderId,
        v.gebruiker,
        v.ondertekendOp,
      ).lastInsertRowid,
  );
  const link = tx.db.prepare("INSERT INTO rapport_versie_bevinding (rapport_versie_id, bevinding_id) VALUES (?, ?)");
  for (const w of v.inhoud.waarnemingen) link.run(id, w.bevinding_id);
  tx.audit("rapport_versie", id, "toegevoegd", {
    kenmerk: v.rapport.kenmerk,
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
export function ondertekendRapport(db: Db, bevindingId: number): OndertekendRapport | undefined {
  const r = db
    .prepare(
      `SELECT r.kenmerk, v.versie, v.dagtekening AS datum, v.ondertekend_op, t.nummer AS ondertekend_door, v.inhoud, r.avond_id, r.adres_id
       FROM rapport_versie_bevinding vb JOIN rapport_versie v ON v.id = vb.rapport_versie_id JOIN rapport r ON r.id = v.rapport_id
       JOIN toezichthouder t ON t.id = v.ondertekend_door
       WHERE vb.bevinding_id = ? ORDER BY v.versie DESC LIMIT 1`,
    )
    .get(bevindingId) as (Omit<OndertekendRapport, "waarneming"> & { inhoud: string }) | undefined;
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
