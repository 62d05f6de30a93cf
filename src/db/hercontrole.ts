import type { Sql } from "./sql.js";
import type { Tx } from "./store.js";
import type { Auteur } from "../domain/rapport-bevindingen.js";
import type { HercontroleInvoer, HercontroleVerwijzing } from "../domain/hercontrole.js";
import type { Bijlage } from "./bijlage.js";
import { requireToezichthouder } from "./toezichthouder.js";
import { requireOpvolging, type Opvolging } from "./opvolging.js";
import { isHercontrole } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
import { formatAdres } from "../domain/adres.js";
import type { HercontroleGegevens, HercontroleInhoud } from "../domain/rapport-hercontrole.js";
import { requireZaak } from "./handhaving.js";
import { getOndertekendRapport, type VersieDoel } from "./rapport-bevindingen.js";

/**
 * The record of a hercontrole (migration v6): time, authors by number, method and observation,
 * keyed by the follow-up that is the hercontrole; its evidence and its signed versions.
 */
export interface HercontroleRij {
  opvolging_id: number;
  tijdstip: string | null;
  methode: string | null;
  waarneming: string | null;
  /** RVB-… once first signed. */
  kenmerk: string | null;
  toezichthouders: Auteur[];
}

const AUTEURS = `
  SELECT t.nummer, t.functie, coalesce(g.naam, p.naam) AS organisatie, t.beediging
  FROM hercontrole_toezichthouder ht JOIN toezichthouder t ON t.id = ht.toezichthouder_id
  LEFT JOIN gemeente g ON g.id = t.gemeente_id LEFT JOIN partner p ON p.id = t.partner_id
  WHERE ht.opvolging_id = ? ORDER BY ht.volgorde`;

/**
 * The follow-up, which must be a hercontrole that has been closed (beëindigd ja or nee, on a day):
 * only then is there an observation to record, attach evidence to or sign.
 */
export async function requireAfgeslotenHercontrole(
  sql: Sql,
  opvolgingId: number,
): Promise<Opvolging & { gesloten_op: string; beeindigd: number }> {
  const o = await requireOpvolging(sql, opvolgingId);
  if (o.stap !== "hercontrole" && !isHercontrole(o.actie)) {
    throw new UserError("geen-hercontrole", `Opvolging ${o.id} is geen hercontrole maar "${o.actie}"`);
  }
  if (o.beeindigd === null || o.gesloten_op === null) {
    throw new UserError(
      "hercontrole-open",
      `Hercontrole ${o.id} is nog niet afgesloten; leg haar vast met: interventie opvolging bijwerken ${o.id} --beeindigd ja|nee --datum <d> --tijdstip <UU:MM> --toezichthouder <nr> --methode <t> --waarneming <t>`,
    );
  }
  return o as Opvolging & { gesloten_op: string; beeindigd: number };
}

export async function getHercontrole(sql: Sql, opvolgingId: number): Promise<HercontroleRij | undefined> {
  const r = await sql.get<Omit<HercontroleRij, "toezichthouders">>(
    "SELECT opvolging_id, tijdstip, methode, waarneming, kenmerk FROM hercontrole WHERE opvolging_id = ?",
    opvolgingId,
  );
  return r ? { ...r, toezichthouders: await sql.all<Auteur>(AUTEURS, opvolgingId) } : undefined;
}

/**
 * Records (or completes) the observation: given fields replace the stored ones, the rest stays.
 * Unknown toezichthouder numbers are the user's error (the transaction rolls back). Returns the
 * fields that changed.
 */
export async function upsertHercontrole(tx: Tx, opvolgingId: number, h: HercontroleInvoer): Promise<string[]> {
  const oud = await getHercontrole(tx.sql, opvolgingId);
  const ids: number[] = [];
  for (const n of h.toezichthouders ?? []) ids.push((await requireToezichthouder(tx.sql, n)).id);
  const velden: string[] = [];
  const nieuw = {
    tijdstip: h.tijdstip ?? oud?.tijdstip ?? null,
    methode: h.methode ?? oud?.methode ?? null,
    waarneming: h.waarneming ?? oud?.waarneming ?? null,
  };
  for (const k of ["tijdstip", "methode", "waarneming"] as const) if (nieuw[k] !== (oud?.[k] ?? null)) velden.push(k);
  if (!oud) {
    await tx.sql.run(
      "INSERT INTO hercontrole (opvolging_id, tijdstip, methode, waarneming, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?, ?)",
      opvolgingId,
      nieuw.tijdstip,
      nieuw.methode,
      nieuw.waarneming,
      tx.now,
      tx.now,
    );
  } else if (velden.length) {
    await tx.sql.run(
      "UPDATE hercontrole SET tijdstip = ?, methode = ?, waarneming = ?, gewijzigd = ? WHERE opvolging_id = ?",
      nieuw.tijdstip,
      nieuw.methode,
      nieuw.waarneming,
      tx.now,
      opvolgingId,
    );
  }
  if (h.toezichthouders !== undefined && h.toezichthouders.join(",") !== (oud?.toezichthouders ?? []).map((t) => t.nummer).join(",")) {
    velden.push("toezichthouder");
    await tx.sql.run("DELETE FROM hercontrole_toezichthouder WHERE opvolging_id = ?", opvolgingId);
    for (const [i, id] of ids.entries()) {
      await tx.sql.run(
        "INSERT INTO hercontrole_toezichthouder (opvolging_id, toezichthouder_id, volgorde) VALUES (?, ?, ?)",
        opvolgingId,
        id,
        i + 1,
      );
    }
  }
  if (!oud || velden.length) await tx.audit("hercontrole", opvolgingId, oud ? "gewijzigd" : "toegevoegd", { velden });
  return velden;
}

