import type { Db } from "./connection.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import type { Tx } from "./audit.js";
import { notFound, UserError } from "../errors.js";
import type { IsoDate } from "../domain/dates.js";
import {
  isVastgelegd,
  naVoltooien,
  startStap,
  stapActie,
  stapSjabloon,
  type Bestuursorgaan,
  type DwangsomPer,
  type LadderData,
  type LadderStart,
  type NieuweStap,
  type Profiel,
  type Spoor,
  type Stap,
  type Zaak,
  type ZaakStatus,
} from "../domain/ladder.js";
import { isGesloten } from "../domain/opvolging.js";
import { deadline, type Kalender } from "../domain/termijn.js";
import { insertOpvolging } from "./opvolging.js";

/** Handhavingszaken, their ladder steps and zienswijzen: the only SQL of the ladder. */

const PROFIEL_KOLOMMEN = `bestuursorgaan, bevoegdheid, spoor, spoed, herstelmaatregel, hersteltermijn, zienswijzetermijn,
  begunstigingstermijn, sluitingsduur, waarschuwingsgrondslag, dwangsom_bedrag, dwangsom_per, dwangsom_maximum, toezicht_partner_id`;

interface ProfielRij {
  bestuursorgaan: Bestuursorgaan;
  bevoegdheid: string;
  spoor: Spoor;
  spoed: number;
  herstelmaatregel: string;
  hersteltermijn: string;
  zienswijzetermijn: string;
  begunstigingstermijn: string;
  sluitingsduur: string | null;
  waarschuwingsgrondslag: string | null;
  dwangsom_bedrag: number | null;
  dwangsom_per: DwangsomPer | null;
  dwangsom_maximum: number | null;
  toezicht_partner_id: number | null;
}

function profielVan(r: ProfielRij, voorschrift: string): Profiel {
  return {
    bestuursorgaan: r.bestuursorgaan,
    voorschrift,
    bevoegdheid: r.bevoegdheid,
    herstelmaatregel: r.herstelmaatregel,
    spoor: r.spoor,
    spoed: r.spoed === 1,
    hersteltermijn: r.hersteltermijn,
    zienswijzetermijn: r.zienswijzetermijn,
    begunstigingstermijn: r.begunstigingstermijn,
    sluitingsduur: r.sluitingsduur,
    waarschuwingsgrondslag: r.waarschuwingsgrondslag,
    dwangsom:
      r.dwangsom_bedrag !== null && r.dwangsom_per !== null && r.dwangsom_maximum !== null
        ? { bedrag: r.dwangsom_bedrag, per: r.dwangsom_per, maximum: r.dwangsom_maximum }
        : null,
  };
}

export type CategorieProfiel = Profiel & { ladder: LadderStart; toezicht: string | null };

/** A category's enforcement profile; undefined: the gemeente does not enforce it (a partner's own law). */
export function categorieProfiel(db: Db, categorieId: number): CategorieProfiel | undefined {
  const r = db
    .prepare(
      `SELECT h.ladder, ${PROFIEL_KOLOMMEN.replace(/(\w+)/g, "h.$1")}, coalesce(c.grondslag, '') AS voorschrift, p.naam AS toezicht
       FROM categorie_handhaving h JOIN categorie c ON c.id = h.categorie_id LEFT JOIN partner p ON p.id = h.toezicht_partner_id
       WHERE h.categorie_id = ?`,
    )
    .get(categorieId) as (ProfielRij & { ladder: LadderStart; voorschrift: string; toezicht: string | null }) | undefined;
  return r ? { ...profielVan(r, r.voorschrift), ladder: r.ladder, toezicht: r.toezicht } : undefined;
}

// ---------------------------------------------------------------------------
// Making zaken

export interface EersteStap {
  actie: string;
  partnerId: number;
  deadline: IsoDate;
  stap: Stap;
  nietVoor: IsoDate;
  sjabloon: string | null;
}

function partnerId(db: Db, naam: string): number {
  const r = db.prepare("SELECT id FROM partner WHERE naam = ? COLLATE NOCASE").get(naam) as { id: number } | undefined;
  if (!r)
    throw new UserError(
      "ongeldige-referentie",
      `Partner "${naam}" uit data/handhavingsladder.json bestaat niet; voeg hem toe met partner toevoegen`,
    );
  return r.id;
}

