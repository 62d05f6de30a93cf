import type pg from "pg";
import { scramVerifier } from "../../src/db/pg/scram.js";
import type { TestDatabase } from "./postgres.js";

/**
 * A small team on a PostgreSQL test database, written by the administrator (owner role) as the
 * future store would: Bladel, Veldhoven and Eersel; UWV signalled an address in Bladel; one
 * evening visited Bladel and Veldhoven, another Eersel. Ids are fixed so tests can name rows.
 *
 *   adres 1 Bladel    signaal 1 (UWV)      bevinding 1 overbewoning (Gemeente): opvolging 1 Gemeente
 *                                          bevinding 2 uitkering (UWV):          opvolging 2 UWV
 *   adres 2 Veldhoven signaal 2 (Politie)  bevinding 3 energie (Enexis):         opvolging 3 Enexis
 *                                          bevinding 4 overbewoning (Gemeente):  opvolging 4 Gemeente, 5 UWV
 *   adres 3 Eersel    signaal 3 (Politie)  bevinding 5 overbewoning (Gemeente):  opvolging 6 Gemeente
 */
export const ZAAD = `
  INSERT INTO gemeente (id, naam, team) VALUES (1, 'Bladel', 'KIT'), (2, 'Veldhoven', 'KIT'), (3, 'Eersel', 'KIT');
  INSERT INTO partner (id, naam, soort) VALUES (1, 'Gemeente', 'convenant'), (2, 'Politie', 'convenant'), (3, 'UWV', 'convenant'),
    (4, 'Enexis', 'facultatief');
  INSERT INTO partner_alias (alias, partner_id) VALUES ('Uitvoeringsinstituut Werknemersverzekeringen', 3);
  INSERT INTO categorie (id, code, naam, partner_id, thema) VALUES (1, 'overbewoning', 'Overbewoning', 1, 'huisvesting'),
    (2, 'sociale-zekerheidsfraude', 'Sociale zekerheidsfraude', 3, 'fraude'), (3, 'energiefraude', 'Fraude met energiemeters', 4, 'fraude');
  INSERT INTO instelling (sleutel, waarde) VALUES ('team', 'KIT');
  INSERT INTO briefhoofd (gemeente_id, afdeling) VALUES (1, 'Juridische zaken Bladel'), (2, 'Juridische zaken Veldhoven');
  INSERT INTO toezichthouder (id, nummer, functie, gemeente_id, partner_id, aangemaakt) VALUES
    (1, 'BL-001', 'toezichthouder', 1, NULL, 'x'), (2, 'VH-001', 'toezichthouder', 2, NULL, 'x'), (3, 'UWV-7', 'inspecteur', NULL, 3, 'x');
  INSERT INTO adres (id, postcode, huisnummer, straat, plaats, gemeente_id, aangemaakt) VALUES
    (1, '5531AA', 1, 'Markt', 'Bladel', 1, 'x'), (2, '5504AB', 12, 'Kerkstraat', 'Veldhoven', 2, 'x'), (3, '5521AA', 3, 'Dorpsstraat', 'Eersel', 3, 'x');
  INSERT INTO betrokkene (id, naam, aangemaakt) VALUES (1, 'Jan Bladel B.V.', 'x'), (2, 'Piet Veldhoven', 'x'), (3, 'Kees Eersel', 'x');
  INSERT INTO betrokkene_adres (betrokkene_id, adres_id, rol) VALUES (1, 1, 'eigenaar'), (2, 2, 'verhuurder'), (3, 3, 'eigenaar');
  INSERT INTO signaal (id, adres_id, partner_id, omschrijving, datum, aangemaakt) VALUES
    (1, 1, 3, 'Uitkering op adres met veel bewoners', '2026-01-05', 'x'), (2, 2, 2, 'Overlast', '2026-01-06', 'x'),
    (3, 3, 2, 'Overlast Eersel', '2026-01-07', 'x');
  INSERT INTO casustafel (id, datum, aangemaakt) VALUES (1, '2026-01-20', 'x'), (2, '2026-01-21', 'x');
  INSERT INTO casustafel_gemeente VALUES (1, 1), (1, 2), (2, 3);
  INSERT INTO besluit (id, casustafel_id, adres_id, besluit, toelichting, aangemaakt) VALUES
    (1, 1, 1, 'controle', 'veel meldingen', 'x'), (2, 1, 2, 'controle', NULL, 'x'), (3, 2, 3, 'controle', NULL, 'x');
  INSERT INTO besluit_partner VALUES (1, 3), (1, 1), (2, 4), (3, 2);
  INSERT INTO avond (id, casustafel_id, datum, doel, aangemaakt) VALUES (1, 1, '2026-02-01', 'Huisvesting', 'x'), (2, 2, '2026-02-02', 'Eersel', 'x');
  INSERT INTO avond_adres (avond_id, adres_id, volgorde) VALUES (1, 1, 1), (1, 2, 2), (2, 3, 1);
  INSERT INTO avond_rol (id, avond_id, rol, naam, partner_id, telefoon) VALUES
    (1, 1, 'teamleider', 'Anja de Vries', 1, '06-12345678'), (2, 2, 'teamleider', 'Erik Eersel', 1, '06-87654321');
  INSERT INTO bevinding (id, avond_id, adres_id, categorie_id, partner_id, omschrijving, personen, aangemaakt) VALUES
    (1, 1, 1, 1, 1, '14 personen op 4 kamers', 14, 'x'), (2, 1, 1, 2, 3, 'Uitkering zonder recht', 1, 'x'),
    (3, 1, 2, 3, 4, 'Meter omgeleid', NULL, 'x'), (4, 1, 2, 1, 1, '9 personen op 2 kamers', 9, 'x'),
    (5, 2, 3, 1, 1, '6 personen in een schuur', 6, 'x');
  INSERT INTO opvolging (id, bevinding_id, actie, partner_id, deadline, status, aangemaakt, gewijzigd) VALUES
    (1, 1, 'waarschuwing', 1, '2026-02-15', 'open', 'x', 'x'), (2, 2, 'uitkering herzien', 3, '2026-03-01', 'open', 'x', 'x'),
    (3, 3, 'meter vervangen', 4, '2026-02-10', 'afgerond', 'x', 'x'), (4, 4, 'waarschuwing', 1, '2026-02-15', 'open', 'x', 'x'),
    (5, 4, 'inkomen controleren', 3, '2026-02-20', 'open', 'x', 'x'), (6, 5, 'waarschuwing', 1, '2026-02-16', 'open', 'x', 'x');
  INSERT INTO brief (id, kenmerk, sjabloon, adres_id, betrokkene_id, bestand, datum, aangemaakt) VALUES
    (1, 'INT-2026-000001', 'waarschuwing', 1, 1, 'b1.pdf', '2026-02-03', 'x'), (2, 'INT-2026-000002', 'waarschuwing', 2, 2, 'b2.pdf', '2026-02-03', 'x');
  INSERT INTO brief_opvolging VALUES (1, 1), (2, 4);
  INSERT INTO handhaving (id, bevinding_id, voorschrift, bestuursorgaan, bevoegdheid, spoor, herstelmaatregel, hersteltermijn,
      zienswijzetermijn, begunstigingstermijn, overtreder_id, aangemaakt, gewijzigd) VALUES
    (1, 1, 'art. 1', 'college', '5:32 Awb', 'dwangsom', 'bewoners terug', '4 weken', '2 weken', '8 weken', 1, 'x', 'x'),
    (2, 4, 'art. 1', 'college', '5:32 Awb', 'dwangsom', 'bewoners terug', '4 weken', '2 weken', '8 weken', 2, 'x', 'x');
  INSERT INTO zienswijze (id, handhaving_id, brief_id, ontvangen, samenvatting, aangemaakt) VALUES (1, 1, 1, '2026-02-10', 'Bezwaar', 'x');
  INSERT INTO bijlage (id, sha256, soort, grootte, aangemaakt) VALUES (1, repeat('a', 64), 'jpeg', 100, 'x'), (2, repeat('b', 64), 'png', 200, 'x');
  INSERT INTO bevinding_bijlage (bevinding_id, bijlage_id, bijschrift, aangemaakt) VALUES (1, 1, 'kamer 1', 'x'), (3, 2, 'meter', 'x');
  INSERT INTO bevinding_toezichthouder VALUES (1, 1, 1), (2, 3, 1), (4, 2, 1);
  INSERT INTO rapport (id, kenmerk, avond_id, adres_id, aangemaakt) VALUES (1, 'RB-2026-0001', 1, 1, 'x'), (2, 'RB-2026-0002', 1, 2, 'x');
  INSERT INTO rapport_versie (id, rapport_id, versie, dagtekening, inhoud, inhoud_sha256, pdf_sha256, ondertekend_door,
      ondertekend_gebruiker, ondertekend_op) VALUES (1, 1, 1, '2026-02-02', '{}', repeat('c', 64), repeat('d', 64), 1, 'x', 'x');
  INSERT INTO rapport_versie_bevinding VALUES (1, 1);
  INSERT INTO rapport_teller VALUES (2026, 2);
  INSERT INTO kenmerk_teller VALUES (2026, 2);
  SELECT setval(pg_get_serial_sequence(t, 'id'), 100) FROM unnest(ARRAY['gemeente','partner','categorie','toezichthouder','adres',
    'betrokkene','signaal','casustafel','besluit','avond','avond_rol','bevinding','opvolging','brief','handhaving','zienswijze',
    'bijlage','rapport','rapport_versie']) AS t;
`;

