/**
 * Who may see and change what, enforced by PostgreSQL itself (grants and row-level security), so
 * that a partner's login in psql sees no more than through the tool. The README chapter Teamserver has the
 * same rules as a table for people.
 *
 * - Group roles (NOLOGIN) per function in the team; a person's login is a member of one. They are
 *   cluster-wide: several team databases in one cluster share them, and what a login sees in a
 *   database comes from that database's own mapping table `gebruiker` (login → rol, gemeente(n)
 *   or partner). A login without a mapping sees nothing, whatever groups it is in.
 * - Everything is owned by the NOLOGIN role interventie_eigenaar. Its only members are the
 *   administrators' logins (who run `init`, migrations and `beheer gebruiker`); team logins are
 *   never owners and never members, so they cannot disable RLS, drop a policy or replace a function.
 * - The helper functions the policies call are SECURITY DEFINER and keyed on session_user: SET ROLE
 *   changes current_user, never session_user, so it cannot change who you are.
 */

export const EIGENAAR = "interventie_eigenaar";
export const ROLLEN = ["projectleider", "handhaver", "jurist", "partner"] as const;
export type Rol = (typeof ROLLEN)[number];
export const groep = (rol: Rol) => `interventie_${rol}`;
const GROEPEN = ROLLEN.map(groep);

/**
 * Cluster-wide roles, created by whoever runs the first migration (an administrator with
 * CREATEROLE, or a superuser), who then becomes a member of the owner role. Runs before the
 * runner switches to the owner role. Tolerates a second database creating them at the same time.
 */
export const ROLLEN_SQL = `
  DO $$
  DECLARE r text;
  BEGIN
    FOREACH r IN ARRAY ARRAY['${EIGENAAR}', ${GROEPEN.map((g) => `'${g}'`).join(", ")}] LOOP
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        BEGIN
          EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', r);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r AND (rolcanlogin OR rolsuper OR rolbypassrls)) THEN
        RAISE EXCEPTION 'rol % bestaat al en mag inloggen of RLS omzeilen; zo kan interventie er niet op bouwen', r
          USING ERRCODE = 'invalid_role_specification';
      END IF;
    END LOOP;
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
      EXECUTE format('GRANT ${EIGENAAR} TO %I', session_user);
    END IF;
  END $$;
  GRANT USAGE, CREATE ON SCHEMA public TO ${EIGENAAR};
`;

/** Who besides the projectleider may do what on one table. */
interface Regels {
  /** Rows handhavers and jurists read (of their gemeenten); absent: none. */
  gemeente?: string;
  /** Rows a partner reads (its own); absent: none. */
  partner?: string;
  /** Reference data: every mapped login reads all rows. */
  iedereen?: true;
  toevoegen?: ("handhaver" | "jurist" | "partner")[];
  wijzigen?: ("handhaver" | "jurist" | "partner")[];
  verwijderen?: ("handhaver" | "jurist")[];
  /** Rows writers may write, where narrower than what they read. */
  schrijven?: { gemeente?: string; partner?: string };
  /** A partner may change only these columns. */
  partnerKolommen?: string[];
  /** No UPDATE for anyone, not even the projectleider (signed versions). */
  onveranderlijk?: true;
}

// Sets of ids computed once per statement (an uncorrelated subquery), as the table owner.
const gemeenteAdres = (kolom: string) => `${kolom} IN (SELECT ik_gemeente_adressen())`;
const gemeenteBevinding = (kolom: string) => `${kolom} IN (SELECT ik_gemeente_bevindingen())`;
const mijnGemeente = (kolom: string) => `${kolom} IN (SELECT ik_gemeenten())`;
const partnerBevinding = (kolom: string) => `${kolom} IN (SELECT ik_partner_bevindingen())`;
const eigenPartner = (kolom: string) => `${kolom} = (SELECT ik_partner())`;

/** A hercontrole's rows belong to its follow-up, whose policy already limits them to the gemeente's addresses. */
const HERCONTROLE_VAN_GEMEENTE = "opvolging_id IN (SELECT id FROM opvolging)";

/** Reference data: read by every mapped login, written by the projectleider. */
const REFERENTIE: Regels = { iedereen: true };

