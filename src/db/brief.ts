import type { Sql, SqlValue } from "./sql.js";
import type { Tx } from "./store.js";
import type { AdresVelden } from "../domain/adres.js";
import type { BriefhoofdVelden, BriefOpvolging } from "../domain/brief.js";
import type { Stap } from "../domain/ladder.js";
import { waarnemingsdatum } from "../domain/rapport-bevindingen.js";
import { ADRES_VELDEN } from "./adres.js";
import { requireZaak } from "./handhaving.js";
import { listOpenOpvolgingenVanAvond, requireOpvolging, type Opvolging } from "./opvolging.js";
import { getOndertekendRapport } from "./rapport-bevindingen.js";
import { listHercontroleVerwijzingen } from "./hercontrole.js";

/** Letters, letterheads and the follow-ups letters are about: the only SQL of the brieven. */

/** A follow-up as letters need it: with its status, its template and the zaak of its finding. */
export type BriefOpvolgingRij = BriefOpvolging & { status: string; sjabloon: string | null };

/** The follow-up row (db/opvolging.ts) with what a letter adds: the signed report it cites and the zaak. */
async function naarBrief(sql: Sql, r: Opvolging): Promise<BriefOpvolgingRij> {
  // The observation as signed (letters cite the report they rest on), else as recorded now.
  const rapport = await getOndertekendRapport(sql, r.bevinding_id);
  const tijdstip = r.tijdstip ?? r.avond_starttijd;
  return {
    opvolgingId: r.id,
    actie: r.actie,
    deadline: r.deadline,
    status: r.status,
    stap: r.stap as Stap | null,
    nietVoor: r.niet_voor,
    sjabloon: r.sjabloon,
    zaak: r.handhaving_id !== null ? await requireZaak(sql, r.handhaving_id) : null,
    hercontroles: r.handhaving_id !== null ? await listHercontroleVerwijzingen(sql, r.bevinding_id) : [],
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

export async function requireOpvolgingVoorBrief(sql: Sql, id: number): Promise<BriefOpvolgingRij> {
  return naarBrief(sql, await requireOpvolging(sql, id));
}

/** Open follow-ups of the findings of one evening (letters are for work still to do). */
export async function listOpenOpvolgingenVoorBrief(sql: Sql, avondId: number): Promise<BriefOpvolgingRij[]> {
  const out: BriefOpvolgingRij[] = [];
  for (const r of await listOpenOpvolgingenVanAvond(sql, avondId)) out.push(await naarBrief(sql, r));
  return out;
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

/**
 * The follow-ups of the letters `SELECT b.id FROM brief b <where>` selects, in id order per letter
 * (aggregated here: group_concat is SQLite's).
 */
async function opvolgingenPerBrief(sql: Sql, where: string, params: SqlValue[]): Promise<Map<number, number[]>> {
  const per = new Map<number, number[]>();
  const rows = await sql.all<{ brief_id: number; opvolging_id: number }>(
    `SELECT brief_id, opvolging_id FROM brief_opvolging WHERE brief_id IN (SELECT b.id FROM brief b ${where})
     ORDER BY brief_id, opvolging_id`,
    ...params,
  );
  for (const r of rows) per.set(r.brief_id, [...(per.get(r.brief_id) ?? []), r.opvolging_id]);
  return per;
}

/** The letters already made for a follow-up, oldest first. */
export async function listBrievenVanOpvolging(sql: Sql, opvolgingId: number): Promise<GemaakteBriefRij[]> {
  const where = "WHERE b.id IN (SELECT brief_id FROM brief_opvolging WHERE opvolging_id = ?)";
  const rows = await sql.all<Omit<GemaakteBriefRij, "opvolgingen">>(
    `SELECT b.id, b.kenmerk, b.sjabloon, b.datum, b.bestand, b.adres_id, b.betrokkene_id FROM brief b ${where} ORDER BY b.id`,
    opvolgingId,
  );
  const per = await opvolgingenPerBrief(sql, where, [opvolgingId]);
  return rows.map((r) => ({ ...r, opvolgingen: per.get(r.id) ?? [] }));
}

/** A reprint: the same letter (kenmerk, date) written again, perhaps to another folder. */
export async function updateBriefBestand(tx: Tx, id: number, bestand: string): Promise<void> {
  await tx.sql.run("UPDATE brief SET bestand = ? WHERE id = ?", bestand, id);
  await tx.audit("brief", id, "herdrukt");
}

export async function insertBrief(
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
): Promise<number> {
  const id = await tx.sql.insert(
    "INSERT INTO brief (kenmerk, sjabloon, adres_id, betrokkene_id, bestand, datum, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    b.kenmerk,
    b.sjabloon,
    b.adresId,
    b.betrokkeneId,
    b.bestand,
    b.datum,
    tx.now,
  );
  for (const o of b.opvolgingen) await tx.sql.run("INSERT INTO brief_opvolging (brief_id, opvolging_id) VALUES (?, ?)", id, o);
  await tx.audit("brief", id, "toegevoegd", { kenmerk: b.kenmerk, sjabloon: b.sjabloon, opvolgingen: b.opvolgingen });
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

export async function getBriefhoofd(sql: Sql, gemeenteId: number): Promise<BriefhoofdVelden | undefined> {
  const r = await sql.get<BriefhoofdRow>(
    "SELECT afdeling, postadres, telefoon, email, logo, ondertekenaar_naam, ondertekenaar_functie, mandaat, mandaat_burgemeester, rekening FROM briefhoofd WHERE gemeente_id = ?",
    gemeenteId,
  );
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
export async function updateBriefhoofd(tx: Tx, gemeenteId: number, velden: BriefhoofdVelden): Promise<void> {
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
  await tx.sql.run("INSERT INTO briefhoofd (gemeente_id) VALUES (?) ON CONFLICT DO NOTHING", gemeenteId);
  const given = (Object.keys(cols) as (keyof BriefhoofdVelden)[]).filter((k) => velden[k] !== undefined);
  if (given.length) {
    await tx.sql.run(
      `UPDATE briefhoofd SET ${given.map((k) => `${cols[k]} = ?`).join(", ")} WHERE gemeente_id = ?`,
      ...given.map((k) => velden[k] || null),
      gemeenteId,
    );
  }
  await tx.audit("briefhoofd", gemeenteId, "gewijzigd", { velden: given });
}

export interface BriefRij extends AdresVelden {
  id: number;
  kenmerk: string;
  datum: string;
  sjabloon: string;
  adres_id: number;
  gemeente: string;
  ontvanger: string | null;
  bestand: string;
  opvolgingen: number[];
}

/** Letters made, newest first; optionally only those of one evening's findings. */
export async function listBrieven(sql: Sql, filter: { avondId?: number } = {}): Promise<BriefRij[]> {
  const where =
    filter.avondId !== undefined
      ? "WHERE b.id IN (SELECT bo.brief_id FROM brief_opvolging bo JOIN opvolging o ON o.id = bo.opvolging_id JOIN bevinding bv ON bv.id = o.bevinding_id WHERE bv.avond_id = ?)"
      : "";
  const rows = await sql.all<Omit<BriefRij, "opvolgingen">>(
    `SELECT b.id, b.kenmerk, b.datum, b.sjabloon, b.adres_id, ${ADRES_VELDEN}, g.naam AS gemeente,
            coalesce(be.naam, (SELECT p.naam FROM brief_opvolging bo JOIN opvolging o ON o.id = bo.opvolging_id JOIN partner p ON p.id = o.partner_id
                               WHERE bo.brief_id = b.id ORDER BY bo.opvolging_id LIMIT 1)) AS ontvanger,
            b.bestand
     FROM brief b JOIN adres a ON a.id = b.adres_id JOIN gemeente g ON g.id = a.gemeente_id LEFT JOIN betrokkene be ON be.id = b.betrokkene_id
     ${where} ORDER BY b.datum DESC, b.kenmerk DESC`,
    ...(filter.avondId !== undefined ? [filter.avondId] : []),
  );
  const per = await opvolgingenPerBrief(sql, where, filter.avondId !== undefined ? [filter.avondId] : []);
  return rows.map((r) => ({ ...r, opvolgingen: per.get(r.id) ?? [] }));
}
