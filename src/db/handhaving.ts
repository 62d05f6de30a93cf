import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import type { AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import { notFound, UserError } from "../errors.js";
import type { IsoDate } from "../domain/dates.js";
import { sleutel } from "../domain/invoer.js";
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
import { isOpen } from "../domain/opvolging.js";
import { deadline, type Kalender } from "../domain/termijn.js";
import { insertOpvolging, type OpvolgingInvoer } from "./opvolging.js";

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
export async function getCategorieProfiel(sql: Sql, categorieId: number): Promise<CategorieProfiel | undefined> {
  const r = await sql.get<ProfielRij & { ladder: LadderStart; voorschrift: string; toezicht: string | null }>(
    `SELECT h.ladder, ${PROFIEL_KOLOMMEN.replace(/(\w+)/g, "h.$1")}, coalesce(c.grondslag, '') AS voorschrift, p.naam AS toezicht
     FROM categorie_handhaving h JOIN categorie c ON c.id = h.categorie_id LEFT JOIN partner p ON p.id = h.toezicht_partner_id
     WHERE h.categorie_id = ?`,
    categorieId,
  );
  return r ? { ...profielVan(r, r.voorschrift), ladder: r.ladder, toezicht: r.toezicht } : undefined;
}

// ---------------------------------------------------------------------------
// Making zaken

/** A ladder step to write: a follow-up with its step and earliest day. */
export type StapInvoer = OpvolgingInvoer & { stap: Stap; nietVoor: IsoDate };

/** Which partners the ladder names: the reference data's own words, looked up once per transaction. */
async function requirePartnerId(sql: Sql, naam: string): Promise<number> {
  const r = await sql.get<{ id: number }>("SELECT id FROM partner WHERE sleutel(naam) = ? ORDER BY id", sleutel(naam));
  if (!r)
    throw new UserError(
      "ongeldige-referentie",
      `Partner "${naam}" uit data/handhavingsladder.json bestaat niet; voeg hem toe met partner toevoegen`,
    );
  return r.id;
}

/** Who does a step: the ladder file names a partner, or "(toezicht)": the zaak's toezichthouder, else the gemeente itself. */
async function stapPartner(sql: Sql, ladder: LadderData, stap: Stap, toezichtPartnerId: number | null, gemeente: string): Promise<number> {
  const naam = ladder.stappen[stap].partner;
  if (naam !== "(toezicht)") return requirePartnerId(sql, naam);
  return toezichtPartnerId ?? requirePartnerId(sql, gemeente);
}

/** The reference data of a step turned into a follow-up to write. */
export interface LadderOmgeving {
  ladder: LadderData;
  kalender: Kalender;
  /** The partner that is the gemeente itself (data/partners.json). */
  gemeente: string;
}

async function stapRegel(sql: Sql, o: LadderOmgeving, nieuw: NieuweStap, spoor: Spoor, toezicht: number | null): Promise<StapInvoer> {
  const d = o.ladder.stappen[nieuw.stap];
  return {
    actie: stapActie(o.ladder, nieuw.stap, spoor),
    partnerId: await stapPartner(sql, o.ladder, nieuw.stap, toezicht, o.gemeente),
    deadline: deadline(o.kalender, nieuw.nietVoor, d.termijn, d.eenheid),
    stap: nieuw.stap,
    nietVoor: nieuw.nietVoor,
    sjabloon: stapSjabloon(o.ladder, nieuw.stap, spoor) ?? null,
  };
}

/** The first ladder step of a finding of this category on an evening; undefined when the gemeente does not enforce it. */
export async function getEersteStap(
  sql: Sql,
  categorieId: number,
  avondDatum: IsoDate,
  o: LadderOmgeving,
): Promise<StapInvoer | undefined> {
  const p = await getCategorieProfiel(sql, categorieId);
  if (!p) return undefined;
  const toezicht = p.toezicht ? await requirePartnerId(sql, p.toezicht) : null;
  return stapRegel(sql, o, { stap: startStap(p.ladder, p.spoed), nietVoor: avondDatum }, p.spoor, toezicht);
}

/**
 * A zaak for every finding eersteId..laatsteId whose category the gemeente enforces, with the
 * category's profile frozen on it: one INSERT … SELECT (an import makes 100,000 findings this way).
 */
export function insertZakenVoorReeks(tx: Tx, eersteId: number, laatsteId: number): Promise<number> {
  return tx.sql.run(
    `INSERT INTO handhaving (bevinding_id, voorschrift, ${PROFIEL_KOLOMMEN}, aangemaakt, gewijzigd)
     SELECT b.id, coalesce(c.grondslag, ''), ${PROFIEL_KOLOMMEN.replace(/(\w+)/g, "h.$1")}, ?, ?
     FROM bevinding b JOIN categorie c ON c.id = b.categorie_id JOIN categorie_handhaving h ON h.categorie_id = b.categorie_id
     WHERE b.id BETWEEN ? AND ? ORDER BY b.id`,
    tx.now,
    tx.now,
    eersteId,
    laatsteId,
  );
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
  avond_id: number;
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
  SELECT h.*, b.adres_id, b.avond_id, ${ADRES_VELDEN}, g.naam AS gemeente,
         c.code AS categorie, c.naam AS categorie_naam, v.datum AS avond_datum, be.naam AS overtreder
  FROM handhaving h JOIN bevinding b ON b.id = h.bevinding_id JOIN adres a ON a.id = b.adres_id JOIN gemeente g ON g.id = a.gemeente_id
  JOIN categorie c ON c.id = b.categorie_id JOIN avond v ON v.id = b.avond_id LEFT JOIN betrokkene be ON be.id = h.overtreder_id`;

type ZaakSqlRij = ZaakRij & ProfielRij & { voorschrift: string };

async function bouwZaak(sql: Sql, r: ZaakSqlRij): Promise<ZaakVolledig> {
  const stappen = (
    await sql.all<{
      id: number;
      stap: Stap;
      status: string;
      niet_voor: string | null;
      gesloten_op: string | null;
      beeindigd: number | null;
      kenmerk: string | null;
      datum: string | null;
    }>(
      `SELECT o.id, o.stap, o.status, o.niet_voor, o.gesloten_op, o.beeindigd, br.kenmerk, br.datum
       FROM opvolging o
       LEFT JOIN brief br ON br.id = (SELECT min(x.id) FROM brief x JOIN brief_opvolging bo ON bo.brief_id = x.id
                                      WHERE bo.opvolging_id = o.id AND x.sjabloon = o.sjabloon)
       WHERE o.bevinding_id = ? AND o.stap IS NOT NULL ORDER BY o.id`,
      r.bevinding_id,
    )
  ).map((s) => ({
    opvolgingId: s.id,
    stap: s.stap,
    status: s.status,
    nietVoor: s.niet_voor,
    geslotenOp: s.gesloten_op,
    beeindigd: s.beeindigd === null ? null : s.beeindigd === 1,
    brief: s.kenmerk && s.datum ? { kenmerk: s.kenmerk, datum: s.datum } : null,
  }));
  const zienswijzen = await sql.all<{ id: number; ontvangen: string; samenvatting: string; weging: string | null }>(
    "SELECT id, ontvangen, samenvatting, weging FROM zienswijze WHERE handhaving_id = ? ORDER BY ontvangen, id",
    r.id,
  );
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
      avond_id: r.avond_id,
      avond_datum: r.avond_datum,
      overtreder_id: r.overtreder_id,
      overtreder: r.overtreder,
      hoedanigheid: r.hoedanigheid,
      kosten: r.kosten,
      toezicht_partner_id: r.toezicht_partner_id,
    },
  };
}

export async function getZaakVanBevinding(sql: Sql, bevindingId: number): Promise<ZaakVolledig | undefined> {
  const r = await sql.get<ZaakSqlRij>(`${ZAAK_SELECT} WHERE h.bevinding_id = ?`, bevindingId);
  return r ? bouwZaak(sql, r) : undefined;
}

export async function requireZaak(sql: Sql, id: number): Promise<ZaakVolledig> {
  const r = await sql.get<ZaakSqlRij>(`${ZAAK_SELECT} WHERE h.id = ?`, id);
  if (!r) throw notFound("Handhavingszaak", id);
  return bouwZaak(sql, r);
}

export async function listZaken(sql: Sql, f: { gemeenteId?: number; status?: ZaakStatus; avondId?: number } = {}): Promise<ZaakVolledig[]> {
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
  const rows = await sql.all<ZaakSqlRij>(`${ZAAK_SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY h.id`, ...args);
  const out: ZaakVolledig[] = [];
  for (const r of rows) out.push(await bouwZaak(sql, r));
  return out;
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

/** Sets the given fields of a zaak; returns the columns changed (for the audit and the user). */
export async function updateZaak(tx: Tx, id: number, v: ZaakVelden): Promise<string[]> {
  const cols: [string, string | number][] = [];
  const zet = (k: string, x: string | number | undefined) => x !== undefined && cols.push([k, x]);
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
  await tx.sql.run(
    `UPDATE handhaving SET ${cols.map(([k]) => `${k} = ?`).join(", ")}, gewijzigd = ? WHERE id = ?`,
    ...cols.map(([, x]) => x),
    tx.now,
    id,
  );
  const velden = cols.map(([k]) => k);
  await tx.audit("handhaving", id, "gewijzigd", { velden });
  return velden;
}

/** Writes a new ladder step of a zaak. */
export async function insertStap(tx: Tx, z: ZaakVolledig, nieuw: NieuweStap, o: LadderOmgeving): Promise<number> {
  const r = await stapRegel(tx.sql, o, nieuw, z.profiel.spoor, z.rij.toezicht_partner_id);
  return insertOpvolging(tx, { bevindingId: z.rij.bevinding_id, ...r });
}

/** Closes one follow-up (ladder step or not) on a date with a result. */
export async function closeOpvolging(
  tx: Tx,
  id: number,
  status: "afgerond" | "doodgelopen",
  datum: IsoDate,
  resultaat: string,
  extra = {},
): Promise<void> {
  await tx.sql.run(
    "UPDATE opvolging SET status = ?, gesloten_op = ?, resultaat = coalesce(?, resultaat), gewijzigd = ?, versie = versie + 1 WHERE id = ?",
    status,
    datum,
    resultaat,
    tx.now,
    id,
  );
  await tx.audit("opvolging", id, "gewijzigd", { velden: ["status", "resultaat"], ...extra });
}

/** Ends a zaak: its status, and every ladder step still open closed with the same reason. */
export async function closeZaak(
  tx: Tx,
  z: ZaakVolledig,
  status: "afgerond" | "doodgelopen",
  datum: IsoDate,
  reden: string,
): Promise<number[]> {
  await tx.sql.run("UPDATE handhaving SET status = ?, gewijzigd = ? WHERE id = ?", status, tx.now, z.id);
  await tx.audit("handhaving", z.id, "gewijzigd", { velden: ["status"], status });
  const open = z.stappen.filter((s) => isOpen(s.status)).map((s) => s.opvolgingId);
  for (const id of open) await closeOpvolging(tx, id, status, datum, reden);
  return open;
}

/**
 * Completes a ladder step on `datum` (the letter's date, or the day the action was done) and
 * writes what follows: the next step, or the end of the zaak. Returns the new step's id.
 */
export async function completeStap(
  tx: Tx,
  zaakId: number,
  opvolgingId: number,
  datum: IsoDate,
  resultaat: string,
  o: LadderOmgeving,
): Promise<number | null> {
  await closeOpvolging(tx, opvolgingId, "afgerond", datum, resultaat);
  return insertVolgendeStap(tx, zaakId, opvolgingId, datum, o);
}

/** After a step was closed as afgerond on `datum`: writes the next step, or ends the zaak. */
export async function insertVolgendeStap(
  tx: Tx,
  zaakId: number,
  opvolgingId: number,
  datum: IsoDate,
  o: LadderOmgeving,
): Promise<number | null> {
  const z = await requireZaak(tx.sql, zaakId);
  const stap = z.stappen.find((s) => s.opvolgingId === opvolgingId);
  if (!stap) throw notFound("Ladderstap", opvolgingId);
  const volgende = naVoltooien(z, stap.stap, datum, o.kalender, o.ladder);
  if (volgende) return insertStap(tx, z, volgende, o);
  await closeZaak(tx, z, "afgerond", datum, "Handhavingsladder doorlopen");
  return null;
}

/**
 * Checks a designation of the overtreder: a betrokkene linked to the address (in the capacity
 * the letters name), and not another one than the voornemen already named. Returns the fields to set.
 */
export async function checkOvertreder(
  sql: Sql,
  z: Zaak & { hoedanigheid: string | null },
  adres: { id: number; volledig: string },
  betrokkeneId: number,
  hoedanigheid: string | undefined,
): Promise<{ overtrederId: number; hoedanigheid: string }> {
  const rollen = (
    await sql.all<{ rol: string | null; naam: string }>(
      "SELECT ba.rol, b.naam FROM betrokkene b LEFT JOIN betrokkene_adres ba ON ba.betrokkene_id = b.id AND ba.adres_id = ? WHERE b.id = ?",
      adres.id,
      betrokkeneId,
    )
  ).filter((r) => r.rol !== null);
  if (!(await sql.get("SELECT 1 AS ja FROM betrokkene WHERE id = ?", betrokkeneId))) throw notFound("Betrokkene", betrokkeneId);
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

export async function insertZienswijze(
  tx: Tx,
  z: { handhavingId: number; briefId: number | null; ontvangen: IsoDate; samenvatting: string; weging: string | null },
): Promise<number> {
  const id = await tx.sql.insert(
    "INSERT INTO zienswijze (handhaving_id, brief_id, ontvangen, samenvatting, weging, aangemaakt) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    z.handhavingId,
    z.briefId,
    z.ontvangen,
    z.samenvatting,
    z.weging,
    tx.now,
  );
  await tx.audit("zienswijze", id, "toegevoegd", { handhaving: z.handhavingId });
  return id;
}

export async function updateWeging(tx: Tx, id: number, weging: string): Promise<void> {
  if ((await tx.sql.run("UPDATE zienswijze SET weging = ? WHERE id = ?", weging, id)) === 0) throw notFound("Zienswijze", id);
  await tx.audit("zienswijze", id, "gewijzigd", { velden: ["weging"] });
}

export interface ZienswijzeRij extends AdresVelden {
  id: number;
  handhaving_id: number;
  kenmerk: string | null;
  ontvangen: string;
  samenvatting: string;
  weging: string | null;
}

export function listZienswijzen(sql: Sql, f: { handhavingId?: number; id?: number } = {}): Promise<ZienswijzeRij[]> {
  const where = f.handhavingId !== undefined ? "WHERE z.handhaving_id = ?" : f.id !== undefined ? "WHERE z.id = ?" : "";
  return sql.all<ZienswijzeRij>(
    `SELECT z.id, z.handhaving_id, br.kenmerk, z.ontvangen, z.samenvatting, z.weging, ${ADRES_VELDEN}
     FROM zienswijze z JOIN handhaving h ON h.id = z.handhaving_id JOIN bevinding b ON b.id = h.bevinding_id
     JOIN adres a ON a.id = b.adres_id LEFT JOIN brief br ON br.id = z.brief_id
     ${where} ORDER BY z.ontvangen, z.id`,
    ...(f.handhavingId !== undefined ? [f.handhavingId] : f.id !== undefined ? [f.id] : []),
  );
}

/** The zaken a letter was about (a voornemen over two findings at one address). */
export async function getZakenVanBrief(
  sql: Sql,
  kenmerk: string,
): Promise<{ briefId: number; zaakIds: number[]; opvolgingen: number[] } | undefined> {
  const b = await sql.get<{ id: number }>("SELECT id FROM brief WHERE sleutel(kenmerk) = ?", sleutel(kenmerk.trim()));
  if (!b) return undefined;
  const rows = await sql.all<{ opvolging: number; zaak: number | null }>(
    `SELECT o.id AS opvolging, h.id AS zaak FROM brief_opvolging bo JOIN opvolging o ON o.id = bo.opvolging_id
     LEFT JOIN handhaving h ON h.bevinding_id = o.bevinding_id WHERE bo.brief_id = ? ORDER BY o.id`,
    b.id,
  );
  return {
    briefId: b.id,
    zaakIds: [...new Set(rows.map((r) => r.zaak).filter((x): x is number => x !== null))],
    opvolgingen: rows.map((r) => r.opvolging),
  };
}

/** Moves the earliest day of a zaak's open besluit (a zienswijze came in: the besluit is due at once). */
export async function updateBesluitVanaf(tx: Tx, zaakId: number, datum: IsoDate): Promise<void> {
  const z = await requireZaak(tx.sql, zaakId);
  for (const s of z.stappen.filter((x) => x.stap === "besluit" && isOpen(x.status))) {
    if (s.nietVoor !== null && s.nietVoor <= datum) continue;
    await tx.sql.run("UPDATE opvolging SET niet_voor = ?, gewijzigd = ?, versie = versie + 1 WHERE id = ?", datum, tx.now, s.opvolgingId);
    await tx.audit("opvolging", s.opvolgingId, "gewijzigd", { velden: ["niet_voor"] });
  }
}

// ---------------------------------------------------------------------------
// Capacity

export interface Werkvoorraad {
  gemeente: string;
  open_zaken: number;
  capaciteit: number | null;
}

/** Open handhavingszaken (status lopend) per gemeente, with the capacity recorded (gemeenten with neither are left out). */
export function listWerkvoorraad(sql: Sql): Promise<Werkvoorraad[]> {
  return sql.all<Werkvoorraad>(
    `SELECT g.naam AS gemeente, coalesce(t.n, 0) AS open_zaken, g.capaciteit
     FROM gemeente g LEFT JOIN (
       SELECT a.gemeente_id, count(*) AS n FROM handhaving h JOIN bevinding b ON b.id = h.bevinding_id JOIN adres a ON a.id = b.adres_id
       WHERE h.status = 'lopend' GROUP BY a.gemeente_id
     ) t ON t.gemeente_id = g.id
     WHERE t.n IS NOT NULL OR g.capaciteit IS NOT NULL ORDER BY g.naam`,
  );
}
