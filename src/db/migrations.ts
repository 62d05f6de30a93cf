import type { Db } from "./connection.js";
import { ladderMigratie } from "./migratie-ladder.js";

/**
 * Schema history. Each entry upgrades from user_version N to N+1; never edit a
 * released entry, append a new one. Tests upgrade from every earlier version.
 * An entry is SQL, or a function for a change that also converts data.
 */
export type Migratie = string | ((db: Db) => void);

export const MIGRATIONS: readonly Migratie[] = [
  // v1: reference data, addresses, betrokkenen, signals, audit log.
  `
  CREATE TABLE instelling (
    sleutel TEXT PRIMARY KEY,
    waarde  TEXT NOT NULL
  );
  CREATE TABLE gemeente (
    id    INTEGER PRIMARY KEY,
    naam  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    team  TEXT
  );
  CREATE TABLE partner (
    id     INTEGER PRIMARY KEY,
    naam   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    soort  TEXT NOT NULL DEFAULT 'convenant' CHECK (soort IN ('convenant','facultatief'))
  );
  CREATE TABLE categorie (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    naam       TEXT NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partner(id),
    thema      TEXT NOT NULL DEFAULT 'overig',
    grondslag  TEXT
  );
  -- Default follow-up per category: the rule a new finding starts from.
  CREATE TABLE categorie_opvolging (
    id           INTEGER PRIMARY KEY,
    categorie_id INTEGER NOT NULL REFERENCES categorie(id) ON DELETE CASCADE,
    volgorde     INTEGER NOT NULL,
    actie        TEXT NOT NULL,
    partner_id   INTEGER REFERENCES partner(id),
    termijn      INTEGER NOT NULL CHECK (termijn >= 0),
    eenheid      TEXT NOT NULL DEFAULT 'dagen' CHECK (eenheid IN ('dagen','werkdagen')),
    UNIQUE (categorie_id, volgorde)
  );
  CREATE TABLE adres (
    id          INTEGER PRIMARY KEY,
    postcode    TEXT NOT NULL,
    huisnummer  INTEGER NOT NULL CHECK (huisnummer >= 1),
    toevoeging  TEXT NOT NULL DEFAULT '',
    straat      TEXT NOT NULL,
    plaats      TEXT NOT NULL,
    gemeente_id INTEGER NOT NULL REFERENCES gemeente(id),
    type        TEXT NOT NULL DEFAULT 'woning',
    aangemaakt  TEXT NOT NULL,
    UNIQUE (postcode, huisnummer, toevoeging)
  );
  CREATE INDEX adres_gemeente ON adres(gemeente_id);
  CREATE TABLE betrokkene (
    id         INTEGER PRIMARY KEY,
    naam       TEXT NOT NULL,
    postadres  TEXT,
    kvk        TEXT,
    aangemaakt TEXT NOT NULL
  );
  CREATE UNIQUE INDEX betrokkene_kvk ON betrokkene(kvk) WHERE kvk IS NOT NULL;
  CREATE TABLE betrokkene_adres (
    betrokkene_id INTEGER NOT NULL REFERENCES betrokkene(id) ON DELETE CASCADE,
    adres_id      INTEGER NOT NULL REFERENCES adres(id) ON DELETE CASCADE,
    rol           TEXT NOT NULL CHECK (rol IN ('eigenaar','verhuurder','werkgever','uitzendbureau')),
    PRIMARY KEY (betrokkene_id, adres_id, rol)
  );
  CREATE INDEX betrokkene_adres_adres ON betrokkene_adres(adres_id);
  CREATE TABLE signaal (
    id           INTEGER PRIMARY KEY,
    adres_id     INTEGER NOT NULL REFERENCES adres(id),
    partner_id   INTEGER NOT NULL REFERENCES partner(id),
    omschrijving TEXT NOT NULL,
    thema        TEXT,
    datum        TEXT NOT NULL,
    aangemaakt   TEXT NOT NULL
  );
  CREATE INDEX signaal_adres ON signaal(adres_id);
  -- Append-only: who changed what, when. Holds ids and field names, never personal data.
  CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    tijd      TEXT NOT NULL,
    gebruiker TEXT NOT NULL,
    tabel     TEXT NOT NULL,
    rij_id    INTEGER,
    actie     TEXT NOT NULL,
    details   TEXT
  );
  CREATE TRIGGER audit_log_geen_wijziging BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END;
  CREATE TRIGGER audit_log_geen_verwijdering BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is alleen-toevoegen'); END;
  `,
  // v2: the cycle — casustafel, controleavond, bevindingen, opvolging, brieven.
  `
  CREATE TABLE casustafel (
    id         INTEGER PRIMARY KEY,
    datum      TEXT NOT NULL,
    aangemaakt TEXT NOT NULL
  );
  CREATE TABLE casustafel_gemeente (
    casustafel_id INTEGER NOT NULL REFERENCES casustafel(id) ON DELETE CASCADE,
    gemeente_id   INTEGER NOT NULL REFERENCES gemeente(id),
    PRIMARY KEY (casustafel_id, gemeente_id)
  );
  CREATE TABLE besluit (
    id            INTEGER PRIMARY KEY,
    casustafel_id INTEGER NOT NULL REFERENCES casustafel(id) ON DELETE CASCADE,
    adres_id      INTEGER NOT NULL REFERENCES adres(id),
    besluit       TEXT NOT NULL CHECK (besluit IN ('controle','mono','meer-info','afgewezen')),
    toelichting   TEXT,
    aangemaakt    TEXT NOT NULL,
    UNIQUE (casustafel_id, adres_id)
  );
  CREATE TABLE besluit_partner (
    besluit_id INTEGER NOT NULL REFERENCES besluit(id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partner(id),
    PRIMARY KEY (besluit_id, partner_id)
  );
  CREATE TABLE avond (
    id            INTEGER PRIMARY KEY,
    casustafel_id INTEGER REFERENCES casustafel(id),
    datum         TEXT NOT NULL,
    starttijd     TEXT NOT NULL DEFAULT '19:00',
    doel          TEXT NOT NULL,
    verzamelpunt  TEXT,
    codewoord     TEXT,
    communicatie  TEXT,
    uitrusting    TEXT,   -- JSON array of strings
    leerpunten    TEXT,
    aangemaakt    TEXT NOT NULL
  );
  CREATE INDEX avond_datum ON avond(datum);
  CREATE TABLE avond_adres (
    avond_id           INTEGER NOT NULL REFERENCES avond(id) ON DELETE CASCADE,
    adres_id           INTEGER NOT NULL REFERENCES adres(id),
    volgorde           INTEGER NOT NULL,
    risico             TEXT CHECK (risico IN ('laag','midden','hoog')),
    risico_toelichting TEXT,
    PRIMARY KEY (avond_id, adres_id)
  );
  CREATE INDEX avond_adres_adres ON avond_adres(adres_id);
  CREATE TABLE avond_rol (
    id         INTEGER PRIMARY KEY,
    avond_id   INTEGER NOT NULL REFERENCES avond(id) ON DELETE CASCADE,
    rol        TEXT NOT NULL,
    naam       TEXT NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partner(id),
    telefoon   TEXT
  );
  CREATE INDEX avond_rol_avond ON avond_rol(avond_id);
  CREATE TABLE bevinding (
    id           INTEGER PRIMARY KEY,
    avond_id     INTEGER NOT NULL REFERENCES avond(id),
    adres_id     INTEGER NOT NULL REFERENCES adres(id),
    categorie_id INTEGER NOT NULL REFERENCES categorie(id),
    partner_id   INTEGER NOT NULL REFERENCES partner(id),
    omschrijving TEXT NOT NULL,
    maatregel    TEXT,
    personen     INTEGER CHECK (personen IS NULL OR personen >= 0),
    aangemaakt   TEXT NOT NULL
  );
  CREATE INDEX bevinding_avond ON bevinding(avond_id, categorie_id);
  CREATE INDEX bevinding_categorie ON bevinding(categorie_id);
  CREATE INDEX bevinding_adres ON bevinding(adres_id);
  CREATE INDEX bevinding_partner ON bevinding(partner_id);
  CREATE TABLE opvolging (
    id           INTEGER PRIMARY KEY,
    bevinding_id INTEGER NOT NULL REFERENCES bevinding(id) ON DELETE CASCADE,
    actie        TEXT NOT NULL,
    partner_id   INTEGER NOT NULL REFERENCES partner(id),
    deadline     TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open'
                 CHECK (status IN ('open','in-behandeling','afgerond','doodgelopen')),
    resultaat    TEXT,
    beeindigd    INTEGER CHECK (beeindigd IS NULL OR beeindigd IN (0,1)), -- hercontrole: violation ended?
    gesloten_op  TEXT,
    aangemaakt   TEXT NOT NULL,
    gewijzigd    TEXT NOT NULL
  );
  CREATE INDEX opvolging_bevinding ON opvolging(bevinding_id);
  CREATE INDEX opvolging_status_deadline ON opvolging(status, deadline);
  CREATE INDEX opvolging_partner ON opvolging(partner_id);
  CREATE TABLE briefhoofd (
    gemeente_id  INTEGER PRIMARY KEY REFERENCES gemeente(id) ON DELETE CASCADE,
    afdeling     TEXT,
    postadres    TEXT,
    telefoon     TEXT,
    email        TEXT,
    logo         TEXT,
    ondertekenaar_naam    TEXT,
    ondertekenaar_functie TEXT
  );
  CREATE TABLE brief (
    id            INTEGER PRIMARY KEY,
    kenmerk       TEXT NOT NULL UNIQUE,
    sjabloon      TEXT NOT NULL,
    adres_id      INTEGER NOT NULL REFERENCES adres(id),
    betrokkene_id INTEGER REFERENCES betrokkene(id),
    bestand       TEXT NOT NULL,
    datum         TEXT NOT NULL,
    aangemaakt    TEXT NOT NULL
  );
  CREATE TABLE brief_opvolging (
    brief_id     INTEGER NOT NULL REFERENCES brief(id) ON DELETE CASCADE,
    opvolging_id INTEGER NOT NULL REFERENCES opvolging(id) ON DELETE CASCADE,
    PRIMARY KEY (brief_id, opvolging_id)
  );
  CREATE INDEX brief_opvolging_opvolging ON brief_opvolging(opvolging_id);
  `,
  // v3 (issue 13, rapport van bevindingen): each finding's time of observation, its author(s) by
  // number and its method; evidence stored by SHA-256; signed, versioned reports. Findings of older
  // databases get the evening's start time, marked as estimated (tijdstip_geschat), and no author
  // or method: the report shows them as incomplete and cannot be signed until they are completed.
  `
  ALTER TABLE bevinding ADD COLUMN tijdstip TEXT;
  ALTER TABLE bevinding ADD COLUMN methode TEXT;
  ALTER TABLE bevinding ADD COLUMN tijdstip_geschat INTEGER NOT NULL DEFAULT 0 CHECK (tijdstip_geschat IN (0,1));
  UPDATE bevinding SET tijdstip = (SELECT starttijd FROM avond WHERE avond.id = bevinding.avond_id), tijdstip_geschat = 1;
  CREATE INDEX bevinding_avond_adres ON bevinding(avond_id, adres_id);
  -- Toezichthouders by number and function only: their names stay out of the tool (Veilige Publieke Taak).
  CREATE TABLE toezichthouder (
    id          INTEGER PRIMARY KEY,
    nummer      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    functie     TEXT NOT NULL,
    gemeente_id INTEGER REFERENCES gemeente(id),
    partner_id  INTEGER REFERENCES partner(id),
    beediging   TEXT CHECK (beediging IS NULL OR beediging IN ('ambtseed','ambtsbelofte')),
    aangemaakt  TEXT NOT NULL,
    CHECK ((gemeente_id IS NULL) <> (partner_id IS NULL))
  );
  CREATE TABLE bevinding_toezichthouder (
    bevinding_id      INTEGER NOT NULL REFERENCES bevinding(id) ON DELETE CASCADE,
    toezichthouder_id INTEGER NOT NULL REFERENCES toezichthouder(id),
    volgorde          INTEGER NOT NULL,
    PRIMARY KEY (bevinding_id, toezichthouder_id)
  );
  CREATE INDEX bevinding_toezichthouder_th ON bevinding_toezichthouder(toezichthouder_id);
  -- One row per distinct content (the file is <sha256> in the private folder next to the database).
  CREATE TABLE bijlage (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    soort      TEXT NOT NULL CHECK (soort IN ('jpeg','png','pdf')),
    grootte    INTEGER NOT NULL CHECK (grootte > 0),
    aangemaakt TEXT NOT NULL
  );
  CREATE TABLE bevinding_bijlage (
    bevinding_id INTEGER NOT NULL REFERENCES bevinding(id) ON DELETE CASCADE,
    bijlage_id   INTEGER NOT NULL REFERENCES bijlage(id),
    bijschrift   TEXT,
    bestandsnaam TEXT,
    aangemaakt   TEXT NOT NULL,
    PRIMARY KEY (bevinding_id, bijlage_id)
  );
  CREATE INDEX bevinding_bijlage_bijlage ON bevinding_bijlage(bijlage_id);
  -- A report per evening and address; its kenmerk is given at the first signature and never reused.
  CREATE TABLE rapport_teller (
    jaar    INTEGER PRIMARY KEY,
    laatste INTEGER NOT NULL
  );
  CREATE TABLE rapport (
    id         INTEGER PRIMARY KEY,
    kenmerk    TEXT NOT NULL UNIQUE,
    avond_id   INTEGER NOT NULL REFERENCES avond(id),
    adres_id   INTEGER NOT NULL REFERENCES adres(id),
    aangemaakt TEXT NOT NULL,
    UNIQUE (avond_id, adres_id)
  );
  -- A signed version is immutable: its content (JSON) and the PDF (in the private folder) by hash.
  CREATE TABLE rapport_versie (
    id                    INTEGER PRIMARY KEY,
    rapport_id            INTEGER NOT NULL REFERENCES rapport(id) ON DELETE CASCADE,
    versie                INTEGER NOT NULL CHECK (versie >= 1),
    dagtekening           TEXT NOT NULL,
    inhoud                TEXT NOT NULL,
    inhoud_sha256         TEXT NOT NULL,
    pdf_sha256            TEXT NOT NULL,
    ondertekend_door      INTEGER NOT NULL REFERENCES toezichthouder(id),
    ondertekend_gebruiker TEXT NOT NULL,
    ondertekend_op        TEXT NOT NULL,
    UNIQUE (rapport_id, versie)
  );
  CREATE TABLE rapport_versie_bevinding (
    rapport_versie_id INTEGER NOT NULL REFERENCES rapport_versie(id) ON DELETE CASCADE,
    bevinding_id      INTEGER NOT NULL REFERENCES bevinding(id) ON DELETE CASCADE,
    PRIMARY KEY (rapport_versie_id, bevinding_id)
  );
  CREATE INDEX rapport_versie_bevinding_bevinding ON rapport_versie_bevinding(bevinding_id);
  CREATE TRIGGER rapport_versie_onveranderlijk BEFORE UPDATE ON rapport_versie
    BEGIN SELECT RAISE(ABORT, 'een ondertekende versie is onveranderlijk'); END;
  `,
  // v4 (issue 12, handhavingsladder; issue 17.2, kenmerk counter): handhavingszaken per finding,
  // ladder steps as follow-ups with a stap and an earliest date, zienswijzen, enforcement profiles
  // per category, partner aliases/addresses, more betrokkene roles, capacity, mandate. See migratie-ladder.ts.
  ladderMigratie,
  // v5 (issue 14 point 7): a rule may give its action to the partner of each finding ("(eigenaar
  // bevinding)" in data/), so an SVB finding of sociale-zekerheidsfraude gives SVB the action, not
  // UWV. partner_id keeps the category's owner. The shipped category whose rules now follow the
  // finding is converted where its rules are still exactly as the previous release shipped them.
  (db) => {
    db.exec("ALTER TABLE categorie_opvolging ADD COLUMN eigenaar_bevinding INTEGER NOT NULL DEFAULT 0 CHECK (eigenaar_bevinding IN (0,1))");
    const vorigeRelease: Record<string, { eigenaar: string; regels: [string, number, string][] }> = {
      "sociale-zekerheidsfraude": {
        eigenaar: "UWV",
        regels: [
          ["onderzoek uitkeringsrecht", 30, "werkdagen"],
          ["terugkoppeling aan de gemeente", 20, "werkdagen"],
        ],
      },
    };
    for (const [code, v] of Object.entries(vorigeRelease)) {
      const c = db
        .prepare("SELECT c.id, p.naam FROM categorie c JOIN partner p ON p.id = c.partner_id WHERE c.code = ? COLLATE NOCASE")
        .get(code) as { id: number; naam: string } | undefined;
      if (!c || c.naam.toLowerCase() !== v.eigenaar.toLowerCase()) continue;
      const regels = db
        .prepare(
          `SELECT r.actie, r.termijn, r.eenheid, r.sjabloon, p.naam AS partner FROM categorie_opvolging r
           LEFT JOIN partner p ON p.id = r.partner_id WHERE r.categorie_id = ? ORDER BY r.volgorde`,
        )
        .all(c.id) as { actie: string; termijn: number; eenheid: string; sjabloon: string | null; partner: string | null }[];
      const ongewijzigd =
        regels.length === v.regels.length &&
        regels.every(
          (r, i) =>
            r.actie === v.regels[i]![0] &&
            r.termijn === v.regels[i]![1] &&
            r.eenheid === v.regels[i]![2] &&
            r.sjabloon === null &&
            r.partner?.toLowerCase() === v.eigenaar.toLowerCase(),
        );
      if (ongewijzigd) db.prepare("UPDATE categorie_opvolging SET eigenaar_bevinding = 1 WHERE categorie_id = ?").run(c.id);
    }
  },
  // v6 (hercontrole record, issue 12/13 follow-up): what the toezichthouder saw at a hercontrole, by
  // number, time and method, with evidence and a signed, versioned rapport van bevindingen (kenmerk
  // from the RVB counter), which the invorderingsbeschikking and the kostenverhaal cite. The day and
  // the outcome stay on the follow-up (gesloten_op, beeindigd). Older hercontroles get no record:
  // an invordering resting on one is held back until it is recorded (hercontrole wijzig) and signed.
  `
  CREATE TABLE hercontrole (
    opvolging_id INTEGER PRIMARY KEY REFERENCES opvolging(id) ON DELETE CASCADE,
    tijdstip     TEXT,
    methode      TEXT,
    waarneming   TEXT,
    kenmerk      TEXT UNIQUE,
    aangemaakt   TEXT NOT NULL,
    gewijzigd    TEXT NOT NULL
  );
  CREATE TABLE hercontrole_toezichthouder (
    opvolging_id      INTEGER NOT NULL REFERENCES hercontrole(opvolging_id) ON DELETE CASCADE,
    toezichthouder_id INTEGER NOT NULL REFERENCES toezichthouder(id),
    volgorde          INTEGER NOT NULL,
    PRIMARY KEY (opvolging_id, toezichthouder_id)
  );
  CREATE INDEX hercontrole_toezichthouder_th ON hercontrole_toezichthouder(toezichthouder_id);
  CREATE TABLE hercontrole_bijlage (
    opvolging_id INTEGER NOT NULL REFERENCES hercontrole(opvolging_id) ON DELETE CASCADE,
    bijlage_id   INTEGER NOT NULL REFERENCES bijlage(id),
    bijschrift   TEXT,
    bestandsnaam TEXT,
    aangemaakt   TEXT NOT NULL,
    PRIMARY KEY (opvolging_id, bijlage_id)
  );
  CREATE INDEX hercontrole_bijlage_bijlage ON hercontrole_bijlage(bijlage_id);
  CREATE TABLE hercontrole_versie (
    id                    INTEGER PRIMARY KEY,
    opvolging_id          INTEGER NOT NULL REFERENCES hercontrole(opvolging_id) ON DELETE CASCADE,
    versie                INTEGER NOT NULL CHECK (versie >= 1),
    dagtekening           TEXT NOT NULL,
    inhoud                TEXT NOT NULL,
    inhoud_sha256         TEXT NOT NULL,
    pdf_sha256            TEXT NOT NULL,
    ondertekend_door      INTEGER NOT NULL REFERENCES toezichthouder(id),
    ondertekend_gebruiker TEXT NOT NULL,
    ondertekend_op        TEXT NOT NULL,
    UNIQUE (opvolging_id, versie)
  );
  CREATE TRIGGER hercontrole_versie_onveranderlijk BEFORE UPDATE ON hercontrole_versie
    BEGIN SELECT RAISE(ABORT, 'een ondertekende versie is onveranderlijk'); END;
  `,
  // v7 (issue 16 pt 3, no lost updates): every change of a follow-up raises its versie, so a change
  // based on what a user saw earlier is refused when someone else changed the row in between.
  `ALTER TABLE opvolging ADD COLUMN versie INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
