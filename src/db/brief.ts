import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import type { AdresGegevens, BriefhoofdVelden, BriefOpvolging } from "../domain/brief.js";
import type { Stap } from "../domain/ladder.js";
import { notFound } from "../errors.js";
import { requireZaak } from "./handhaving.js";
import { ondertekendRapport } from "./rapport-bevindingen.js";
import { waarnemingsdatum } from "../domain/rapport-bevindingen.js";

/** Letters, letterheads and the follow-ups letters are about: the only SQL of the brieven. */

type OpvolgingRow = Omit<AdresGegevens, "id"> & {
  opvolging_id: number;
  stap: Stap | null;
  niet_voor: string | null;
  sjabloon: string | null;
  handhaving_id: number | null;
  actie: string;
  deadline: string;
  status: string;
  partner: string;
  partner_id: number;
  bevinding_id: number;
  categorie: string;
  categorie_naam: string;
  grondslag: string | null;
  omschrijving: string;
  maatregel: string | null;
  personen: number | null;
  tijdstip: string | null;
  bevinding_partner: string;
  adres_id: number;
  avond_id: number;
  avond_datum: string;
  avond_doel: string;
  avond_starttijd: string;
};

const SELECT = `
  SELECT o.id AS opvolging_id, o.actie, o.deadline, o.status, po.naam AS partner, o.partner_id, o.stap, o.niet_voor, o.sjabloon,
         h.id AS handhaving_id, b.id AS bevinding_id, c.code AS categorie, c.naam AS categorie_naam,
         coalesce(h.voorschrift, c.grondslag) AS grondslag, b.omschrijving, b.maatregel, b.personen, b.tijdstip,
         pb.naam AS bevinding_partner,
         a.id AS adres_id, a.postcode, a.huisnummer, a.toevoeging, a.straat, a.plaats, g.naam AS gemeente, a.type,
         av.id AS avond_id, av.datum AS avond_datum, av.doel AS avond_doel, av.starttijd AS avond_starttijd
  FROM opvolging o
  JOIN bevinding b ON b.id = o.bevinding_id
  JOIN categorie c ON c.id = b.categorie_id
  JOIN partner po ON po.id = o.partner_id
  JOIN partner pb ON pb.id = b.partner_id
  JOIN adres a ON a.id = b.adres_id
  JOIN gemeente g ON g.id = a.gemeente_id
  JOIN avond av ON av.id = b.avond_id
  LEFT JOIN handhaving h ON h.bevinding_id = b.id`;

/** A follow-up as letters need it: with its status, its template and the zaak of its finding. */
export type BriefOpvolgingRij = BriefOpvolging & { status: string; sjabloon: string | null };

function toBriefOpvolging(db: Db, r: OpvolgingRow): BriefOpvolgingRij {
  // The observation as signed (letters cite the report they rest on), else as recorded now.
  const rapport = ondertekendRapport(db, r.bevinding_id);
  const tijdstip = r.tijdstip ?? r.avond_starttijd;
  return {
    opvolgingId: r.opvolging_id,
    actie: r.actie,
    deadline: r.deadline,
    status: r.status,
    stap: r.stap,
    nietVoor: r.niet_voor,
    sjabloon: r.sjabloon,
    zaak: r.handhaving_id !== null ? requireZaak(db, r.handhaving_id) : null,
    partner: r.partner,
    partnerId: r.partner_id,
    bevinding: {
      id: r.bevinding_id,
      categorie: r.categorie,
      categorieNaam: r.categorie_naam,
      grondslag: r.grondslag,
      omschrijving: r.omschrijving,
      maatregel: r.maatregel,
      personen: r.personen,
      partner: r.bevinding_partner,
      waarneming: rapport?.waarneming ?? { datum: waarnemingsdatum(r.avond_datum, r.avond_starttijd, tijdstip), tijdstip: r.tijdstip },
      rapport: rapport ? { kenmerk: rapport.kenmerk, versie: rapport.versie, datum: rapport.datum } : null,
    },
    adres: {
      id: r.adres_id,
      postcode: r.postcode,
      huisnummer: r.huisnummer,
      toevoeging: r.toevoeging,
      straat: r.straat,
      plaats: r.plaats,
      gemeente: r.gemeente,
      type: r.type,
    },
    avond: { id: r.avond_id, datum: r.avond_datum, doel: r.avond_doel },
  };
}

