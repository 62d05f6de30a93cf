import type { Db } from "./connection.js";
import type { Tx } from "./audit.js";
import { notFound } from "../errors.js";
import type { Adres } from "./adres.js";

export interface AvondKort {
  id: number;
  datum: string;
  doel: string;
  starttijd: string;
}

/** A follow-up to write for a new finding: a rule of its category, or the first step of its handhavingsladder. */
export interface NieuweRegel {
  actie: string;
  partnerId: number;
  deadline: string;
  stap?: string | null;
  nietVoor?: string | null;
  sjabloon?: string | null;
}

/** The follow-ups of findings of one category and one partner (a rule may follow the finding's partner). */
export interface RegelsVoor {
  categorieId: number;
  partnerId: number;
  regels: NieuweRegel[];
}

export type AvondAdres = Pick<Adres, "id" | "postcode" | "huisnummer" | "toevoeging" | "straat" | "plaats" | "gemeente">;

export interface Bevinding {
  id: number;
  avond_id: number;
  datum: string;
  adres_id: number;
  adres: string;
  gemeente: string;
  categorie: string;
  categorie_naam: string;
  partner: string;
  omschrijving: string;
  maatregel: string | null;
  personen: number | null;
  /** Time of observation "HH:MM" (on the evening's date, or the next day after midnight). */
  tijdstip: string;
  /** 1: taken over from a database of before issue 13 (the evening's start time). */
  tijdstip_geschat: number;
  methode: string | null;
  /** Numbers of the toezichthouders, comma-separated in their order ("" when unknown). */
  toezichthouders: string;
}

/** The few facts of an evening that findings need; the evening itself is managed by `avond`. */
export function requireAvondKort(db: Db, id: number): AvondKort {
  const a = db.prepare("SELECT id, datum, doel, starttijd FROM avond WHERE id = ?").get(id) as AvondKort | undefined;
  if (!a) throw notFound("Avond", id);
  return a;
}

export function listAvondenKort(db: Db): AvondKort[] {
  return db.prepare("SELECT id, datum, doel, starttijd FROM avond ORDER BY datum DESC, id DESC").all() as AvondKort[];
}

/** The evening's address list in visiting order. */
export function avondAdressen(db: Db, avondId: number): AvondAdres[] {
  return db
    .prepare(
      `SELECT a.id, a.postcode, a.huisnummer, a.toevoeging, a.straat, a.plaats, g.naam AS gemeente
       FROM avond_adres aa JOIN adres a ON a.id = aa.adres_id JOIN gemeente g ON g.id = a.gemeente_id
       WHERE aa.avond_id = ? ORDER BY aa.volgorde, a.id`,
    )
    .all(avondId) as AvondAdres[];
}

