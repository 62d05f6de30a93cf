import type { Db } from "./connection.js";
import { parseLadderData, stapSjabloon, type Spoor, type Stap } from "../domain/ladder.js";
import {
  categorieBestand,
  readData,
  partnerBestand,
  standaardHandhaving,
  type PartnerFile,
  type ProfielData,
} from "../io/referentiedata.js";

/** The enforcement profile: a category's default, frozen on each zaak (same columns in both tables). */
const PROFIEL = `
    bestuursorgaan       TEXT NOT NULL CHECK (bestuursorgaan IN ('college','burgemeester')),
    bevoegdheid          TEXT NOT NULL,
    spoor                TEXT NOT NULL CHECK (spoor IN ('dwangsom','bestuursdwang','sluiting')),
    spoed                INTEGER NOT NULL DEFAULT 0 CHECK (spoed IN (0,1)),
    herstelmaatregel     TEXT NOT NULL,
    hersteltermijn       TEXT NOT NULL,
    zienswijzetermijn    TEXT NOT NULL,
    begunstigingstermijn TEXT NOT NULL,
    sluitingsduur        TEXT,
    waarschuwingsgrondslag TEXT,
    dwangsom_bedrag      INTEGER CHECK (dwangsom_bedrag IS NULL OR dwangsom_bedrag > 0),
    dwangsom_per         TEXT CHECK (dwangsom_per IS NULL OR dwangsom_per IN ('ineens','dag','week','maand','constatering')),
    dwangsom_maximum     INTEGER CHECK (dwangsom_maximum IS NULL OR dwangsom_maximum > 0),
    toezicht_partner_id  INTEGER REFERENCES partner(id)`;

/**
 * Migration v4 (issue 12): the schema of the handhavingsladder and the conversion of the
 * data an older version left. Frozen with its release: later changes get their own entry.
 */