export interface TeamLogin {
  login: string;
  wachtwoord: string;
  client: pg.Client;
}

export interface Team {
  db: TestDatabase;
  beheerder: pg.Client;
  projectleider: TeamLogin;
  /** Handhaver of Bladel. */
  handhaver: TeamLogin;
  /** Jurist of Veldhoven. */
  jurist: TeamLogin;
  /** Partner login of UWV (by its alias: the mapping resolves it). */
  uwv: TeamLogin;
  /** In the handhaver group, with a password, but not in this database's mapping. */
  zonder: TeamLogin;
}

/** The seeded team with one login per role, and one login without organisation. */
export async function maakTeam(db: TestDatabase): Promise<Team> {
  const beheerder = await db.beheerder();
  await beheerder.query(ZAAD);
  const projectleider = await db.login("projectleider", null, "pl");
  const handhaver = await db.login("handhaver", "Bladel", "hh");
  const jurist = await db.login("jurist", "veldhoven", "ju");
  const uwv = await db.login("partner", "Uitvoeringsinstituut Werknemersverzekeringen", "uwv");
  // Made by hand, as a careless administrator might: a group member without a mapping.
  const login = `${db.naam}_zonder`;
  const wachtwoord = "geheim-zonder-1";
  await beheerder.query(`CREATE ROLE ${login} LOGIN PASSWORD '${scramVerifier(wachtwoord)}' IN ROLE interventie_handhaver`);
  const zonder = { login, wachtwoord, client: await db.verbind(login, wachtwoord) };
  return { db, beheerder, projectleider, handhaver, jurist, uwv, zonder };
}

/** The ids a query returns, sorted, for compact assertions. */
export async function ids(c: pg.Client, sql: string, params: unknown[] = []): Promise<number[]> {
  const { rows } = await c.query(sql, params);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Runs `wat` in a transaction that is rolled back: tests write without changing what the next one reads. */
export async function terug<T>(c: pg.Client, wat: () => Promise<T>): Promise<T> {
  await c.query("BEGIN");
  try {
    return await wat();
  } finally {
    await c.query("ROLLBACK");
  }
}

/** The SQLSTATE a statement fails with, or "ok" (rolled back either way). */
export function fout(c: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
  return terug(c, async () => {
    try {
      await c.query(sql, params);
      return "ok";
    } catch (err) {
      return String((err as { code?: string }).code ?? (err as Error).message);
    }
  });
}

/** How many rows a statement touches (rolled back). */
export function rijen(c: pg.Client, sql: string, params: unknown[] = []): Promise<number | null> {
  return terug(c, async () => (await c.query(sql, params)).rowCount);
}
