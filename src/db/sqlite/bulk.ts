import type { Db } from "../connection.js";
import type { Bulk, BevindingenBulk, OpvolgingenPerSoort } from "../store.js";

/**
 * SQLite's way of writing an import (100,000 findings in ~2 s): prepared statements run in one
 * IMMEDIATE transaction, no promise per row; follow-ups for the whole range in one INSERT … SELECT
 * from a keyed temporary table of rules. Only the import and `bevinding toevoegen` write this way.
 */
export function sqliteBulk(db: Db, now: () => string): Bulk {
  return {
    bevindingen: () => bevindingenBulk(db, now()),
    async insertOpvolgingen(eersteId, laatsteId, perSoort) {
      return opvolgingenVoorReeks(db, now(), eersteId, laatsteId, perSoort);
    },
  };
}

function bevindingenBulk(db: Db, now: string): BevindingenBulk {
  const insBevinding = db.prepare(
    `INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, aangemaakt, tijdstip, methode)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, (SELECT starttijd FROM avond WHERE id = ?)), ?)`,
  );
  const insToezichthouder = db.prepare("INSERT INTO bevinding_toezichthouder (bevinding_id, toezichthouder_id, volgorde) VALUES (?, ?, ?)");
  const insAvondAdres = db.prepare(
    `INSERT INTO avond_adres (avond_id, adres_id, volgorde)
     VALUES (?, ?, (SELECT coalesce(max(volgorde), 0) + 1 FROM avond_adres WHERE avond_id = ?))`,
  );
  let eerste: number | null = null;
  let laatste: number | null = null;
  let aantal = 0;
  return {
    add(b, toezichthouderIds) {
      // Arguments written out: an object spread here cost 3 µs a row, a third of a 100,000-row import.
      const id = Number(
        insBevinding.run(
          b.avondId,
          b.adresId,
          b.categorieId,
          b.partnerId,
          b.omschrijving,
          b.maatregel,
          b.personen,
          now,
          b.tijdstip,
          b.avondId,
          b.methode,
        ).lastInsertRowid,
      );
      for (let i = 0; i < toezichthouderIds.length; i++) insToezichthouder.run(id, toezichthouderIds[i], i + 1);
      eerste ??= id;
      laatste = id;
      aantal++;
    },
    addAvondAdres(avondId, adresId) {
      insAvondAdres.run(avondId, adresId, avondId);
    },
    async finish() {
      return { aantal, eerste, laatste };
    },
  };
}

/**
 * The follow-ups of findings eersteId..laatsteId from their kind's list, in one INSERT … SELECT:
 * for an import of 100,000 findings about twice as fast as a row at a time. Same order as one by
 * one: per finding, its follow-ups in order. Keyed on (categorie_id, bevinding_partner_id,
 * volgorde): the join walks findings in id order and the rules in key order, so the ORDER BY
 * needs no sort of 200,000 rows.
 */
function opvolgingenVoorReeks(db: Db, now: string, eersteId: number, laatsteId: number, perSoort: OpvolgingenPerSoort[]): number {
  db.exec(
    `CREATE TEMP TABLE import_regel (categorie_id INTEGER, bevinding_partner_id INTEGER, volgorde INTEGER, actie TEXT,
       partner_id INTEGER, deadline TEXT, stap TEXT, niet_voor TEXT, sjabloon TEXT,
       PRIMARY KEY (categorie_id, bevinding_partner_id, volgorde)) WITHOUT ROWID`,
  );
  try {
    const insRegel = db.prepare("INSERT INTO temp.import_regel VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const soort of perSoort)
      soort.opvolgingen.forEach((r, i) =>
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
    return db
      .prepare(
        `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, stap, niet_voor, sjabloon, aangemaakt, gewijzigd)
         SELECT b.id, r.actie, r.partner_id, r.deadline, 'open', r.stap, r.niet_voor, r.sjabloon, ?, ?
         FROM bevinding b JOIN temp.import_regel r ON r.categorie_id = b.categorie_id AND r.bevinding_partner_id = b.partner_id
         WHERE b.id BETWEEN ? AND ?
         ORDER BY b.id, r.volgorde`,
      )
      .run(now, now, eersteId, laatsteId).changes;
  } finally {
    db.exec("DROP TABLE temp.import_regel");
  }
}