export const TOEGANG: Record<string, Regels> = {
  instelling: REFERENTIE,
  gemeente: REFERENTIE,
  partner: REFERENTIE,
  partner_alias: REFERENTIE,
  categorie: REFERENTIE,
  categorie_opvolging: REFERENTIE,
  categorie_handhaving: REFERENTIE,
  // The legal department keeps its own letterhead and mandate.
  briefhoofd: { iedereen: true, toevoegen: ["jurist"], wijzigen: ["jurist"], schrijven: { gemeente: mijnGemeente("gemeente_id") } },
  // Numbers and functions, no names: readable across gemeenten (teams mix at an evening).
  toezichthouder: {
    gemeente: "true",
    partner: eigenPartner("partner_id"),
    toevoegen: ["handhaver", "jurist"],
    wijzigen: ["handhaver", "jurist"],
    schrijven: { gemeente: mijnGemeente("gemeente_id") },
  },

  adres: {
    gemeente: mijnGemeente("gemeente_id"),
    partner: "id IN (SELECT ik_partner_adressen())",
    toevoegen: ["handhaver"],
    wijzigen: ["handhaver"],
  },
  betrokkene: {
    gemeente: "id IN (SELECT ik_gemeente_betrokkenen())",
    toevoegen: ["handhaver", "jurist"],
    wijzigen: ["handhaver", "jurist"],
  },
  betrokkene_adres: { gemeente: gemeenteAdres("adres_id"), toevoegen: ["handhaver", "jurist"], verwijderen: ["handhaver", "jurist"] },
  signaal: { gemeente: gemeenteAdres("adres_id"), partner: eigenPartner("partner_id"), toevoegen: ["handhaver", "partner"] },
  casustafel: { gemeente: "id IN (SELECT casustafel_id FROM casustafel_gemeente)" },
  casustafel_gemeente: { gemeente: mijnGemeente("gemeente_id") },
  besluit: { gemeente: gemeenteAdres("adres_id") },
  besluit_partner: { gemeente: "besluit_id IN (SELECT id FROM besluit)" },
  avond: { gemeente: "id IN (SELECT avond_id FROM avond_adres) OR casustafel_id IN (SELECT id FROM casustafel)" },
  avond_adres: { gemeente: gemeenteAdres("adres_id") },
  avond_rol: { gemeente: "avond_id IN (SELECT id FROM avond)" },
  bevinding: {
    gemeente: gemeenteAdres("adres_id"),
    partner: partnerBevinding("id"),
    toevoegen: ["handhaver"],
    wijzigen: ["handhaver"],
  },
  opvolging: {
    gemeente: gemeenteBevinding("bevinding_id"),
    partner: eigenPartner("partner_id"),
    toevoegen: ["handhaver", "jurist"],
    wijzigen: ["handhaver", "jurist", "partner"],
    partnerKolommen: ["status", "resultaat", "gesloten_op", "gewijzigd"],
  },
  brief: { gemeente: gemeenteAdres("adres_id"), toevoegen: ["handhaver", "jurist"], wijzigen: ["handhaver", "jurist"] },
  brief_opvolging: { gemeente: "brief_id IN (SELECT id FROM brief)", toevoegen: ["handhaver", "jurist"] },
  bevinding_toezichthouder: {
    gemeente: gemeenteBevinding("bevinding_id"),
    partner: partnerBevinding("bevinding_id"),
    toevoegen: ["handhaver"],
    verwijderen: ["handhaver"],
  },
  // Content-addressed metadata (hash, type, size; no names), one row per content for the whole team. Read
  // through the links of one's own findings and hercontroles: a hash is what opens its bytes (bestand_inhoud),
  // so another gemeente's hashes stay hidden. The same photo again is found by its hash (bijlage_zoek), which
  // only who holds the file can compute.
  bijlage: {
    gemeente: "id IN (SELECT ik_gemeente_bijlagen())",
    partner: "id IN (SELECT bijlage_id FROM bevinding_bijlage)",
    // A jurist attaches evidence to a hercontrole (hercontrole_bijlage), not to findings.
    toevoegen: ["handhaver", "jurist"],
    schrijven: { gemeente: "true" },
  },
  bevinding_bijlage: {
    gemeente: gemeenteBevinding("bevinding_id"),
    partner: partnerBevinding("bevinding_id"),
    toevoegen: ["handhaver"],
    wijzigen: ["handhaver"],
    verwijderen: ["handhaver"],
  },
  rapport_teller: { gemeente: "true", toevoegen: ["handhaver", "jurist"], wijzigen: ["handhaver", "jurist"] },
  kenmerk_teller: { gemeente: "true", toevoegen: ["handhaver", "jurist"], wijzigen: ["handhaver", "jurist"] },
  rapport: { gemeente: gemeenteAdres("adres_id"), toevoegen: ["handhaver"], wijzigen: ["handhaver"] },
  rapport_versie: { gemeente: "rapport_id IN (SELECT id FROM rapport)", toevoegen: ["handhaver"], onveranderlijk: true },
  rapport_versie_bevinding: { gemeente: "rapport_versie_id IN (SELECT id FROM rapport_versie)", toevoegen: ["handhaver"] },
  handhaving: { gemeente: gemeenteBevinding("bevinding_id"), toevoegen: ["handhaver", "jurist"], wijzigen: ["handhaver", "jurist"] },
  zienswijze: { gemeente: "handhaving_id IN (SELECT id FROM handhaving)", toevoegen: ["jurist"], wijzigen: ["jurist"] },
  // The record of a hercontrole (SQLite v6): staff of the address's gemeente (through its follow-up);
  // partners none — it is the ground of the gemeente's invordering, and names toezichthouders.
  hercontrole: { gemeente: HERCONTROLE_VAN_GEMEENTE, toevoegen: ["handhaver", "jurist"], wijzigen: ["handhaver", "jurist"] },
  hercontrole_toezichthouder: {
    gemeente: HERCONTROLE_VAN_GEMEENTE,
    toevoegen: ["handhaver", "jurist"],
    verwijderen: ["handhaver", "jurist"],
  },
  hercontrole_bijlage: { gemeente: HERCONTROLE_VAN_GEMEENTE, toevoegen: ["handhaver", "jurist"] },
  hercontrole_versie: {
    gemeente: "opvolging_id IN (SELECT opvolging_id FROM hercontrole)",
    toevoegen: ["handhaver"],
    onveranderlijk: true,
  },
};

