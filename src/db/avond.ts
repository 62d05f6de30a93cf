import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import { formatAdres, type AdresRegelsInput, type AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import { perPartner, type Risico } from "../domain/gereedheid.js";
import { notFound, UserError } from "../errors.js";

/** The few facts of an evening that most commands need (findings, letters, reports). */
export interface AvondKort {
  id: number;
  datum: string;
  doel: string;
  starttijd: string;
}

/** An address on an evening: its parts (for the draaiboek's full address lines) and its risk. */
export interface AvondAdres extends AdresRegelsInput {
  adres_id: number;
  volgorde: number;
  type: string;
  risico: Risico | null;
  risico_toelichting: string | null;
}

export interface AvondRol {
  id: number;
  rol: string;
  naam: string;
  partner: string;
  telefoon: string | null;
}

/** An evening with its addresses, team and noodplan (`avond toon`, the draaiboek, readiness). */
export interface Avond extends AvondKort {
  casustafel_id: number | null;
  noodplan: { verzamelpunt: string | null; codewoord: string | null; communicatie: string | null; uitrusting: string[] };
  adressen: AvondAdres[];
  rollen: AvondRol[];
}

interface AvondRow {
  id: number;
  casustafel_id: number | null;
  datum: string;
  starttijd: string;
  doel: string;
  verzamelpunt: string | null;
  codewoord: string | null;
  communicatie: string | null;
  uitrusting: string | null;
}

export async function insertAvond(
  tx: Tx,
  a: { casustafelId: number | null; datum: string; starttijd: string; doel: string; adresIds: number[] },
): Promise<number> {
  const id = await tx.sql.insert(
    "INSERT INTO avond (casustafel_id, datum, starttijd, doel, aangemaakt) VALUES (?, ?, ?, ?, ?) RETURNING id",
    a.casustafelId,
    a.datum,
    a.starttijd,
    a.doel,
    tx.now,
  );
  for (const [i, adresId] of a.adresIds.entries()) {
    await tx.sql.run("INSERT INTO avond_adres (avond_id, adres_id, volgorde) VALUES (?, ?, ?)", id, adresId, i + 1);
  }
  await tx.audit("avond", id, "toegevoegd", { adressen: a.adresIds.length });
  return id;
}

/** The one lookup of an evening by id: unknown is the user's error ("Avond 99 bestaat niet"). */
export async function requireAvond(sql: Sql, id: number): Promise<AvondKort> {
  const a = await sql.get<AvondKort>("SELECT id, datum, doel, starttijd FROM avond WHERE id = ?", id);
  if (!a) throw notFound("Avond", id);
  return a;
}

/** The evening with its addresses in visiting order, its team (teamleider first) and noodplan. */
export async function loadAvond(sql: Sql, id: number): Promise<Avond> {
  const row = await sql.get<AvondRow>(
    "SELECT id, casustafel_id, datum, starttijd, doel, verzamelpunt, codewoord, communicatie, uitrusting FROM avond WHERE id = ?",
    id,
  );
  if (!row) throw notFound("Avond", id);
  const adressen = await sql.all<AvondAdres>(
    `SELECT aa.adres_id, aa.volgorde, ${ADRES_VELDEN}, g.naam AS gemeente, a.type, aa.risico, aa.risico_toelichting
     FROM avond_adres aa JOIN adres a ON a.id = aa.adres_id JOIN gemeente g ON g.id = a.gemeente_id
     WHERE aa.avond_id = ? ORDER BY aa.volgorde`,
    id,
  );
  const rollen = await sql.all<AvondRol>(
    `SELECT r.id, r.rol, r.naam, p.naam AS partner, r.telefoon FROM avond_rol r JOIN partner p ON p.id = r.partner_id
     WHERE r.avond_id = ? ORDER BY CASE r.rol WHEN 'teamleider' THEN 0 ELSE 1 END, r.id`,
    id,
  );
  const { verzamelpunt, codewoord, communicatie, uitrusting, ...rest } = row;
  return {
    ...rest,
    noodplan: { verzamelpunt, codewoord, communicatie, uitrusting: uitrusting ? (JSON.parse(uitrusting) as string[]) : [] },
    adressen,
    rollen,
  };
}

/** Newest first, with the number of addresses and roles. */
export function listAvonden(
  sql: Sql,
): Promise<
  { id: number; casustafel_id: number | null; datum: string; starttijd: string; doel: string; adressen: number; rollen: number }[]
> {
  return sql.all(
    `SELECT v.id, v.casustafel_id, v.datum, v.starttijd, v.doel,
            (SELECT count(*) FROM avond_adres x WHERE x.avond_id = v.id) AS adressen,
            (SELECT count(*) FROM avond_rol r WHERE r.avond_id = v.id) AS rollen
     FROM avond v ORDER BY v.datum DESC, v.id DESC`,
  );
}

export async function insertRol(
  tx: Tx,
  r: { avondId: number; rol: string; naam: string; partnerId: number; telefoon: string | null },
): Promise<number> {
  if (r.rol === "teamleider") {
    const tl = await tx.sql.get<{ naam: string }>("SELECT naam FROM avond_rol WHERE avond_id = ? AND rol = 'teamleider'", r.avondId);
    if (tl) throw new UserError("dubbele-teamleider", `Avond ${r.avondId} heeft al een teamleider (${tl.naam})`);
  }
  const id = await tx.sql.insert(
    "INSERT INTO avond_rol (avond_id, rol, naam, partner_id, telefoon) VALUES (?, ?, ?, ?, ?) RETURNING id",
    r.avondId,
    r.rol,
    r.naam,
    r.partnerId,
    r.telefoon,
  );
  await tx.audit("avond_rol", id, "toegevoegd", { avond_id: r.avondId, rol: r.rol });
  return id;
}

export async function setRisico(tx: Tx, avondId: number, adresId: number, niveau: Risico, toelichting: string | null): Promise<void> {
  const changes = await tx.sql.run(
    "UPDATE avond_adres SET risico = ?, risico_toelichting = ? WHERE avond_id = ? AND adres_id = ?",
    niveau,
    toelichting,
    avondId,
    adresId,
  );
  if (changes === 0) throw new UserError("adres-niet-op-avond", `Adres ${adresId} staat niet op avond ${avondId}`);
  await tx.audit("avond_adres", avondId, "gewijzigd", { adres_id: adresId, risico: niveau });
}

export async function setNoodplan(
  tx: Tx,
  avondId: number,
  n: { verzamelpunt: string; codewoord: string; communicatie: string | null; uitrusting: string[] },
): Promise<void> {
  await tx.sql.run(
    "UPDATE avond SET verzamelpunt = ?, codewoord = ?, communicatie = ?, uitrusting = ? WHERE id = ?",
    n.verzamelpunt,
    n.codewoord,
    n.communicatie,
    JSON.stringify(n.uitrusting),
    avondId,
  );
  await tx.audit("avond", avondId, "gewijzigd", { velden: ["verzamelpunt", "codewoord", "communicatie", "uitrusting"] });
}

/** People who had a role on earlier evenings (the latest entry per name and partner), for the guided flow's choices. */
export function listBekendePersonen(sql: Sql): Promise<{ naam: string; partner: string; telefoon: string | null }[]> {
  return sql.all(
    `SELECT r.naam, p.naam AS partner, r.telefoon FROM avond_rol r JOIN partner p ON p.id = r.partner_id
     WHERE r.id IN (SELECT max(id) FROM avond_rol GROUP BY sleutel(naam), partner_id) ORDER BY r.naam`,
  );
}

/** Partners the casustafel asked for at the addresses of this evening. */
export async function gevraagdePartners(sql: Sql, avondId: number): Promise<{ partner: string; adressen: string[] }[]> {
  const rows = await sql.all<AdresVelden & { partner: string }>(
    `SELECT p.naam AS partner, ${ADRES_VELDEN}
     FROM avond v JOIN besluit b ON b.casustafel_id = v.casustafel_id
     JOIN avond_adres aa ON aa.avond_id = v.id AND aa.adres_id = b.adres_id
     JOIN besluit_partner bp ON bp.besluit_id = b.id JOIN partner p ON p.id = bp.partner_id JOIN adres a ON a.id = b.adres_id
     WHERE v.id = ? AND b.besluit = 'controle' ORDER BY p.naam, aa.volgorde`,
    avondId,
  );
  return perPartner(rows.map((r) => ({ partner: r.partner, adres: formatAdres(r) })));
}

/** Partners and themes of the signals at an address up to a date: the draaiboek's summary without personal data. */
export function signaalSamenvatting(
  sql: Sql,
  adresId: number,
  totEnMet: string,
): Promise<{ partner: string; thema: string | null; aantal: number; laatste: string }[]> {
  return sql.all(
    `SELECT p.naam AS partner, s.thema, count(*) AS aantal, max(s.datum) AS laatste
     FROM signaal s JOIN partner p ON p.id = s.partner_id WHERE s.adres_id = ? AND s.datum <= ?
     GROUP BY p.naam, s.thema ORDER BY laatste DESC, p.naam`,
    adresId,
    totEnMet,
  );
}

/** The evening's address list in visiting order (with the gemeente: capacity is counted per gemeente). */
export function avondAdressen(sql: Sql, avondId: number): Promise<(AdresVelden & { id: number; gemeente: string })[]> {
  return sql.all(
    `SELECT a.id, ${ADRES_VELDEN}, g.naam AS gemeente
     FROM avond_adres aa JOIN adres a ON a.id = aa.adres_id JOIN gemeente g ON g.id = a.gemeente_id
     WHERE aa.avond_id = ? ORDER BY aa.volgorde, a.id`,
    avondId,
  );
}

export async function isOpAvondLijst(sql: Sql, avondId: number, adresId: number): Promise<boolean> {
  return (await sql.get("SELECT 1 AS ja FROM avond_adres WHERE avond_id = ? AND adres_id = ?", avondId, adresId)) !== undefined;
}

/** The evening's address ids, for an import that checks thousands of rows against the list. */
export async function avondAdresIds(sql: Sql, avondId: number): Promise<Set<number>> {
  return new Set(
    (await sql.all<{ adres_id: number }>("SELECT adres_id FROM avond_adres WHERE avond_id = ?", avondId)).map((r) => r.adres_id),
  );
}