const SCHEMA = `
  -- More roles: the addressee of a last is the overtreder, in the capacity the letter names.
  CREATE TABLE betrokkene_adres_v3 (
    betrokkene_id INTEGER NOT NULL REFERENCES betrokkene(id) ON DELETE CASCADE,
    adres_id      INTEGER NOT NULL REFERENCES adres(id) ON DELETE CASCADE,
    rol           TEXT NOT NULL CHECK (rol IN ('eigenaar','verhuurder','werkgever','uitzendbureau','gebruiker','bewoner','exploitant','vergunninghouder')),
    PRIMARY KEY (betrokkene_id, adres_id, rol)
  );
  INSERT INTO betrokkene_adres_v3 (betrokkene_id, adres_id, rol) SELECT betrokkene_id, adres_id, rol FROM betrokkene_adres;
  DROP TABLE betrokkene_adres;
  ALTER TABLE betrokkene_adres_v3 RENAME TO betrokkene_adres;
  CREATE INDEX betrokkene_adres_adres ON betrokkene_adres(adres_id);

  ALTER TABLE partner ADD COLUMN lidwoord TEXT CHECK (lidwoord IS NULL OR lidwoord IN ('de','het'));
  ALTER TABLE partner ADD COLUMN postadres TEXT;
  CREATE TABLE partner_alias (
    alias      TEXT PRIMARY KEY COLLATE NOCASE,
    partner_id INTEGER NOT NULL REFERENCES partner(id) ON DELETE CASCADE
  );
  ALTER TABLE gemeente ADD COLUMN capaciteit INTEGER CHECK (capaciteit IS NULL OR capaciteit >= 0);
  ALTER TABLE briefhoofd ADD COLUMN mandaat TEXT;
  ALTER TABLE briefhoofd ADD COLUMN mandaat_burgemeester TEXT;
  ALTER TABLE briefhoofd ADD COLUMN rekening TEXT;
  ALTER TABLE categorie_opvolging ADD COLUMN sjabloon TEXT;

  -- A category the gemeente enforces: who decides, with what power, where the ladder begins.
  CREATE TABLE categorie_handhaving (
    categorie_id         INTEGER PRIMARY KEY REFERENCES categorie(id) ON DELETE CASCADE,
    ladder               TEXT NOT NULL CHECK (ladder IN ('bestuurlijke-rapportage','waarschuwing','voornemen')),
${PROFIEL}
  );

  -- One handhavingszaak per finding: the profile frozen from the category, changeable per case
  -- until the voornemen is sent; the overtreder and the capacity in which he is addressed.
  CREATE TABLE handhaving (
    id                   INTEGER PRIMARY KEY,
    bevinding_id         INTEGER NOT NULL UNIQUE REFERENCES bevinding(id) ON DELETE CASCADE,
    status               TEXT NOT NULL DEFAULT 'lopend' CHECK (status IN ('lopend','afgerond','doodgelopen')),
    voorschrift          TEXT NOT NULL,
${PROFIEL},
    overtreder_id        INTEGER REFERENCES betrokkene(id),
    hoedanigheid         TEXT,
    kosten               INTEGER CHECK (kosten IS NULL OR kosten >= 0),
    aangemaakt           TEXT NOT NULL,
    gewijzigd            TEXT NOT NULL
  );
  CREATE INDEX handhaving_status ON handhaving(status);
  CREATE INDEX handhaving_overtreder ON handhaving(overtreder_id);

  -- A ladder step is a follow-up with a stap, the earliest day it may happen, and its letter.
  ALTER TABLE opvolging ADD COLUMN stap TEXT CHECK (stap IS NULL OR stap IN
    ('bestuurlijke-rapportage','waarschuwing','voornemen','besluit','hercontrole','invordering','bestuursdwang-uitvoeren','kostenverhaal'));
  ALTER TABLE opvolging ADD COLUMN niet_voor TEXT;
  ALTER TABLE opvolging ADD COLUMN sjabloon TEXT;

  -- Zienswijze (4:8 Awb) on a voornemen: when it came in, what it says, how it was weighed.
  CREATE TABLE zienswijze (
    id            INTEGER PRIMARY KEY,
    handhaving_id INTEGER NOT NULL REFERENCES handhaving(id) ON DELETE CASCADE,
    brief_id      INTEGER REFERENCES brief(id) ON DELETE SET NULL,
    ontvangen     TEXT NOT NULL,
    samenvatting  TEXT NOT NULL,
    weging        TEXT,
    aangemaakt    TEXT NOT NULL
  );
  CREATE INDEX zienswijze_handhaving ON zienswijze(handhaving_id);

  -- Kenmerken come from a counter, never from the letters that still exist (opschonen deletes letters).
  CREATE TABLE kenmerk_teller (
    jaar    INTEGER PRIMARY KEY,
    laatste INTEGER NOT NULL CHECK (laatste >= 0)
  );
  INSERT INTO kenmerk_teller (jaar, laatste)
    SELECT CAST(substr(kenmerk, 5, 4) AS INTEGER), max(CAST(substr(kenmerk, 10) AS INTEGER))
    FROM brief WHERE kenmerk GLOB 'INT-[0-9][0-9][0-9][0-9]-[0-9]*' GROUP BY 1;
`;