const PL = "(SELECT ik_projectleider())";
const GEMEENTEROLLEN = ["handhaver", "jurist"] as const;
const rolIn = (rollen: readonly string[]) => `(SELECT ik_rol()) IN (${rollen.map((r) => `'${r}'`).join(", ")})`;

/** The condition for one command: the projectleider, or a role that may, on the rows it may. */
function voorwaarde(r: Regels, rollen: readonly Rol[], schrijf: boolean): string {
  const delen = [PL];
  if (r.iedereen && !schrijf) return "(SELECT ik_rol()) IS NOT NULL";
  const gemeente = (schrijf && r.schrijven?.gemeente) || r.gemeente || (r.iedereen ? "true" : undefined);
  const gRollen = GEMEENTEROLLEN.filter((x) => rollen.includes(x));
  if (gemeente && gRollen.length) delen.push(`(${rolIn(gRollen)} AND (${gemeente}))`);
  const partner = (schrijf && r.schrijven?.partner) || r.partner;
  if (partner && rollen.includes("partner")) delen.push(`(${rolIn(["partner"])} AND (${partner}))`);
  return delen.join("\n      OR ");
}

function lezers(r: Regels): Rol[] {
  if (r.iedereen) return [...ROLLEN];
  return ["projectleider", ...(r.gemeente ? GEMEENTEROLLEN : []), ...(r.partner ? (["partner"] as const) : [])];
}

/** Policies and grants of one table, from its rules. */
export function tabelToegang(tabel: string, r: Regels): string {
  const alle = GROEPEN.join(", ");
  const sql = [
    `ALTER TABLE ${tabel} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY eigenaar ON ${tabel} TO ${EIGENAAR} USING (true) WITH CHECK (true);`,
    `CREATE POLICY lezen ON ${tabel} FOR SELECT TO ${alle} USING (\n      ${voorwaarde(r, lezers(r), false)});`,
    `GRANT SELECT ON ${tabel} TO ${lezers(r).map(groep).join(", ")};`,
  ];
  const schrijvers = (wat: readonly string[] = []) => ["projectleider", ...wat] as Rol[];
  const toevoegen = schrijvers(r.toevoegen);
  sql.push(`CREATE POLICY toevoegen ON ${tabel} FOR INSERT TO ${alle} WITH CHECK (\n      ${voorwaarde(r, toevoegen, true)});`);
  sql.push(`GRANT INSERT ON ${tabel} TO ${toevoegen.map(groep).join(", ")};`);
  if (!r.onveranderlijk) {
    const wijzigen = schrijvers(r.wijzigen);
    const w = voorwaarde(r, wijzigen, true);
    sql.push(`CREATE POLICY wijzigen ON ${tabel} FOR UPDATE TO ${alle} USING (\n      ${w}) WITH CHECK (\n      ${w});`);
    const volledig = wijzigen.filter((x) => !(x === "partner" && r.partnerKolommen));
    sql.push(`GRANT UPDATE ON ${tabel} TO ${volledig.map(groep).join(", ")};`);
    if (r.partnerKolommen && wijzigen.includes("partner")) {
      sql.push(`GRANT UPDATE (${r.partnerKolommen.join(", ")}) ON ${tabel} TO ${groep("partner")};`);
    }
  }
  const verwijderen = schrijvers(r.verwijderen);
  sql.push(`CREATE POLICY verwijderen ON ${tabel} FOR DELETE TO ${alle} USING (\n      ${voorwaarde(r, verwijderen, true)});`);
  sql.push(`GRANT DELETE ON ${tabel} TO ${verwijderen.map(groep).join(", ")};`);
  return sql.join("\n  ");
}

