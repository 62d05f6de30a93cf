import type { Sql, SqlValue } from "../sql.js";
import type { BevindingenBulk, Bulk, OpvolgingenPerSoort } from "../store.js";

/**
 * Findings per INSERT: each column travels as one array parameter, so a statement's size is ten
 * parameters however many rows; 5,000 keeps one statement's arrays a few hundred kB.
 */
const PER_KEER = 5000;

/**
 * PostgreSQL's way of writing an import: findings gathered per column and written 5,000 at a time
 * with one INSERT … SELECT FROM unnest(arrays) (never a round trip per row, and no statement with
 * tens of thousands of parameters to bind and plan), their toezichthouders likewise; the follow-ups
 * of the whole range in one INSERT … SELECT joined to the rules. The team's write lock
 * (PgStore.change) keeps the ids of one import consecutive; WITH ORDINALITY … ORDER BY keeps them
 * in the order of the rows, as on SQLite.
 */
export function pgBulk(sql: Sql, now: () => string): Bulk {
  return {
    bevindingen: () => bevindingenBulk(sql, now()),
    insertOpvolgingen: (eersteId, laatsteId, perSoort) => opvolgingenVoorReeks(sql, now(), eersteId, laatsteId, perSoort),
  };
}

/** The columns of the findings waiting to be written, one array each (as unnest takes them). */
interface Kolommen {
  avond: number[];
  adres: number[];
  categorie: number[];
  partner: number[];
  omschrijving: string[];
  maatregel: (string | null)[];
  personen: (number | null)[];
  tijdstip: (string | null)[];
  methode: (string | null)[];
  toezicht: number[][];
}

const leeg = (): Kolommen => ({
  avond: [],
  adres: [],
  categorie: [],
  partner: [],
  omschrijving: [],
  maatregel: [],
  personen: [],
  tijdstip: [],
  methode: [],
  toezicht: [],
});

function bevindingenBulk(sql: Sql, now: string): BevindingenBulk {
  let k = leeg();
  let eerste: number | null = null;
  let laatste: number | null = null;
  let aantal = 0;
  const schrijf = async (k: Kolommen) => {
    const n = k.avond.length;
    if (n === 0) return;
    // A finding without a time gets its evening's start time (as the SQLite path's coalesce).
    const ids = await sql.all<{ id: number }>(
      `INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, aangemaakt, tijdstip, methode)
       SELECT r.avond_id, r.adres_id, r.categorie_id, r.partner_id, r.omschrijving, r.maatregel, r.personen, ?,
              coalesce(r.tijdstip, a.starttijd), r.methode
       FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
            WITH ORDINALITY AS r (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, tijdstip, methode, nr)
       LEFT JOIN avond a ON a.id = r.avond_id
       ORDER BY r.nr
       RETURNING id`,
      now,
      lijst(k.avond),
      lijst(k.adres),
      lijst(k.categorie),
      lijst(k.partner),
      lijst(k.omschrijving),
      lijst(k.maatregel),
      lijst(k.personen),
      lijst(k.tijdstip),
      lijst(k.methode),
    );
    await koppelToezichthouders(
      sql,
      ids.map((r) => r.id),
      k.toezicht,
    );
    eerste ??= ids[0]!.id;
    laatste = ids[ids.length - 1]!.id;
    aantal += n;
  };
  // One batch on its way to the server while the next is read and checked (the two cores overlap);
  // batches stay in order on the one connection, and a failed batch fails finish() (nothing is committed).
  let bezig: Promise<void> = Promise.resolve();
  const verstuur = (): Promise<void> => {
    const vorige = bezig;
    const batch = k;
    k = leeg();
    bezig = vorige.then(() => schrijf(batch));
    bezig.catch(() => undefined); // observed by the next add or by finish()
    return vorige;
  };
  return {
    add(b, toezichthouderIds) {
      k.avond.push(b.avondId);
      k.adres.push(b.adresId);
      k.categorie.push(b.categorieId);
      k.partner.push(b.partnerId);
      k.omschrijving.push(b.omschrijving);
      k.maatregel.push(b.maatregel);
      k.personen.push(b.personen);
      k.tijdstip.push(b.tijdstip);
      k.methode.push(b.methode);
      k.toezicht.push(toezichthouderIds);
      return k.avond.length >= PER_KEER ? verstuur() : undefined;
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
      await verstuur();
      await bezig;
      return { aantal, eerste, laatste };
    },
  };
}

/** A column as one parameter: node-postgres sends a JS array as an array literal (quoted, NULL for null). */
const lijst = (waarden: readonly (string | number | null)[]): SqlValue => waarden as unknown as SqlValue;

/** The toezichthouders of the findings just written (ids[i] has toezicht[i], in order): one statement. */
async function koppelToezichthouders(sql: Sql, ids: number[], toezicht: number[][]): Promise<void> {
  const bevinding: number[] = [];
  const toezichthouder: number[] = [];
  const volgorde: number[] = [];
  ids.forEach((id, i) =>
    toezicht[i]!.forEach((t, j) => {
      bevinding.push(id);
      toezichthouder.push(t);
      volgorde.push(j + 1);
    }),
  );
  if (bevinding.length === 0) return;
  await sql.run(
    `INSERT INTO bevinding_toezichthouder (bevinding_id, toezichthouder_id, volgorde)
     SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::int[])`,
    lijst(bevinding),
    lijst(toezichthouder),
    lijst(volgorde),
  );
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