/** Who does a step: the ladder file names a partner, or "(toezicht)": the zaak's toezichthouder, else the gemeente. */
function stapPartner(db: Db, ladder: LadderData, stap: Stap, toezichtPartnerId: number | null): number {
  const naam = ladder.stappen[stap].partner;
  if (naam !== "(toezicht)") return partnerId(db, naam);
  return toezichtPartnerId ?? partnerId(db, "Gemeente");
}

function stapRegel(db: Db, ladder: LadderData, nieuw: NieuweStap, spoor: Spoor, toezicht: number | null, k: Kalender): EersteStap {
  const d = ladder.stappen[nieuw.stap];
  return {
    actie: stapActie(ladder, nieuw.stap, spoor),
    partnerId: stapPartner(db, ladder, nieuw.stap, toezicht),
    deadline: deadline(k, nieuw.nietVoor, d.termijn, d.eenheid),
    stap: nieuw.stap,
    nietVoor: nieuw.nietVoor,
    sjabloon: stapSjabloon(ladder, nieuw.stap, spoor) ?? null,
  };
}

/** The first ladder step of a finding of this category on an evening; undefined when the gemeente does not enforce it. */
export function eersteStapVan(db: Db, categorieId: number, avondDatum: IsoDate, k: Kalender, ladder: LadderData): EersteStap | undefined {
  const p = categorieProfiel(db, categorieId);
  if (!p) return undefined;
  const toezicht = p.toezicht ? partnerId(db, p.toezicht) : null;
  return stapRegel(db, ladder, { stap: startStap(p.ladder, p.spoed), nietVoor: avondDatum }, p.spoor, toezicht, k);
}

/**
 * A zaak for every finding eersteId..laatsteId whose category the gemeente enforces, with the
 * category's profile frozen on it: one INSERT … SELECT (an import makes 100,000 findings this way).
 */
export function zakenVoorReeks(tx: Tx, eersteId: number, laatsteId: number): number {
  return tx.db
    .prepare(
      `INSERT INTO handhaving (bevinding_id, voorschrift, ${PROFIEL_KOLOMMEN}, aangemaakt, gewijzigd)
       SELECT b.id, coalesce(c.grondslag, ''), ${PROFIEL_KOLOMMEN.replace(/(\w+)/g, "h.$1")}, ?, ?
       FROM bevinding b JOIN categorie c ON c.id = b.categorie_id JOIN categorie_handhaving h ON h.categorie_id = b.categorie_id
       WHERE b.id BETWEEN ? AND ? ORDER BY b.id`,
    )
    .run(tx.now, tx.now, eersteId, laatsteId).changes;
}

// ---------------------------------------------------------------------------
// Reading a zaak

export interface ZaakRij extends AdresVelden {
  id: number;
  bevinding_id: number;
  status: ZaakStatus;
  adres_id: number;
  gemeente: string;
  categorie: string;
  categorie_naam: string;
  avond_datum: string;
  overtreder_id: number | null;
  overtreder: string | null;
  hoedanigheid: string | null;
  kosten: number | null;
  toezicht_partner_id: number | null;
}

/** A zaak with how its overtreder is addressed, and its row for listings. */
export type ZaakVolledig = Zaak & { hoedanigheid: string | null; overtreder: string | null; rij: ZaakRij };

const ZAAK_SELECT = `
  SELECT h.*, b.adres_id, ${ADRES_VELDEN}, g.naam AS gemeente,
         c.code AS categorie, c.naam AS categorie_naam, v.datum AS avond_datum, be.naam AS overtreder
  FROM handhaving h JOIN bevinding b ON b.id = h.bevinding_id JOIN adres a ON a.id = b.adres_id JOIN gemeente g ON g.id = a.gemeente_id
  JOIN categorie c ON c.id = b.categorie_id JOIN avond v ON v.id = b.avond_id LEFT JOIN betrokkene be ON be.id = h.overtreder_id`;

type ZaakSqlRij = ZaakRij & ProfielRij & { voorschrift: string };