/** What the previous release shipped as grondslag: replaced by today's voorschrift only where the user kept it. */
const OUDE_GRONDSLAG: Record<string, string> = {
  "strijdig-gebruik": "artikel 5.1 Omgevingswet (strijdig met het omgevingsplan)",
  milieu: "Omgevingswet en Besluit activiteiten leefomgeving",
  overbewoning: "Besluit bouwwerken leefomgeving (gebruiksoppervlakte per persoon) en de huisvestingsverordening",
  energiefraude: "Elektriciteitswet 1998 / Gaswet; artikel 310 Wetboek van Strafrecht",
  brandgevaar: "Besluit bouwwerken leefomgeving, afdeling brandveilig gebruik; artikel 5:21 Awb (spoedeisende bestuursdwang)",
  brandveiligheid: "Besluit bouwwerken leefomgeving, hoofdstuk 3 en 6 (brandveiligheid)",
  asbest: "Besluit activiteiten leefomgeving en Besluit bouwwerken leefomgeving (asbest)",
  hennep: "Opiumwet, artikel 3 en 13b (sluiting)",
  drugslab: "Opiumwet, artikel 10a en 13b",
  drugspand: "artikel 13b Opiumwet (Damoclesbeleid)",
  alcoholwet: "Alcoholwet en de APV",
  "permanente-bewoning": "artikel 5.1 Omgevingswet (strijdig met het omgevingsplan)",
  woonoverlast: "artikel 151d Gemeentewet (gedragsaanwijzing)",
  prostitutie: "APV (vergunningplicht seksbedrijf); artikel 174 Gemeentewet",
  "gas-elektra": "Besluit bouwwerken leefomgeving (installaties)",
  afval: "Wet milieubeheer, artikel 10.2",
  "bouwen-zonder-vergunning": "artikel 5.1 Omgevingswet",
};

/** The old release's follow-up actions that are ladder steps now. */
const OUDE_LADDERACTIES: Record<string, Stap> = {
  "bestuurlijke rapportage": "bestuurlijke-rapportage",
  "informatiebrief eigenaar": "waarschuwing",
  "voornemen last onder dwangsom": "voornemen",
  "voornemen bestuursdwang": "voornemen",
  "voornemen sluiting": "voornemen",
  "last onder dwangsom": "besluit",
  "last onder bestuursdwang": "besluit",
  sluiting: "besluit",
  "invordering dwangsom": "invordering",
  "bestuursdwang uitvoeren": "bestuursdwang-uitvoeren",
  hercontrole: "hercontrole",
};