export function requireOpvolgingVoorBrief(db: Db, id: number): BriefOpvolgingRij {
  const r = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OpvolgingRow | undefined;
  if (!r) throw notFound("Opvolging", id);
  return toBriefOpvolging(db, r);
}

/** Open follow-ups of the findings of one evening (letters are for work still to do). */
export function openOpvolgingenVanAvond(db: Db, avondId: number): BriefOpvolgingRij[] {
  return (
    db.prepare(`${SELECT} WHERE b.avond_id = ? AND o.status IN ('open','in-behandeling') ORDER BY o.id`).all(avondId) as OpvolgingRow[]
  ).map((r) => toBriefOpvolging(db, r));
}

export function avondBestaat(db: Db, id: number): boolean {
  return db.prepare("SELECT 1 FROM avond WHERE id = ?").get(id) !== undefined;
}

/** A letter as made: what a reprint needs to make it again, with the same kenmerk and date. */
export interface GemaakteBriefRij {
  id: number;
  kenmerk: string;
  sjabloon: string;
  datum: string;
  bestand: string;
  adres_id: number;
  betrokkene_id: number | null;
  opvolgingen: number[];
}

const GEMAAKT = `SELECT b.id, b.kenmerk, b.sjabloon, b.datum, b.bestand, b.adres_id, b.betrokkene_id,
  (SELECT group_concat(opvolging_id) FROM (SELECT opvolging_id FROM brief_opvolging WHERE brief_id = b.id ORDER BY opvolging_id)) AS opvolgingen
  FROM brief b`;

function gemaakt(r: Omit<GemaakteBriefRij, "opvolgingen"> & { opvolgingen: string | null }): GemaakteBriefRij {
  return { ...r, opvolgingen: r.opvolgingen ? r.opvolgingen.split(",").map(Number) : [] };
}

/** The letters already made for a follow-up, oldest first. */
export function brievenVanOpvolging(db: Db, opvolgingId: number): GemaakteBriefRij[] {
  return (
    db
      .prepare(`${GEMAAKT} WHERE b.id IN (SELECT brief_id FROM brief_opvolging WHERE opvolging_id = ?) ORDER BY b.id`)
      .all(opvolgingId) as Parameters<typeof gemaakt>[0][]
  ).map(gemaakt);
}

/** The last sequence number used for a year's kenmerken (0: none yet). */
export function kenmerkTeller(db: Db, jaar: number): number {
  return (db.prepare("SELECT laatste FROM kenmerk_teller WHERE jaar = ?").get(jaar) as { laatste: number } | undefined)?.laatste ?? 0;
}

/** Moves the counter on; numbers are never handed out twice, also after opschonen removed the letters. */
export function zetKenmerkTeller(tx: Tx, jaar: number, laatste: number): void {
  tx.db
    .prepare("INSERT INTO kenmerk_teller (jaar, laatste) VALUES (?, ?) ON CONFLICT(jaar) DO UPDATE SET laatste = excluded.laatste")
    .run(jaar, laatste);
}

/** A reprint: the same letter (kenmerk, date) written again, perhaps to another folder. */
export function herdrukBrief(tx: Tx, id: number, bestand: string): void {
  tx.db.prepare("UPDATE brief SET bestand = ? WHERE id = ?").run(bestand, id);
  tx.audit("brief", id, "herdrukt");
}