function bouwZaak(db: Db, r: ZaakSqlRij): ZaakVolledig {
  const stappen = (
    db
      .prepare(
        `SELECT o.id, o.stap, o.status, o.niet_voor, o.gesloten_op, o.beeindigd, br.kenmerk, br.datum
         FROM opvolging o
         LEFT JOIN brief br ON br.id = (SELECT min(x.id) FROM brief x JOIN brief_opvolging bo ON bo.brief_id = x.id
                                        WHERE bo.opvolging_id = o.id AND x.sjabloon = o.sjabloon)
         WHERE o.bevinding_id = ? AND o.stap IS NOT NULL ORDER BY o.id`,
      )
      .all(r.bevinding_id) as {
      id: number;
      stap: Stap;
      status: string;
      niet_voor: string | null;
      gesloten_op: string | null;
      beeindigd: number | null;
      kenmerk: string | null;
      datum: string | null;
    }[]
  ).map((s) => ({
    opvolgingId: s.id,
    stap: s.stap,
    status: s.status,
    nietVoor: s.niet_voor,
    geslotenOp: s.gesloten_op,
    beeindigd: s.beeindigd === null ? null : s.beeindigd === 1,
    brief: s.kenmerk && s.datum ? { kenmerk: s.kenmerk, datum: s.datum } : null,
  }));
  const zienswijzen = db
    .prepare("SELECT id, ontvangen, samenvatting, weging FROM zienswijze WHERE handhaving_id = ? ORDER BY ontvangen, id")
    .all(r.id) as { id: number; ontvangen: string; samenvatting: string; weging: string | null }[];
  return {
    id: r.id,
    status: r.status,
    profiel: profielVan(r, r.voorschrift),
    overtrederId: r.overtreder_id,
    kosten: r.kosten,
    stappen,
    zienswijzen,
    hoedanigheid: r.hoedanigheid,
    overtreder: r.overtreder,
    rij: {
      id: r.id,
      bevinding_id: r.bevinding_id,
      status: r.status,
      adres_id: r.adres_id,
      straat: r.straat,
      huisnummer: r.huisnummer,
      toevoeging: r.toevoeging,
      postcode: r.postcode,
      plaats: r.plaats,
      gemeente: r.gemeente,
      categorie: r.categorie,
      categorie_naam: r.categorie_naam,
      avond_datum: r.avond_datum,
      overtreder_id: r.overtreder_id,
      overtreder: r.overtreder,
      hoedanigheid: r.hoedanigheid,
      kosten: r.kosten,
      toezicht_partner_id: r.toezicht_partner_id,
    },
  };
}

export function zaakVanBevinding(db: Db, bevindingId: number): ZaakVolledig | undefined {
  const r = db.prepare(`${ZAAK_SELECT} WHERE h.bevinding_id = ?`).get(bevindingId) as ZaakSqlRij | undefined;
  return r ? bouwZaak(db, r) : undefined;
}

export function requireZaak(db: Db, id: number): ZaakVolledig {
  const r = db.prepare(`${ZAAK_SELECT} WHERE h.id = ?`).get(id) as ZaakSqlRij | undefined;
  if (!r) throw notFound("Handhavingszaak", id);
  return bouwZaak(db, r);
}

export function listZaken(db: Db, f: { gemeenteId?: number; status?: ZaakStatus; avondId?: number } = {}): ZaakVolledig[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.gemeenteId !== undefined) {
    where.push("a.gemeente_id = ?");
    args.push(f.gemeenteId);
  }
  if (f.status !== undefined) {
    where.push("h.status = ?");
    args.push(f.status);
  }
  if (f.avondId !== undefined) {
    where.push("b.avond_id = ?");
    args.push(f.avondId);
  }
  const rows = db
    .prepare(`${ZAAK_SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY h.id`)
    .all(...args) as ZaakSqlRij[];
  return rows.map((r) => bouwZaak(db, r));
}

// ---------------------------------------------------------------------------
// Changing a zaak