export function ladderMigratie(db: Db): void {
  db.exec(SCHEMA);
  const now = new Date().toISOString();

  // Partners: the Nederlandse Arbeidsinspectie (ISZW until 2022) keeps its old name as an alias.
  const nla = "Nederlandse Arbeidsinspectie";
  if (!db.prepare("SELECT 1 FROM partner WHERE naam = ? COLLATE NOCASE").get(nla)) {
    db.prepare("UPDATE partner SET naam = ? WHERE naam = 'ISZW' COLLATE NOCASE").run(nla);
  }
  vulPartnerGegevens(db, partnerBestand());

  // Categories: today's names and norms where the user kept the shipped text, and an enforcement profile.
  const gemeente = db.prepare("SELECT id FROM partner WHERE naam = 'Gemeente' COLLATE NOCASE").get() as { id: number } | undefined;
  for (const c of categorieBestand()) {
    const row = db.prepare("SELECT id, naam, grondslag FROM categorie WHERE code = ? COLLATE NOCASE").get(c.code) as
      { id: number; naam: string; grondslag: string | null } | undefined;
    if (!row) continue;
    if (c.code === "strijdig-gebruik" && row.naam === "Strijdig gebruik bestemmingsplan") {
      db.prepare("UPDATE categorie SET naam = ? WHERE id = ?").run(c.naam, row.id);
    }
    if (row.grondslag === null || row.grondslag === OUDE_GRONDSLAG[c.code]) {
      db.prepare("UPDATE categorie SET grondslag = ? WHERE id = ?").run(c.voorschrift, row.id);
    }
    if (c.handhaving) zetProfielUitData(db, row.id, c.handhaving);
  }
  // A category of the user's own, owned by the gemeente and followed up with the old ladder actions, gets the default profile.
  const eigen = db
    .prepare(
      `SELECT c.id FROM categorie c WHERE c.partner_id = ? AND NOT EXISTS (SELECT 1 FROM categorie_handhaving h WHERE h.categorie_id = c.id)
         AND EXISTS (SELECT 1 FROM categorie_opvolging r WHERE r.categorie_id = c.id AND lower(trim(r.actie)) IN (${Object.keys(
           OUDE_LADDERACTIES,
         )
           .filter((a) => a !== "hercontrole")
           .map(() => "?")
           .join(",")}))`,
    )
    .all(gemeente?.id ?? -1, ...Object.keys(OUDE_LADDERACTIES).filter((a) => a !== "hercontrole")) as { id: number }[];
  for (const { id } of eigen) zetProfielUitData(db, id, standaardHandhaving());

  // Rules: ladder actions are the ladder's now; a letter to a partner is named; the gemeente never informs itself.
  db.prepare(
    `DELETE FROM categorie_opvolging WHERE categorie_id IN (SELECT categorie_id FROM categorie_handhaving)
       AND lower(trim(actie)) IN (${Object.keys(OUDE_LADDERACTIES)
         .map(() => "?")
         .join(",")})`,
  ).run(...Object.keys(OUDE_LADDERACTIES));
  db.prepare(
    `UPDATE categorie_opvolging SET actie = 'terugkoppeling aan de gemeente',
       partner_id = (SELECT partner_id FROM categorie c WHERE c.id = categorie_id)
     WHERE lower(trim(actie)) = 'partner informeren' AND partner_id = ?`,
  ).run(gemeente?.id ?? -1);
  db.exec(`UPDATE categorie_opvolging SET sjabloon = 'informatiebericht-partner' WHERE lower(trim(actie)) = 'partner informeren'`);
  db.exec(`UPDATE categorie_opvolging SET sjabloon = 'informatiebrief-eigenaar' WHERE lower(trim(actie)) = 'informatiebrief eigenaar'`);

  // Follow-ups already made: plain letters keep their template; ladder actions of an enforced
  // category become the steps of a zaak, and a step whose letter was sent is completed by it.
  db.exec(`UPDATE opvolging SET sjabloon = 'informatiebericht-partner' WHERE lower(trim(actie)) = 'partner informeren'`);
  const ladder = parseLadderData(readData("handhavingsladder.json"));
  const legacy = db
    .prepare(
      `SELECT o.id, lower(trim(o.actie)) AS actie, o.bevinding_id, h.spoor FROM opvolging o
       JOIN bevinding b ON b.id = o.bevinding_id JOIN categorie_handhaving h ON h.categorie_id = b.categorie_id
       ORDER BY o.id`,
    )
    .all() as { id: number; actie: string; bevinding_id: number; spoor: Spoor }[];
  const zaken = new Set<number>();
  for (const o of legacy) {
    const stap = OUDE_LADDERACTIES[o.actie];
    if (!stap) continue;
    // A step whose letter was sent keeps that letter's template (the old informatiebrief is today's waarschuwing).
    db.prepare(
      `UPDATE opvolging SET stap = ?, sjabloon = coalesce((SELECT br.sjabloon FROM brief br JOIN brief_opvolging bo ON bo.brief_id = br.id
         WHERE bo.opvolging_id = opvolging.id ORDER BY br.id LIMIT 1), ?) WHERE id = ?`,
    ).run(stap, stapSjabloon(ladder, stap, o.spoor) ?? null, o.id);
    zaken.add(o.bevinding_id);
  }
  db.exec(
    `UPDATE opvolging SET sjabloon = 'informatiebrief-eigenaar' WHERE stap IS NULL AND lower(trim(actie)) = 'informatiebrief eigenaar'`,
  );
  for (const bevindingId of zaken) {
    db.prepare(
      `INSERT INTO handhaving (bevinding_id, status, bestuursorgaan, voorschrift, bevoegdheid, spoor, spoed, herstelmaatregel, hersteltermijn,
         zienswijzetermijn, begunstigingstermijn, sluitingsduur, waarschuwingsgrondslag, dwangsom_bedrag, dwangsom_per, dwangsom_maximum,
         toezicht_partner_id, aangemaakt, gewijzigd)
       SELECT b.id,
              CASE WHEN EXISTS (SELECT 1 FROM opvolging o WHERE o.bevinding_id = b.id AND o.stap IS NOT NULL AND o.status IN ('open','in-behandeling'))
                   THEN 'lopend' ELSE 'afgerond' END,
              h.bestuursorgaan, coalesce(c.grondslag, ''), h.bevoegdheid, h.spoor, h.spoed, h.herstelmaatregel, h.hersteltermijn,
              h.zienswijzetermijn, h.begunstigingstermijn, h.sluitingsduur, h.waarschuwingsgrondslag, h.dwangsom_bedrag, h.dwangsom_per,
              h.dwangsom_maximum, h.toezicht_partner_id, ?, ?
       FROM bevinding b JOIN categorie c ON c.id = b.categorie_id JOIN categorie_handhaving h ON h.categorie_id = c.id WHERE b.id = ?`,
    ).run(now, now, bevindingId);
  }
  db.exec(`
    UPDATE opvolging SET status = 'afgerond',
      gesloten_op = (SELECT min(br.datum) FROM brief br JOIN brief_opvolging bo ON bo.brief_id = br.id WHERE bo.opvolging_id = opvolging.id AND br.sjabloon = opvolging.sjabloon),
      resultaat = coalesce(resultaat, 'Brief verzonden')
    WHERE stap IS NOT NULL AND stap <> 'hercontrole' AND status IN ('open','in-behandeling')
      AND EXISTS (SELECT 1 FROM brief br JOIN brief_opvolging bo ON bo.brief_id = br.id WHERE bo.opvolging_id = opvolging.id AND br.sjabloon = opvolging.sjabloon)`);
}