/** Who is logged in, keyed on session_user; SECURITY DEFINER, so the mapping itself stays private. */
const IK = `
  CREATE TABLE interventie_schema (
    enkel      boolean PRIMARY KEY DEFAULT true CHECK (enkel),
    applicatie tekst NOT NULL CHECK (applicatie = 'interventie'),
    versie     integer NOT NULL,
    bijgewerkt tekst NOT NULL
  );
  -- Logins of this team: their function, and the gemeenten (handhaver, jurist) or partner they work for.
  CREATE TABLE gebruiker (
    login      tekst PRIMARY KEY,
    rol        tekst NOT NULL CHECK (rol IN (${ROLLEN.map((r) => `'${r}'`).join(",")})),
    partner_id bigint REFERENCES partner(id),
    aangemaakt tekst NOT NULL,
    CHECK ((rol = 'partner') = (partner_id IS NOT NULL))
  );
  CREATE TABLE gebruiker_gemeente (
    login       tekst NOT NULL REFERENCES gebruiker(login) ON DELETE CASCADE,
    gemeente_id bigint NOT NULL REFERENCES gemeente(id) ON DELETE CASCADE,
    PRIMARY KEY (login, gemeente_id)
  );

  CREATE FUNCTION ik_rol() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT rol FROM gebruiker WHERE login = session_user::text;
  END;
  CREATE FUNCTION ik_projectleider() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT EXISTS (SELECT 1 FROM gebruiker WHERE login = session_user::text AND rol = 'projectleider');
  END;
  CREATE FUNCTION ik_partner() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT partner_id FROM gebruiker WHERE login = session_user::text AND rol = 'partner';
  END;
  CREATE FUNCTION ik_gemeenten() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT gg.gemeente_id FROM gebruiker_gemeente gg JOIN gebruiker g ON g.login = gg.login
    WHERE g.login = session_user::text AND g.rol IN ('handhaver', 'jurist');
  END;
  CREATE FUNCTION ik_gemeente_adressen() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT a.id FROM adres a WHERE a.gemeente_id IN (SELECT ik_gemeenten());
  END;
  CREATE FUNCTION ik_gemeente_bevindingen() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT b.id FROM bevinding b JOIN adres a ON a.id = b.adres_id WHERE a.gemeente_id IN (SELECT ik_gemeenten());
  END;
  -- Betrokkenen at the gemeente's addresses, its overtreders and addressees, and ones not yet linked
  -- to anything (made a moment ago, in the same transaction as their link).
  CREATE FUNCTION ik_gemeente_betrokkenen() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT ba.betrokkene_id FROM betrokkene_adres ba WHERE ba.adres_id IN (SELECT ik_gemeente_adressen())
    UNION SELECT h.overtreder_id FROM handhaving h WHERE h.overtreder_id IS NOT NULL AND h.bevinding_id IN (SELECT ik_gemeente_bevindingen())
    UNION SELECT br.betrokkene_id FROM brief br WHERE br.betrokkene_id IS NOT NULL AND br.adres_id IN (SELECT ik_gemeente_adressen())
    UNION SELECT b.id FROM betrokkene b
      WHERE (SELECT ik_rol()) IN ('handhaver', 'jurist')
        AND NOT EXISTS (SELECT 1 FROM betrokkene_adres x WHERE x.betrokkene_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM handhaving x WHERE x.overtreder_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM brief x WHERE x.betrokkene_id = b.id);
  END;
  -- A partner's findings: the ones it owns and the ones it has a follow-up on.
  CREATE FUNCTION ik_partner_bevindingen() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT b.id FROM bevinding b WHERE b.partner_id = (SELECT ik_partner())
    UNION SELECT o.bevinding_id FROM opvolging o WHERE o.partner_id = (SELECT ik_partner());
  END;
  CREATE FUNCTION ik_partner_adressen() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT s.adres_id FROM signaal s WHERE s.partner_id = (SELECT ik_partner())
    UNION SELECT b.adres_id FROM bevinding b WHERE b.id IN (SELECT ik_partner_bevindingen());
  END;
  -- For the connection check of every login (also one without a mapping): who am I here?
  CREATE FUNCTION ik() RETURNS TABLE (login text, rol text, organisatie text, beheerder boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT session_user::text, g.rol,
           coalesce((SELECT p.naam FROM partner p WHERE p.id = g.partner_id),
                    (SELECT string_agg(ge.naam, ', ' ORDER BY ge.naam COLLATE "C") FROM gebruiker_gemeente gg
                       JOIN gemeente ge ON ge.id = gg.gemeente_id WHERE gg.login = g.login)),
           pg_has_role(session_user, '${EIGENAAR}', 'MEMBER')
    FROM (SELECT 1) AS een LEFT JOIN gebruiker g ON g.login = session_user::text;
  END;
`;