export interface ZaakVelden {
  voorschrift?: string;
  bevoegdheid?: string;
  herstelmaatregel?: string;
  hersteltermijn?: string;
  zienswijzetermijn?: string;
  begunstigingstermijn?: string;
  sluitingsduur?: string;
  spoed?: boolean;
  dwangsom?: { bedrag: number; per: DwangsomPer; maximum: number };
  overtrederId?: number;
  hoedanigheid?: string;
  kosten?: number;
}

export function zetZaak(tx: Tx, id: number, v: ZaakVelden): string[] {
  const cols: [string, unknown][] = [];
  const zet = (k: string, x: unknown) => x !== undefined && cols.push([k, x]);
  zet("voorschrift", v.voorschrift);
  zet("bevoegdheid", v.bevoegdheid);
  zet("herstelmaatregel", v.herstelmaatregel);
  zet("hersteltermijn", v.hersteltermijn);
  zet("zienswijzetermijn", v.zienswijzetermijn);
  zet("begunstigingstermijn", v.begunstigingstermijn);
  zet("sluitingsduur", v.sluitingsduur);
  zet("spoed", v.spoed === undefined ? undefined : v.spoed ? 1 : 0);
  zet("dwangsom_bedrag", v.dwangsom?.bedrag);
  zet("dwangsom_per", v.dwangsom?.per);
  zet("dwangsom_maximum", v.dwangsom?.maximum);
  zet("overtreder_id", v.overtrederId);
  zet("hoedanigheid", v.hoedanigheid);
  zet("kosten", v.kosten);
  if (cols.length === 0) return [];
  tx.db
    .prepare(`UPDATE handhaving SET ${cols.map(([k]) => `${k} = ?`).join(", ")}, gewijzigd = ? WHERE id = ?`)
    .run(...cols.map(([, x]) => x as string | number), tx.now, id);
  const velden = cols.map(([k]) => k);
  tx.audit("handhaving", id, "gewijzigd", { velden });
  return velden;
}

/** Writes a new ladder step of a zaak. */
export function insertStap(tx: Tx, z: ZaakVolledig, nieuw: NieuweStap, k: Kalender, ladder: LadderData): number {
  const r = stapRegel(tx.db, ladder, nieuw, z.profiel.spoor, z.rij.toezicht_partner_id, k);
  return insertOpvolging(tx, {
    bevindingId: z.rij.bevinding_id,
    actie: r.actie,
    partnerId: r.partnerId,
    deadline: r.deadline,
    stap: r.stap,
    nietVoor: r.nietVoor,
    sjabloon: r.sjabloon,
  });
}

/** Closes one follow-up (ladder step or not) on a date with a result. */
export function sluitOpvolging(
  tx: Tx,
  id: number,
  status: "afgerond" | "doodgelopen",
  datum: IsoDate,
  resultaat: string,
  extra = {},
): void {
  tx.db
    .prepare("UPDATE opvolging SET status = ?, gesloten_op = ?, resultaat = coalesce(?, resultaat), gewijzigd = ? WHERE id = ?")
    .run(status, datum, resultaat, tx.now, id);
  tx.audit("opvolging", id, "gewijzigd", { velden: ["status", "resultaat"], ...extra });
}

/** Ends a zaak: its status, and every ladder step still open closed with the same reason. */
export function sluitZaak(tx: Tx, z: ZaakVolledig, status: "afgerond" | "doodgelopen", datum: IsoDate, reden: string): number[] {
  tx.db.prepare("UPDATE handhaving SET status = ?, gewijzigd = ? WHERE id = ?").run(status, tx.now, z.id);
  tx.audit("handhaving", z.id, "gewijzigd", { velden: ["status"], status });
  const open = z.stappen.filter((s) => !isGesloten(s.status)).map((s) => s.opvolgingId);
  for (const id of open) sluitOpvolging(tx, id, status, datum, reden);
  return open;
}

/**
 * Completes a ladder step on `datum` (the letter's date, or the day the action was done) and
 * writes what follows: the next step, or the end of the zaak. Returns the new step's id.
 */
export function voltooiStap(
  tx: Tx,
  zaakId: number,
  opvolgingId: number,
  datum: IsoDate,
  resultaat: string,
  k: Kalender,
  ladder: LadderData,
): number | null {
  sluitOpvolging(tx, opvolgingId, "afgerond", datum, resultaat);
  return volgNa(tx, zaakId, opvolgingId, datum, k, ladder);
}