/** Prepared statements for writing many findings in one transaction (the import writes 100,000 rows this way). */
export function bevindingWriter(tx: Tx) {
  const insBevinding = tx.db.prepare(
    `INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, aangemaakt, tijdstip, methode)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, (SELECT starttijd FROM avond WHERE id = ?)), ?)`,
  );
  const insToezichthouder = tx.db.prepare(
    "INSERT INTO bevinding_toezichthouder (bevinding_id, toezichthouder_id, volgorde) VALUES (?, ?, ?)",
  );
  const insOpvolging = tx.db.prepare(
    `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, stap, niet_voor, sjabloon, aangemaakt, gewijzigd)
     VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
  );
  const opLijst = tx.db.prepare("SELECT 1 FROM avond_adres WHERE avond_id = ? AND adres_id = ?").pluck();
  const insAvondAdres = tx.db.prepare(
    `INSERT INTO avond_adres (avond_id, adres_id, volgorde)
     VALUES (?, ?, (SELECT coalesce(max(volgorde), 0) + 1 FROM avond_adres WHERE avond_id = ?))`,
  );
  return {
    bevinding(b: {
      avondId: number;
      adresId: number;
      categorieId: number;
      partnerId: number;
      omschrijving: string;
      maatregel: string | null;
      personen: number | null;
      /** Time of observation; the evening's start time when not given. */
      tijdstip: string | null;
      methode: string | null;
    }): number {
      return Number(
        insBevinding.run(
          b.avondId,
          b.adresId,
          b.categorieId,
          b.partnerId,
          b.omschrijving,
          b.maatregel,
          b.personen,
          tx.now,
          b.tijdstip,
          b.avondId,
          b.methode,
        ).lastInsertRowid,
      );
    },
    /** Who observed it, by toezichthouder id, in order. */
    toezichthouders(bevindingId: number, ids: number[]): void {
      ids.forEach((id, i) => insToezichthouder.run(bevindingId, id, i + 1));
    },
    opvolging(bevindingId: number, o: NieuweRegel): number {
      return Number(
        insOpvolging.run(
          bevindingId,
          o.actie,
          o.partnerId,
          o.deadline,
          o.stap ?? null,
          o.nietVoor ?? null,
          o.sjabloon ?? null,
          tx.now,
          tx.now,
        ).lastInsertRowid,
      );
    },
    /**
     * The follow-ups of findings eersteId..laatsteId from their category's rules, in one
     * INSERT … SELECT: for an import of 100,000 findings about twice as fast as a row at a time.
     * Same order as one by one: per finding, its rules in order.
     */
    opvolgingenVoorReeks(eersteId: number, laatsteId: number, regels: RegelsVoor[]): number {
      // Keyed on (categorie_id, bevinding_partner_id, volgorde): the join walks findings in id order
      // and the rules in key order, so the ORDER BY needs no sort of 200,000 rows.
      tx.db.exec(
        `CREATE TEMP TABLE import_regel (categorie_id INTEGER, bevinding_partner_id INTEGER, volgorde INTEGER, actie TEXT,
           partner_id INTEGER, deadline TEXT, stap TEXT, niet_voor TEXT, sjabloon TEXT,
           PRIMARY KEY (categorie_id, bevinding_partner_id, volgorde)) WITHOUT ROWID`,
      );
      try {
        const insRegel = tx.db.prepare("INSERT INTO temp.import_regel VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (const soort of regels)
          soort.regels.forEach((r, i) =>
            insRegel.run(
              soort.categorieId,
              soort.partnerId,
              i,
              r.actie,
              r.partnerId,
              r.deadline,
              r.stap ?? null,
              r.nietVoor ?? null,
              r.sjabloon ?? null,
            ),
          );
        return tx.db
          .prepare(
            `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, stap, niet_voor, sjabloon, aangemaakt, gewijzigd)
             SELECT b.id, r.actie, r.partner_id, r.deadline, 'open', r.stap, r.niet_voor, r.sjabloon, ?, ?
             FROM bevinding b JOIN temp.import_regel r ON r.categorie_id = b.categorie_id AND r.bevinding_partner_id = b.partner_id
             WHERE b.id BETWEEN ? AND ?
             ORDER BY b.id, r.volgorde`,
          )
          .run(tx.now, tx.now, eersteId, laatsteId).changes;
      } finally {
        tx.db.exec("DROP TABLE temp.import_regel");
      }
    },
    opLijst(avondId: number, adresId: number): boolean {
      return opLijst.get(avondId, adresId) !== undefined;
    },
    /** Puts an address on the evening's list (teams do walk into the neighbouring unit). */
    zetOpLijst(avondId: number, adresId: number): void {
      insAvondAdres.run(avondId, adresId, avondId);
    },
  };
}

export function isOpAvondLijst(db: Db, avondId: number, adresId: number): boolean {
  return db.prepare("SELECT 1 FROM avond_adres WHERE avond_id = ? AND adres_id = ?").get(avondId, adresId) !== undefined;
}

const SELECT = `
  SELECT b.id, b.avond_id, v.datum, b.adres_id,
         a.straat || ' ' || a.huisnummer || a.toevoeging || ', ' || a.plaats AS adres,
         g.naam AS gemeente, c.code AS categorie, c.naam AS categorie_naam, p.naam AS partner,
         b.omschrijving, b.maatregel, b.personen, b.tijdstip, b.tijdstip_geschat, b.methode,
         coalesce((SELECT group_concat(t.nummer, ',' ORDER BY bt.volgorde) FROM bevinding_toezichthouder bt
                   JOIN toezichthouder t ON t.id = bt.toezichthouder_id WHERE bt.bevinding_id = b.id), '') AS toezichthouders
  FROM bevinding b
  JOIN avond v ON v.id = b.avond_id
  JOIN adres a ON a.id = b.adres_id
  JOIN gemeente g ON g.id = a.gemeente_id
  JOIN categorie c ON c.id = b.categorie_id
  JOIN partner p ON p.id = b.partner_id`;

export function listBevindingen(db: Db, filter: { avondId?: number } = {}): Bevinding[] {
  if (filter.avondId !== undefined) {
    return db.prepare(`${SELECT} WHERE b.avond_id = ? ORDER BY b.id`).all(filter.avondId) as Bevinding[];
  }
  return db.prepare(`${SELECT} ORDER BY v.datum, b.id`).all() as Bevinding[];
}

/** What is already recorded for an address on an evening (to show it, and to catch a finding entered twice). */
export function bevindingenOpAdres(db: Db, avondId: number, adresId: number): Bevinding[] {
  return db.prepare(`${SELECT} WHERE b.avond_id = ? AND b.adres_id = ? ORDER BY b.id`).all(avondId, adresId) as Bevinding[];
}

export function getBevinding(db: Db, id: number): Bevinding | undefined {
  return db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as Bevinding | undefined;
}

export function requireBevinding(db: Db, id: number): Bevinding {
  const b = getBevinding(db, id);
  if (!b) throw notFound("Bevinding", id);
  return b;
}

/** Findings with ids in a range, for listing what an import or guided session created. */
export function bevindingenVan(db: Db, ids: number[]): Bevinding[] {
  const stmt = db.prepare(`${SELECT} WHERE b.id = ?`);
  return ids.map((id) => stmt.get(id) as Bevinding);
}