/**
 * Attachments of the gemeente's findings and hercontroles (a function, as the other ik_ sets: a
 * policy's subqueries need the reader's own grants, and a partner has none on hercontrole_bijlage).
 * And the id of the attachment row of a content, for whoever knows its SHA-256 (computed from the
 * file being attached): the same photo is stored once, also when another gemeente attached it
 * first, whose rows the caller cannot list.
 */
const BIJLAGE_FUNCTIES = `
  CREATE FUNCTION ik_gemeente_bijlagen() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT bb.bijlage_id FROM bevinding_bijlage bb WHERE bb.bevinding_id IN (SELECT ik_gemeente_bevindingen())
    UNION SELECT hb.bijlage_id FROM hercontrole_bijlage hb JOIN opvolging o ON o.id = hb.opvolging_id
      WHERE o.bevinding_id IN (SELECT ik_gemeente_bevindingen());
  END;
  CREATE FUNCTION bijlage_zoek(p_sha256 text) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT id FROM bijlage WHERE sha256 = p_sha256 AND (SELECT ik_rol()) IS NOT NULL;
  END;
  REVOKE EXECUTE ON FUNCTION ik_gemeente_bijlagen(), bijlage_zoek(text) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION ik_gemeente_bijlagen(), bijlage_zoek(text) TO ${GROEPEN.join(", ")};
`;

/**
 * The audit log records the database login, not what the client claims (--gebruiker): no
 * impersonation. Only an administrator copying a team's history (overzetten) keeps the names,
 * by setting interventie.overzetten = 'aan' for the transaction. Also for who signed a report.
 */
const WIE = `
  CREATE FUNCTION zet_login() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
  BEGIN
    IF coalesce(current_setting('interventie.overzetten', true), '') = 'aan'
       AND pg_has_role(session_user, '${EIGENAAR}', 'MEMBER') THEN
      RETURN NEW;
    END IF;
    RETURN jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user::text));
  END $$;
  CREATE TRIGGER audit_log_login BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION zet_login('gebruiker');
  CREATE TRIGGER rapport_versie_login BEFORE INSERT ON rapport_versie FOR EACH ROW EXECUTE FUNCTION zet_login('ondertekend_gebruiker');
  CREATE TRIGGER hercontrole_versie_login BEFORE INSERT ON hercontrole_versie FOR EACH ROW EXECUTE FUNCTION zet_login('ondertekend_gebruiker');
`;

/**
 * Terugkoppeling for a partner login: what became of what it brought in, without the rows
 * themselves. Owned by the owner, so they read past row-level security, and security barriers, so
 * no predicate of the caller runs before their own filter. A finding's content only where the
 * partner owns it or acts on it; another partner's follow-up only as a status (with `verlopen`).
 */
const TERUGKOPPELING = `
  CREATE VIEW terugkoppeling_bevinding WITH (security_barrier) AS
    WITH ik AS (SELECT ik_partner() AS p)
    SELECT x.id, x.avond_id, x.datum, x.adres_id, x.categorie_id, x.partner_id,
           CASE WHEN x.via_eigenaar OR x.via_opvolging THEN x.omschrijving END AS omschrijving,
           CASE WHEN x.via_eigenaar OR x.via_opvolging THEN x.maatregel END AS maatregel,
           CASE WHEN x.via_eigenaar OR x.via_opvolging THEN x.personen END AS personen,
           x.via_signaal, x.via_eigenaar, x.via_opvolging
    FROM (
      SELECT b.id, b.avond_id, v.datum, b.adres_id, b.categorie_id, b.partner_id, b.omschrijving, b.maatregel, b.personen,
             EXISTS (SELECT 1 FROM signaal s WHERE s.adres_id = b.adres_id AND s.partner_id = ik.p AND s.datum <= v.datum) AS via_signaal,
             b.partner_id = ik.p AS via_eigenaar,
             EXISTS (SELECT 1 FROM opvolging o WHERE o.bevinding_id = b.id AND o.partner_id = ik.p) AS via_opvolging
      FROM ik, bevinding b JOIN avond v ON v.id = b.avond_id
      WHERE ik.p IS NOT NULL
    ) x
    WHERE x.via_signaal OR x.via_eigenaar OR x.via_opvolging;

  CREATE VIEW terugkoppeling_besluit WITH (security_barrier) AS
    SELECT b.adres_id, c.id AS casustafel_id, c.datum, b.besluit, b.toelichting,
           (SELECT string_agg(p.naam, '|') FROM besluit_partner bp JOIN partner p ON p.id = bp.partner_id WHERE bp.besluit_id = b.id) AS partners
    FROM besluit b JOIN casustafel c ON c.id = b.casustafel_id
    WHERE b.adres_id IN (SELECT s.adres_id FROM signaal s WHERE s.partner_id = ik_partner());

  CREATE VIEW terugkoppeling_bezoek WITH (security_barrier) AS
    SELECT aa.adres_id, v.id AS avond_id, v.datum,
           (SELECT string_agg(c.naam, '|') FROM bevinding b JOIN categorie c ON c.id = b.categorie_id
            WHERE b.avond_id = v.id AND b.adres_id = aa.adres_id) AS categorieen
    FROM avond_adres aa JOIN avond v ON v.id = aa.avond_id
    WHERE aa.adres_id IN (SELECT s.adres_id FROM signaal s WHERE s.partner_id = ik_partner());

  CREATE FUNCTION terugkoppeling_opvolgingen(vandaag text)
    RETURNS TABLE (id bigint, bevinding_id bigint, partner text, status text, verlopen boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT o.id, o.bevinding_id, p.naam, o.status, (o.status IN ('open', 'in-behandeling') AND o.deadline < vandaag)
    FROM opvolging o JOIN partner p ON p.id = o.partner_id
    WHERE o.bevinding_id IN (SELECT t.id FROM terugkoppeling_bevinding t)
    ORDER BY o.bevinding_id, o.id;
  END;
  GRANT SELECT ON terugkoppeling_bevinding, terugkoppeling_besluit, terugkoppeling_bezoek TO ${groep("partner")};
`;