export function insertBrief(
  tx: Tx,
  b: {
    kenmerk: string;
    sjabloon: string;
    adresId: number;
    betrokkeneId: number | null;
    bestand: string;
    datum: string;
    opvolgingen: number[];
  },
): number {
  const id = Number(
    tx.db
      .prepare("INSERT INTO brief (kenmerk, sjabloon, adres_id, betrokkene_id, bestand, datum, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(b.kenmerk, b.sjabloon, b.adresId, b.betrokkeneId, b.bestand, b.datum, tx.now).lastInsertRowid,
  );
  const link = tx.db.prepare("INSERT INTO brief_opvolging (brief_id, opvolging_id) VALUES (?, ?)");
  for (const o of b.opvolgingen) link.run(id, o);
  tx.audit("brief", id, "toegevoegd", { kenmerk: b.kenmerk, sjabloon: b.sjabloon, opvolgingen: b.opvolgingen });
  return id;
}

interface BriefhoofdRow {
  mandaat: string | null;
  mandaat_burgemeester: string | null;
  rekening: string | null;
  afdeling: string | null;
  postadres: string | null;
  telefoon: string | null;
  email: string | null;
  logo: string | null;
  ondertekenaar_naam: string | null;
  ondertekenaar_functie: string | null;
}

export function getBriefhoofd(db: Db, gemeenteId: number): BriefhoofdVelden | undefined {
  const r = db
    .prepare(
      "SELECT afdeling, postadres, telefoon, email, logo, ondertekenaar_naam, ondertekenaar_functie, mandaat, mandaat_burgemeester, rekening FROM briefhoofd WHERE gemeente_id = ?",
    )
    .get(gemeenteId) as BriefhoofdRow | undefined;
  if (!r) return undefined;
  const v = (x: string | null) => x ?? undefined;
  return {
    afdeling: v(r.afdeling),
    postadres: v(r.postadres),
    telefoon: v(r.telefoon),
    email: v(r.email),
    logo: v(r.logo),
    ondertekenaarNaam: v(r.ondertekenaar_naam),
    ondertekenaarFunctie: v(r.ondertekenaar_functie),
    mandaat: v(r.mandaat),
    mandaatBurgemeester: v(r.mandaat_burgemeester),
    rekening: v(r.rekening),
  };
}

/** Sets the given fields of a gemeente's letterhead; fields not given keep their value. */
export function zetBriefhoofd(tx: Tx, gemeenteId: number, velden: BriefhoofdVelden): void {
  const cols: Record<keyof BriefhoofdVelden, string> = {
    afdeling: "afdeling",
    postadres: "postadres",
    telefoon: "telefoon",
    email: "email",
    logo: "logo",
    ondertekenaarNaam: "ondertekenaar_naam",
    ondertekenaarFunctie: "ondertekenaar_functie",
    mandaat: "mandaat",
    mandaatBurgemeester: "mandaat_burgemeester",
    rekening: "rekening",
  };
  tx.db.prepare("INSERT OR IGNORE INTO briefhoofd (gemeente_id) VALUES (?)").run(gemeenteId);
  const given = (Object.keys(cols) as (keyof BriefhoofdVelden)[]).filter((k) => velden[k] !== undefined);
  if (given.length) {
    tx.db
      .prepare(`UPDATE briefhoofd SET ${given.map((k) => `${cols[k]} = ?`).join(", ")} WHERE gemeente_id = ?`)
      .run(...given.map((k) => velden[k] || null), gemeenteId);
  }
  tx.audit("briefhoofd", gemeenteId, "gewijzigd", { velden: given });
}

export interface BriefRij {
  id: number;
  kenmerk: string;
  datum: string;
  sjabloon: string;
  adres_id: number;
  adres: string;
  gemeente: string;
  ontvanger: string | null;
  bestand: string;
  opvolgingen: number[];
}

/** Letters made, newest first; optionally only those of one evening's findings. */
export function listBrieven(db: Db, filter: { avondId?: number } = {}): BriefRij[] {
  const where =
    filter.avondId !== undefined
      ? "WHERE b.id IN (SELECT bo.brief_id FROM brief_opvolging bo JOIN opvolging o ON o.id = bo.opvolging_id JOIN bevinding bv ON bv.id = o.bevinding_id WHERE bv.avond_id = ?)"
      : "";
  const rows = db
    .prepare(
      `SELECT b.id, b.kenmerk, b.datum, b.sjabloon, b.adres_id,
              a.straat || ' ' || a.huisnummer || a.toevoeging || ', ' || a.plaats AS adres, g.naam AS gemeente,
              coalesce(be.naam, (SELECT p.naam FROM brief_opvolging bo JOIN opvolging o ON o.id = bo.opvolging_id JOIN partner p ON p.id = o.partner_id WHERE bo.brief_id = b.id LIMIT 1)) AS ontvanger,
              b.bestand, (SELECT group_concat(opvolging_id) FROM (SELECT opvolging_id FROM brief_opvolging WHERE brief_id = b.id ORDER BY opvolging_id)) AS opvolgingen
       FROM brief b JOIN adres a ON a.id = b.adres_id JOIN gemeente g ON g.id = a.gemeente_id LEFT JOIN betrokkene be ON be.id = b.betrokkene_id
       ${where} ORDER BY b.datum DESC, b.kenmerk DESC`,
    )
    .all(...(filter.avondId !== undefined ? [filter.avondId] : [])) as (Omit<BriefRij, "opvolgingen"> & { opvolgingen: string | null })[];
  return rows.map((r) => ({ ...r, opvolgingen: r.opvolgingen ? r.opvolgingen.split(",").map(Number) : [] }));
}
