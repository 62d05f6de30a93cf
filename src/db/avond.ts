import type { Db } from "./connection.js";
import { formatAdres, type AdresVelden } from "../domain/adres.js";
import { ADRES_VELDEN } from "./adres.js";
import type { Tx } from "./audit.js";
import { controleer, perPartner, type Risico } from "../domain/gereedheid.js";
import { notFound, UserError } from "../errors.js";
import type { AdresRegelsInput } from "../domain/adres.js";

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

export interface Avond {
  id: number;
  casustafel_id: number | null;
  datum: string;
  starttijd: string;
  doel: string;
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

export function insertAvond(
  tx: Tx,
  a: { casustafelId: number | null; datum: string; starttijd: string; doel: string; adresIds: number[] },
): number {
  const id = Number(
    tx.db
      .prepare("INSERT INTO avond (casustafel_id, datum, starttijd, doel, aangemaakt) VALUES (?, ?, ?, ?, ?)")
      .run(a.casustafelId, a.datum, a.starttijd, a.doel, tx.now).lastInsertRowid,
  );
  const link = tx.db.prepare("INSERT INTO avond_adres (avond_id, adres_id, volgorde) VALUES (?, ?, ?)");
  a.adresIds.forEach((adresId, i) => link.run(id, adresId, i + 1));
  tx.audit("avond", id, "toegevoegd", { adressen: a.adresIds.length });
  return id;
}

export function getAvond(db: Db, id: number): Avond | undefined {
  const row = db
    .prepare("SELECT id, casustafel_id, datum, starttijd, doel, verzamelpunt, codewoord, communicatie, uitrusting FROM avond WHERE id = ?")
    .get(id) as AvondRow | undefined;
  if (!row) return undefined;
  const adressen = db
    .prepare(
      `SELECT aa.adres_id, aa.volgorde, ${ADRES_VELDEN},
              a.straat, a.huisnummer, a.toevoeging, a.postcode, a.plaats,
              g.naam AS gemeente, a.type, aa.risico, aa.risico_toelichting
       FROM avond_adres aa JOIN adres a ON a.id = aa.adres_id JOIN gemeente g ON g.id = a.gemeente_id
       WHERE aa.avond_id = ? ORDER BY aa.volgorde`,
    )
    .all(id) as AvondAdres[];
  const rollen = db
    .prepare(
      `SELECT r.id, r.rol, r.naam, p.naam AS partner, r.telefoon FROM avond_rol r JOIN partner p ON p.id = r.partner_id
       WHERE r.avond_id = ? ORDER BY CASE r.rol WHEN 'teamleider' THEN 0 ELSE 1 END, r.id`,
    )
    .all(id) as AvondRol[];
  const { verzamelpunt, codewoord, communicatie, uitrusting, ...rest } = row;
  return {
    ...rest,
    noodplan: { verzamelpunt, codewoord, communicatie, uitrusting: uitrusting ? (JSON.parse(uitrusting) as string[]) : [] },
    adressen,
    rollen,
  };
}

export function requireAvond(db: Db, id: number): Avond {
  const a = getAvond(db, id);
  if (!a) throw notFound("Avond", id);
  return a;
}

export function listAvonden(
  db: Db,
): { id: number; casustafel_id: number | null; datum: string; starttijd: string; doel: string; adressen: number; rollen: number }[] {
  return db
    .prepare(
      `SELECT v.id, v.casustafel_id, v.datum, v.starttijd, v.doel,
              (SELECT count(*) FROM avond_adres x WHERE x.avond_id = v.id) AS adressen,
              (SELECT count(*) FROM avond_rol r WHERE r.avond_id = v.id) AS rollen
       FROM avond v ORDER BY v.datum DESC, v.id DESC`,
    )
    .all() as never;
}

export function insertRol(tx: Tx, r: { avondId: number; rol: string; naam: string; partnerId: number; telefoon: string | null }): number {
  if (r.rol === "teamleider") {
    const tl = tx.db.prepare("SELECT naam FROM avond_rol WHERE avond_id = ? AND rol = 'teamleider'").get(r.avondId) as
      { naam: string } | undefined;
    if (tl) throw new UserError("dubbele-teamleider", `Avond ${r.avondId} heeft al een teamleider (${tl.naam})`);
  }
  const id = Number(
    tx.db
      .prepare("INSERT INTO avond_rol (avond_id, rol, naam, partner_id, telefoon) VALUES (?, ?, ?, ?, ?)")
      .run(r.avondId, r.rol, r.naam, r.partnerId, r.telefoon).lastInsertRowid,
  );
  tx.audit("avond_rol", id, "toegevoegd", { avond_id: r.avondId, rol: r.rol });
  return id;
}

export function setRisico(tx: Tx, avondId: number, adresId: number, niveau: Risico, toelichting: string | null): void {
  const res = tx.db
    .prepare("UPDATE avond_adres SET risico = ?, risico_toelichting = ? WHERE avond_id = ? AND adres_id = ?")
    .run(niveau, toelichting, avondId, adresId);
  if (res.changes === 0) throw new UserError("adres-niet-op-avond", `Adres ${adresId} staat niet op avond ${avondId}`);
  tx.audit("avond_adres", avondId, "gewijzigd", { adres_id: adresId, risico: niveau });
}

export function setNoodplan(
  tx: Tx,
  avondId: number,
  n: { verzamelpunt: string; codewoord: string; communicatie: string | null; uitrusting: string[] },
): void {
  tx.db
    .prepare("UPDATE avond SET verzamelpunt = ?, codewoord = ?, communicatie = ?, uitrusting = ? WHERE id = ?")
    .run(n.verzamelpunt, n.codewoord, n.communicatie, JSON.stringify(n.uitrusting), avondId);
  tx.audit("avond", avondId, "gewijzigd", { velden: ["verzamelpunt", "codewoord", "communicatie", "uitrusting"] });
}

/** People who had a role on earlier evenings, for the guided flow's choices. */
export function bekendePersonen(db: Db): { naam: string; partner: string; telefoon: string | null }[] {
  return db
    .prepare(
      `SELECT r.naam, p.naam AS partner, r.telefoon FROM avond_rol r JOIN partner p ON p.id = r.partner_id
       WHERE r.id IN (SELECT max(id) FROM avond_rol GROUP BY lower(naam), partner_id) ORDER BY r.naam`,
    )
    .all() as { naam: string; partner: string; telefoon: string | null }[];
}

/** Partners the casustafel asked for at the addresses of this evening. */
export function gevraagdePartners(db: Db, avondId: number): { partner: string; adressen: string[] }[] {
  const rows = db
    .prepare(
      `SELECT p.naam AS partner, ${ADRES_VELDEN}
       FROM avond v JOIN besluit b ON b.casustafel_id = v.casustafel_id
       JOIN avond_adres aa ON aa.avond_id = v.id AND aa.adres_id = b.adres_id
       JOIN besluit_partner bp ON bp.besluit_id = b.id JOIN partner p ON p.id = bp.partner_id JOIN adres a ON a.id = b.adres_id
       WHERE v.id = ? AND b.besluit = 'controle' ORDER BY p.naam, aa.volgorde`,
    )
    .all(avondId) as (AdresVelden & { partner: string })[];
  return perPartner(rows.map((r) => ({ partner: r.partner, adres: formatAdres(r) })));
}

/** Partners and themes of the signals per address: the draaiboek's summary without personal data. */
export function signaalSamenvatting(
  db: Db,
  adresId: number,
  totEnMet: string,
): { partner: string; thema: string | null; aantal: number; laatste: string }[] {
  return db
    .prepare(
      `SELECT p.naam AS partner, s.thema, count(*) AS aantal, max(s.datum) AS laatste
       FROM signaal s JOIN partner p ON p.id = s.partner_id WHERE s.adres_id = ? AND s.datum <= ?
       GROUP BY p.naam, s.thema ORDER BY laatste DESC, p.naam`,
    )
    .all(adresId, totEnMet) as { partner: string; thema: string | null; aantal: number; laatste: string }[];
}

/** Is the evening ready? The readiness rules over what is stored, with the partners its casustafel asked for. */
export function avondGereedheid(db: Db, a: Avond): ReturnType<typeof controleer> {
  return controleer({
    rollen: a.rollen,
    adressen: a.adressen.map((x) => ({ adres: formatAdres(x), risico: x.risico })),
    verzamelpunt: a.noodplan.verzamelpunt,
    codewoord: a.noodplan.codewoord,
    gevraagdePartners: gevraagdePartners(db, a.id),
  });
}