/** An attachment of a hercontrole: the same facts as a finding's (db/bijlage.ts). */
export type HercontroleBijlage = Omit<Bijlage, "bevinding_id"> & { opvolging_id: number };

export function listHercontroleBijlagen(sql: Sql, opvolgingId: number): Promise<HercontroleBijlage[]> {
  return sql.all<HercontroleBijlage>(
    `SELECT j.id, hb.opvolging_id, j.sha256, j.soort, j.grootte, hb.bijschrift, hb.bestandsnaam, hb.aangemaakt AS toegevoegd
     FROM hercontrole_bijlage hb JOIN bijlage j ON j.id = hb.bijlage_id WHERE hb.opvolging_id = ? ORDER BY hb.aangemaakt, j.id`,
    opvolgingId,
  );
}

/** Gives the report its kenmerk at the first signature (never changed after). */
export async function setHercontroleKenmerk(tx: Tx, opvolgingId: number, kenmerk: string): Promise<void> {
  await tx.sql.run("UPDATE hercontrole SET kenmerk = ? WHERE opvolging_id = ? AND kenmerk IS NULL", kenmerk, opvolgingId);
  await tx.audit("hercontrole", opvolgingId, "gewijzigd", { kenmerk });
}

/** The facts a hercontrole report rests on (the afdeling from the letterhead, supplied by the caller). */
export async function getHercontroleGegevens(sql: Sql, opvolgingId: number, afdeling: string): Promise<HercontroleGegevens> {
  const o = await requireAfgeslotenHercontrole(sql, opvolgingId);
  const record = await getHercontrole(sql, o.id);
  const rapport = await getOndertekendRapport(sql, o.bevinding_id);
  return {
    gemeente: o.gemeente,
    afdeling,
    adres: { volledig: formatAdres(o), type: o.type },
    opvolging: { id: o.id, datum: o.gesloten_op, beeindigd: o.beeindigd === 1 },
    tijdstip: record?.tijdstip ?? null,
    methode: record?.methode ?? null,
    waarneming: record?.waarneming ?? null,
    toezichthouders: record?.toezichthouders ?? [],
    bijlagen: (await listHercontroleBijlagen(sql, o.id)).map((b) => ({
      sha256: b.sha256,
      soort: b.soort,
      grootte: b.grootte,
      bijschrift: b.bijschrift,
    })),
    bevinding: {
      bevinding_id: o.bevinding_id,
      categorie_naam: o.categorie_naam,
      omschrijving: o.omschrijving,
      controle_datum: o.avond_datum,
      rapport: rapport ? { kenmerk: rapport.kenmerk, versie: rapport.versie, datum: rapport.datum } : null,
    },
    zaak: o.handhaving_id !== null ? await requireZaak(sql, o.handhaving_id) : null,
  };
}

export const HERCONTROLE_VERSIES = (opvolgingId: number): VersieDoel => ({
  tabel: "hercontrole_versie",
  kolom: "opvolging_id",
  id: opvolgingId,
});

/**
 * The closed hercontroles of a finding as letters cite them: as signed in the newest signed version
 * of their report (a later edit makes a new version, which must be signed before a letter cites it),
 * else as recorded, without a report.
 */
export async function listHercontroleVerwijzingen(sql: Sql, bevindingId: number): Promise<HercontroleVerwijzing[]> {
  const rows = await sql.all<{ id: number; datum: string; tijdstip: string | null; waarneming: string | null; kenmerk: string | null }>(
    `SELECT o.id, o.gesloten_op AS datum, h.tijdstip, h.waarneming, h.kenmerk
     FROM opvolging o LEFT JOIN hercontrole h ON h.opvolging_id = o.id
     WHERE o.bevinding_id = ? AND o.stap = 'hercontrole' AND o.beeindigd IS NOT NULL AND o.gesloten_op IS NOT NULL ORDER BY o.id`,
    bevindingId,
  );
  const out: HercontroleVerwijzing[] = [];
  for (const r of rows) {
    const v = r.kenmerk
      ? await sql.get<{ versie: number; dagtekening: string; inhoud: string }>(
          "SELECT versie, dagtekening, inhoud FROM hercontrole_versie WHERE opvolging_id = ? ORDER BY versie DESC LIMIT 1",
          r.id,
        )
      : undefined;
    const getekend = v ? (JSON.parse(v.inhoud) as HercontroleInhoud).hercontrole : undefined;
    out.push({
      opvolgingId: r.id,
      datum: getekend?.datum ?? r.datum,
      tijdstip: getekend ? getekend.tijdstip : r.tijdstip,
      waarneming: getekend ? getekend.waarneming : r.waarneming,
      rapport: v && r.kenmerk ? { kenmerk: r.kenmerk, versie: v.versie, datum: v.dagtekening } : null,
    });
  }
  return out;
}