/** After a step was closed as afgerond on `datum`: writes the next step, or ends the zaak. */
export function volgNa(tx: Tx, zaakId: number, opvolgingId: number, datum: IsoDate, k: Kalender, ladder: LadderData): number | null {
  const z = requireZaak(tx.db, zaakId);
  const stap = z.stappen.find((s) => s.opvolgingId === opvolgingId);
  if (!stap) throw notFound("Ladderstap", opvolgingId);
  const volgende = naVoltooien(z, stap.stap, datum, k, ladder);
  if (volgende) return insertStap(tx, z, volgende, k, ladder);
  sluitZaak(tx, z, "afgerond", datum, "Handhavingsladder doorlopen");
  return null;
}

/**
 * Checks a designation of the overtreder: a betrokkene linked to the address (in the capacity
 * the letters name), and not another one than the voornemen already named. Returns the fields to set.
 */
export function overtrederVoorZaak(
  db: Db,
  z: Zaak & { hoedanigheid: string | null },
  adres: { id: number; volledig: string },
  betrokkeneId: number,
  hoedanigheid: string | undefined,
): { overtrederId: number; hoedanigheid: string } {
  const rollen = (
    db
      .prepare(
        "SELECT ba.rol, b.naam FROM betrokkene b LEFT JOIN betrokkene_adres ba ON ba.betrokkene_id = b.id AND ba.adres_id = ? WHERE b.id = ?",
      )
      .all(adres.id, betrokkeneId) as { rol: string | null; naam: string }[]
  ).filter((r) => r.rol !== null);
  if (!db.prepare("SELECT 1 FROM betrokkene WHERE id = ?").get(betrokkeneId)) throw notFound("Betrokkene", betrokkeneId);
  if (rollen.length === 0) {
    throw new UserError(
      "niet-gekoppeld",
      `Betrokkene ${betrokkeneId} heeft geen rol bij ${adres.volledig}; koppel eerst: interventie betrokkene koppel ${betrokkeneId} --adres ${adres.id} --rol <rol>`,
    );
  }
  const zelfde = z.overtrederId === betrokkeneId;
  const nieuw = {
    overtrederId: betrokkeneId,
    hoedanigheid:
      hoedanigheid ?? (zelfde && z.hoedanigheid ? z.hoedanigheid : `${rollen.map((r) => r.rol).join(" en ")} van ${adres.volledig}`),
  };
  const vast = isVastgelegd(z);
  if (vast && (!zelfde || nieuw.hoedanigheid !== z.hoedanigheid)) {
    throw new UserError(
      "vastgelegd",
      `De overtreder van handhavingszaak ${z.id} staat in het verzonden voornemen ${vast.kenmerk}; het besluit moet dezelfde noemen (een andere overtreder vraagt een nieuw voornemen)`,
    );
  }
  return nieuw;
}

// ---------------------------------------------------------------------------
// Zienswijzen

export function insertZienswijze(
  tx: Tx,
  z: { handhavingId: number; briefId: number | null; ontvangen: IsoDate; samenvatting: string; weging: string | null },
): number {
  const id = Number(
    tx.db
      .prepare("INSERT INTO zienswijze (handhaving_id, brief_id, ontvangen, samenvatting, weging, aangemaakt) VALUES (?, ?, ?, ?, ?, ?)")
      .run(z.handhavingId, z.briefId, z.ontvangen, z.samenvatting, z.weging, tx.now).lastInsertRowid,
  );
  tx.audit("zienswijze", id, "toegevoegd", { handhaving: z.handhavingId });
  return id;
}

export function wegZienswijze(tx: Tx, id: number, weging: string): void {
  if (tx.db.prepare("UPDATE zienswijze SET weging = ? WHERE id = ?").run(weging, id).changes === 0) throw notFound("Zienswijze", id);
  tx.audit("zienswijze", id, "gewijzigd", { velden: ["weging"] });
}

