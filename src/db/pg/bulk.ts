import type { Sql, SqlValue } from "../sql.js";
import type { BevindingenBulk, Bulk, OpvolgingenPerSoort } from "../store.js";

/** Rows per multi-row INSERT: 11 parameters a finding, far below PostgreSQL's 65,535 per statement. */
const PER_KEER = 1000;

/**
 * PostgreSQL's way of writing an import: findings gathered and written 1,000 to a multi-row INSERT
 * (never a round trip per row), their toezichthouders likewise; the follow-ups of the whole range
 * in one INSERT … SELECT joined to the rules as a VALUES list. The team's write lock (PgStore.change)
 * keeps the ids of one import consecutive.
 */
export function pgBulk(sql: Sql, now: () => string): Bulk {
  return {
    bevindingen: () => bevindingenBulk(sql, now()),
    insertOpvolgingen: (eersteId, laatsteId, perSoort) => opvolgingenVoorReeks(sql, now(), eersteId, laatsteId, perSoort),
  };
}

function bevindingenBulk(sql: Sql, now: string): BevindingenBulk {
  let rijen: SqlValue[] = [];
  let toezicht: number[][] = [];
  let eerste: number | null = null;
  let laatste: number | null = null;
  let aantal = 0;
  const schrijf = async () => {
    const n = toezicht.length;
    if (n === 0) return;
    const waarden = Array(n).fill("(?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, (SELECT starttijd FROM avond WHERE id = ?)), ?)").join(", ");
    const ids = await sql.all<{ id: number }>(
      `INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, aangemaakt, tijdstip, methode)
       VALUES ${waarden} RETURNING id`,
      ...rijen,
    );
    const koppel: SqlValue[] = [];
    ids.forEach((r, i) => toezicht[i]!.forEach((t, j) => koppel.push(r.id, t, j + 1)));
    for (let i = 0; i < koppel.length; i += 3 * PER_KEER) {
      const deel = koppel.slice(i, i + 3 * PER_KEER);
      await sql.run(
        `INSERT INTO bevinding_toezichthouder (bevinding_id, toezichthouder_id, volgorde) VALUES ${Array(deel.length / 3)
          .fill("(?, ?, ?)")
          .join(", ")}`,
        ...deel,
      );
    }
    eerste ??= ids[0]!.id;
    laatste = ids[ids.length - 1]!.id;
    aantal += n;
    rijen = [];
    toezicht = [];
  };
  return {
    add(b, toezichthouderIds) {
      rijen.push(
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
      );
      toezicht.push(toezichthouderIds);
      return toezicht.length >= PER_KEER ? schrijf() : undefined;
    },
    async addAvondAdres(avondId, adresId) {
      await sql.run(
        `INSERT INTO avond_adres (avond_id, adres_id, volgorde)
         VALUES (?, ?, (SELECT coalesce(max(volgorde), 0) + 1 FROM avond_adres WHERE avond_id = ?))`,
        avondId,
        adresId,
        avondId,
      );
    },
    async finish() {
      await schrijf();
      return { aantal, eerste, laatste };
    },
  };
}

/** The follow-ups of findings eersteId..laatsteId, per finding its kind's list in order: one statement. */
async function opvolgingenVoorReeks(
  sql: Sql,
  now: string,
  eersteId: number,
  laatsteId: number,
  perSoort: OpvolgingenPerSoort[],
): Promise<number> {
  const regels: SqlValue[] = [];
  for (const s of perSoort)
    s.opvolgingen.forEach((r, i) =>
      regels.push(s.categorieId, s.partnerId, i, r.actie, r.partnerId, r.deadline, r.stap ?? null, r.nietVoor ?? null, r.sjabloon ?? null),
    );
  if (regels.length === 0) return 0;
  const rij = "(?::bigint, ?::bigint, ?::int, ?::text, ?::bigint, ?::text, ?::text, ?::text, ?::text)";
  return sql.run(
    `INSERT INTO opvolging (bevinding_id, actie, partner_id, deadline, status, stap, niet_voor, sjabloon, aangemaakt, gewijzigd)
     SELECT b.id, r.actie, r.partner_id, r.deadline, 'open', r.stap, r.niet_voor, r.sjabloon, ?, ?
     FROM bevinding b
     JOIN (VALUES ${Array(regels.length / 9)
       .fill(rij)
       .join(", ")}) AS r (categorie_id, bevinding_partner_id, volgorde, actie, partner_id, deadline, stap, niet_voor, sjabloon)
       ON r.categorie_id = b.categorie_id AND r.bevinding_partner_id = b.partner_id
     WHERE b.id BETWEEN ? AND ?
     ORDER BY b.id, r.volgorde`,
    now,
    now,
    ...regels,
    eersteId,
    laatsteId,
  );
}