// The two writers below are this migration's own copies (synchronous, on the raw connection), so
// that the live repositories can follow the schema without changing what a released migration does.

/** Article, postal address and aliases of the shipped partners, where the database has none yet. */
function vulPartnerGegevens(db: Db, partners: PartnerFile[]): void {
  for (const p of partners) {
    const row = db.prepare("SELECT id FROM partner WHERE naam = ? COLLATE NOCASE").get(p.naam) as { id: number } | undefined;
    if (!row) continue;
    db.prepare("UPDATE partner SET lidwoord = coalesce(lidwoord, ?), postadres = coalesce(postadres, ?) WHERE id = ?").run(
      p.lidwoord ?? null,
      p.postadres ?? null,
      row.id,
    );
    for (const a of p.aliassen ?? []) {
      if (db.prepare("SELECT 1 FROM partner WHERE naam = ? COLLATE NOCASE").get(a)) continue; // a real partner of that name wins
      db.prepare("INSERT OR IGNORE INTO partner_alias (alias, partner_id) VALUES (?, ?)").run(a, row.id);
    }
  }
}

/** Sets a category's enforcement profile (replacing one that exists). */
function zetProfielUitData(db: Db, categorieId: number, p: ProfielData): void {
  const toezicht = p.toezicht
    ? ((db.prepare("SELECT id FROM partner WHERE naam = ? COLLATE NOCASE").get(p.toezicht) as { id: number } | undefined)?.id ?? null)
    : null;
  db.prepare(
    `INSERT OR REPLACE INTO categorie_handhaving (categorie_id, bestuursorgaan, bevoegdheid, ladder, spoor, spoed, herstelmaatregel,
       hersteltermijn, zienswijzetermijn, begunstigingstermijn, sluitingsduur, waarschuwingsgrondslag, dwangsom_bedrag, dwangsom_per,
       dwangsom_maximum, toezicht_partner_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    categorieId,
    p.bestuursorgaan,
    p.bevoegdheid,
    p.ladder,
    p.spoor,
    p.spoed ? 1 : 0,
    p.herstelmaatregel,
    p.hersteltermijn,
    p.zienswijzetermijn,
    p.begunstigingstermijn,
    p.sluitingsduur ?? null,
    p.waarschuwingsgrondslag ?? null,
    p.dwangsom?.bedrag ?? null,
    p.dwangsom?.per ?? null,
    p.dwangsom?.maximum ?? null,
    toezicht,
  );
}