export interface ZienswijzeRij extends AdresVelden {
  id: number;
  handhaving_id: number;
  kenmerk: string | null;
  ontvangen: string;
  samenvatting: string;
  weging: string | null;
}

export function listZienswijzen(db: Db, f: { handhavingId?: number; id?: number } = {}): ZienswijzeRij[] {
  const where = f.handhavingId !== undefined ? "WHERE z.handhaving_id = ?" : f.id !== undefined ? "WHERE z.id = ?" : "";
  return db
    .prepare(
      `SELECT z.id, z.handhaving_id, br.kenmerk, z.ontvangen, z.samenvatting, z.weging,
              ${ADRES_VELDEN}
       FROM zienswijze z JOIN handhaving h ON h.id = z.handhaving_id JOIN bevinding b ON b.id = h.bevinding_id
       JOIN adres a ON a.id = b.adres_id LEFT JOIN brief br ON br.id = z.brief_id
       ${where} ORDER BY z.ontvangen, z.id`,
    )
    .all(...(f.handhavingId !== undefined ? [f.handhavingId] : f.id !== undefined ? [f.id] : [])) as ZienswijzeRij[];
}

/** The zaken a letter was about (a voornemen over two findings at one address). */
export function zakenVanBrief(db: Db, kenmerk: string): { briefId: number; zaakIds: number[]; opvolgingen: number[] } | undefined {
  const b = db.prepare("SELECT id FROM brief WHERE kenmerk = ? COLLATE NOCASE").get(kenmerk.trim()) as { id: number } | undefined;
  if (!b) return undefined;
  const rows = db
    .prepare(
      `SELECT o.id AS opvolging, h.id AS zaak FROM brief_opvolging bo JOIN opvolging o ON o.id = bo.opvolging_id
       LEFT JOIN handhaving h ON h.bevinding_id = o.bevinding_id WHERE bo.brief_id = ? ORDER BY o.id`,
    )
    .all(b.id) as { opvolging: number; zaak: number | null }[];
  return {
    briefId: b.id,
    zaakIds: [...new Set(rows.map((r) => r.zaak).filter((x): x is number => x !== null))],
    opvolgingen: rows.map((r) => r.opvolging),
  };
}

/** Moves the earliest day of a zaak's open besluit (a zienswijze came in: the besluit is due at once). */
export function zetBesluitVanaf(tx: Tx, zaakId: number, datum: IsoDate): void {
  const z = requireZaak(tx.db, zaakId);
  for (const s of z.stappen.filter((x) => x.stap === "besluit" && !isGesloten(x.status))) {
    if (s.nietVoor !== null && s.nietVoor <= datum) continue;
    tx.db.prepare("UPDATE opvolging SET niet_voor = ?, gewijzigd = ? WHERE id = ?").run(datum, tx.now, s.opvolgingId);
    tx.audit("opvolging", s.opvolgingId, "gewijzigd", { velden: ["niet_voor"] });
  }
}

// ---------------------------------------------------------------------------
// Capacity

/** Open zaken (status lopend) and the recorded capacity, per gemeente with either. */
export function werkvoorraad(db: Db): { gemeente: string; open_zaken: number; capaciteit: number | null }[] {
  return db
    .prepare(
      `SELECT g.naam AS gemeente, coalesce(t.n, 0) AS open_zaken, g.capaciteit
       FROM gemeente g LEFT JOIN (
         SELECT a.gemeente_id, count(*) AS n FROM handhaving h JOIN bevinding b ON b.id = h.bevinding_id JOIN adres a ON a.id = b.adres_id
         WHERE h.status = 'lopend' GROUP BY a.gemeente_id
       ) t ON t.gemeente_id = g.id
       WHERE t.n IS NOT NULL OR g.capaciteit IS NOT NULL ORDER BY g.naam`,
    )
    .all() as { gemeente: string; open_zaken: number; capaciteit: number | null }[];
}

export function zetCapaciteit(tx: Tx, gemeenteId: number, zaken: number | null): void {
  tx.db.prepare("UPDATE gemeente SET capaciteit = ? WHERE id = ?").run(zaken, gemeenteId);
  tx.audit("gemeente", gemeenteId, "gewijzigd", { velden: ["capaciteit"] });
}