/**
 * User management, run by an administrator (`beheer gebruiker toevoegen|lijst|intrekken`). The
 * password arrives as a SCRAM-SHA-256 verifier computed by the client (src/db/pg/scram.ts), never
 * as text; anything else is refused. SECURITY INVOKER: creating a login takes the administrator's
 * own CREATEROLE, and only members of the owner role may execute these.
 */
const BEHEER = `
  CREATE FUNCTION beheer_gebruiker_toevoegen(p_login text, p_rol text, p_organisatie text, p_verifier text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
  DECLARE
    v_rol record;
    v_partner bigint;
    v_gemeenten bigint[] := '{}';
    v_naam text;
    v_id bigint;
  BEGIN
    IF p_rol IS NULL OR p_rol NOT IN (${ROLLEN.map((r) => `'${r}'`).join(", ")}) THEN
      RAISE EXCEPTION 'Onbekende rol "%": kies projectleider, handhaver, jurist of partner', p_rol USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9._-]{0,62}$' OR p_login ~ '^(pg_|interventie_)' THEN
      RAISE EXCEPTION 'Ongeldige login "%": kleine letters, cijfers, punt, streepje of liggend streepje, beginnend met een letter', p_login
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_verifier IS NOT NULL AND p_verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
      RAISE EXCEPTION 'Het wachtwoord moet als SCRAM-SHA-256-verificatie komen, nooit als tekst' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM gebruiker WHERE login = p_login) THEN
      RAISE EXCEPTION 'Login "%" is al gebruiker van deze database', p_login USING ERRCODE = 'unique_violation';
    END IF;

    IF p_rol = 'projectleider' THEN
      IF coalesce(btrim(p_organisatie), '') <> '' THEN
        RAISE EXCEPTION 'Een projectleider werkt voor het hele team: laat --organisatie weg' USING ERRCODE = 'invalid_parameter_value';
      END IF;
    ELSIF p_rol = 'partner' THEN
      SELECT p.id INTO v_partner FROM partner p WHERE sleutel(p.naam) = sleutel(p_organisatie);
      IF v_partner IS NULL THEN
        SELECT a.partner_id INTO v_partner FROM partner_alias a WHERE sleutel(a.alias) = sleutel(p_organisatie);
      END IF;
      IF v_partner IS NULL THEN
        RAISE EXCEPTION 'Partner "%" bestaat niet', coalesce(p_organisatie, '') USING ERRCODE = 'invalid_parameter_value';
      END IF;
    ELSE
      FOREACH v_naam IN ARRAY string_to_array(coalesce(p_organisatie, ''), ',') LOOP
        CONTINUE WHEN btrim(v_naam) = '';
        SELECT g.id INTO v_id FROM gemeente g WHERE sleutel(g.naam) = sleutel(v_naam);
        IF v_id IS NULL THEN
          RAISE EXCEPTION 'Gemeente "%" bestaat niet', btrim(v_naam) USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_gemeenten := v_gemeenten || v_id;
      END LOOP;
      IF cardinality(v_gemeenten) = 0 THEN
        RAISE EXCEPTION 'Een % werkt voor een of meer gemeenten: geef --organisatie <gemeente>[,<gemeente>]', p_rol
          USING ERRCODE = 'invalid_parameter_value';
      END IF;
    END IF;

    SELECT rolsuper, rolbypassrls, rolcreaterole, rolcanlogin INTO v_rol FROM pg_roles WHERE rolname = p_login;
    IF FOUND THEN
      -- An existing role (a login of another team database in this cluster) is mapped, never an administrator.
      IF v_rol.rolsuper OR v_rol.rolbypassrls OR v_rol.rolcreaterole OR pg_has_role(p_login, '${EIGENAAR}', 'MEMBER') THEN
        RAISE EXCEPTION 'Login "%" is beheerder of superuser en kan geen teamgebruiker zijn', p_login USING ERRCODE = 'invalid_parameter_value';
      END IF;
      IF p_verifier IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_login, p_verifier);
      END IF;
    ELSE
      IF p_verifier IS NULL THEN
        RAISE EXCEPTION 'Een nieuwe login heeft een wachtwoord nodig' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
                     p_login, p_verifier);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'interventie_' || p_rol, p_login);

    INSERT INTO gebruiker (login, rol, partner_id, aangemaakt)
      VALUES (p_login, p_rol, v_partner, iso_nu());
    INSERT INTO gebruiker_gemeente (login, gemeente_id) SELECT p_login, unnest(v_gemeenten);
    INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie, details)
      VALUES (iso_nu(), session_user, 'gebruiker', NULL, 'toegevoegd',
              json_build_object('login', p_login, 'rol', p_rol)::text);
  END $$;

  CREATE FUNCTION beheer_gebruiker_intrekken(p_login text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
  DECLARE v_groep text;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM gebruiker WHERE login = p_login) THEN
      RAISE EXCEPTION 'Login "%" is geen gebruiker van deze database', p_login USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM gebruiker WHERE login = p_login;
    FOREACH v_groep IN ARRAY ARRAY[${GROEPEN.map((g) => `'${g}'`).join(", ")}] LOOP
      IF pg_has_role(p_login, v_groep, 'MEMBER') THEN
        EXECUTE format('REVOKE %I FROM %I', v_groep, p_login);
      END IF;
    END LOOP;
    -- The role stays (the audit log names it) but can no longer log in.
    EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', p_login);
    INSERT INTO audit_log (tijd, gebruiker, tabel, rij_id, actie, details)
      VALUES (iso_nu(), session_user, 'gebruiker', NULL, 'verwijderd',
              json_build_object('login', p_login)::text);
  END $$;

  CREATE FUNCTION beheer_gebruiker_lijst() RETURNS TABLE (login text, rol text, organisatie text, kan_aanmelden boolean)
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
  BEGIN ATOMIC
    SELECT g.login, g.rol,
           coalesce((SELECT p.naam FROM partner p WHERE p.id = g.partner_id),
                    (SELECT string_agg(ge.naam, ', ' ORDER BY ge.naam COLLATE "C") FROM gebruiker_gemeente gg
                       JOIN gemeente ge ON ge.id = gg.gemeente_id WHERE gg.login = g.login)),
           coalesce((SELECT r.rolcanlogin FROM pg_roles r WHERE r.rolname = g.login), false)
    FROM gebruiker g ORDER BY g.login;
  END;
`;

/** Functions only the listed roles may call (PostgreSQL lets PUBLIC execute new functions). */
const UITVOEREN = `
  REVOKE EXECUTE ON FUNCTION ik_rol(), ik_projectleider(), ik_partner(), ik_gemeenten(), ik_gemeente_adressen(),
    ik_gemeente_bevindingen(), ik_gemeente_betrokkenen(), ik_partner_bevindingen(), ik_partner_adressen(),
    terugkoppeling_opvolgingen(text), beheer_gebruiker_toevoegen(text, text, text, text), beheer_gebruiker_intrekken(text),
    beheer_gebruiker_lijst(), zet_login(), weiger_wijziging() FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION ik_rol(), ik_projectleider(), ik_partner(), ik_gemeenten(), ik_gemeente_adressen(),
    ik_gemeente_bevindingen(), ik_gemeente_betrokkenen(), ik_partner_bevindingen(), ik_partner_adressen() TO ${GROEPEN.join(", ")};
  GRANT EXECUTE ON FUNCTION terugkoppeling_opvolgingen(text) TO ${groep("partner")};
  GRANT EXECUTE ON FUNCTION beheer_gebruiker_toevoegen(text, text, text, text), beheer_gebruiker_intrekken(text), beheer_gebruiker_lijst()
    TO ${EIGENAAR};
`;

/** Tables outside TOEGANG: the marker, the mapping and the audit log have rules of their own. */
const EIGEN_REGELS = `
  ALTER TABLE interventie_schema ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
  CREATE POLICY eigenaar ON interventie_schema TO ${EIGENAAR} USING (true) WITH CHECK (true);
  CREATE POLICY lezen ON interventie_schema FOR SELECT TO PUBLIC USING (true);
  GRANT SELECT ON interventie_schema TO PUBLIC;

  ALTER TABLE gebruiker ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
  ALTER TABLE gebruiker_gemeente ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
  CREATE POLICY eigenaar ON gebruiker TO ${EIGENAAR} USING (true) WITH CHECK (true);
  CREATE POLICY eigenaar ON gebruiker_gemeente TO ${EIGENAAR} USING (true) WITH CHECK (true);
  -- Your own mapping; the projectleider sees the whole team.
  CREATE POLICY lezen ON gebruiker FOR SELECT TO ${GROEPEN.join(", ")} USING (login = session_user::text OR ${PL});
  CREATE POLICY lezen ON gebruiker_gemeente FOR SELECT TO ${GROEPEN.join(", ")} USING (login = session_user::text OR ${PL});
  GRANT SELECT ON gebruiker, gebruiker_gemeente TO ${GROEPEN.join(", ")};

  -- Everyone appends (as themselves, see zet_login), the projectleider reads all, others their own entries.
  -- No UPDATE or DELETE is granted to anyone, and the triggers refuse them even to the owner.
  ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
  CREATE POLICY eigenaar_lezen ON audit_log FOR SELECT TO ${EIGENAAR} USING (true);
  CREATE POLICY eigenaar_toevoegen ON audit_log FOR INSERT TO ${EIGENAAR} WITH CHECK (true);
  CREATE POLICY lezen ON audit_log FOR SELECT TO ${GROEPEN.join(", ")} USING (${PL} OR gebruiker = session_user::text);
  CREATE POLICY toevoegen ON audit_log FOR INSERT TO ${GROEPEN.join(", ")} WITH CHECK ((SELECT ik_rol()) IS NOT NULL);
  GRANT SELECT, INSERT ON audit_log TO ${GROEPEN.join(", ")};
`;

/**
 * The bytes of evidence (bestand_inhoud, schema.ts) follow the rows that refer to them, which have
 * row-level security of their own: a login reads or adds a content only where it may read an
 * attachment link or a signed version naming that hash — so a handhaver of Bladel never reads a
 * photo of Eersel's, although the hash-only bijlage rows are shared. The projectleider reads all
 * (also content nothing refers to any more) and alone deletes (retention, as opschonen). Nobody
 * updates: content is immutable (its CHECKs tie it to its hash). A partner reads the content of
 * the attachments of its own findings, as bijlage's policy lets it, and adds none. Separate
 * policies per group, because a policy's subqueries need the reader's own grants: a partner has
 * none on rapport_versie or hercontrole_bijlage.
 */
const VERWEZEN_DOOR_GEMEENTE = `sha256 IN (SELECT j.sha256 FROM bijlage j
        WHERE j.id IN (SELECT bijlage_id FROM bevinding_bijlage UNION ALL SELECT bijlage_id FROM hercontrole_bijlage))
      OR sha256 IN (SELECT pdf_sha256 FROM rapport_versie)
      OR sha256 IN (SELECT pdf_sha256 FROM hercontrole_versie)`;
const STAF = ["projectleider", ...GEMEENTEROLLEN].map((r) => groep(r as Rol)).join(", ");
const BESTAND_INHOUD = `
  ALTER TABLE bestand_inhoud ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
  CREATE POLICY eigenaar ON bestand_inhoud TO ${EIGENAAR} USING (true) WITH CHECK (true);
  CREATE POLICY lezen ON bestand_inhoud FOR SELECT TO ${STAF} USING (
      ${PL} OR (${rolIn(GEMEENTEROLLEN)} AND (${VERWEZEN_DOOR_GEMEENTE})));
  CREATE POLICY lezen_partner ON bestand_inhoud FOR SELECT TO ${groep("partner")} USING (
      ${rolIn(["partner"])} AND sha256 IN (SELECT j.sha256 FROM bijlage j WHERE j.id IN (SELECT bijlage_id FROM bevinding_bijlage)));
  GRANT SELECT ON bestand_inhoud TO ${GROEPEN.join(", ")};
  CREATE POLICY toevoegen ON bestand_inhoud FOR INSERT TO ${STAF} WITH CHECK (
      ${PL} OR (${rolIn(GEMEENTEROLLEN)} AND (${VERWEZEN_DOOR_GEMEENTE})));
  GRANT INSERT ON bestand_inhoud TO ${STAF};
  CREATE POLICY verwijderen ON bestand_inhoud FOR DELETE TO ${groep("projectleider")} USING (${PL});
  GRANT DELETE ON bestand_inhoud TO ${groep("projectleider")};
`;

/** Everything of access control in schema version 1, run as the owner role after the tables exist. */
export const TOEGANG_SQL = [
  IK,
  WIE,
  TERUGKOPPELING,
  BEHEER,
  UITVOEREN,
  EIGEN_REGELS,
  BIJLAGE_FUNCTIES,
  BESTAND_INHOUD,
  ...Object.entries(TOEGANG).map(([tabel, regels]) => tabelToegang(tabel, regels)),
].join("\n");
